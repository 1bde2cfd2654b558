/** Which units a staff member may see in the feedback area: hasRole('feedback_handler') per unit. */
import { error } from '@sveltejs/kit';
import type { Executor } from '../core/db/database';
import { hasRole, type SessionUser } from '../core/auth/roles';
import { requireUser } from '../core/auth/guard';
import { linesWithUnits, type LineView } from './org-view';
import type { Locale } from '$lib/i18n';

export interface StaffScope {
	lines: LineView[];
	unitIds: number[];
}

export function canHandleUnit(
	user: SessionUser,
	unit: { id: number; service_line_id: number }
): boolean {
	return hasRole(user, 'feedback_handler', {
		unitId: unit.id,
		unitServiceLineId: unit.service_line_id
	});
}

/** The visible units grouped by line; 403 when the user handles no unit at all. */
export async function requireFeedbackScope(
	event: { locals: App.Locals; url: URL },
	db: Executor,
	locale: Locale
): Promise<{ user: SessionUser; scope: StaffScope }> {
	const user = requireUser(event);
	const lines = (await linesWithUnits(db, locale))
		.map((l) => ({
			...l,
			units: l.units.filter((u) => canHandleUnit(user, { id: u.id, service_line_id: l.id }))
		}))
		.filter((l) => l.units.length);
	const unitIds = lines.flatMap((l) => l.units.map((u) => u.id));
	if (!unitIds.length) error(403, 'forbidden');
	return { user, scope: { lines, unitIds } };
}
