/**
 * Which units a staff member may see in the feedback area: feedback handlers the units they
 * handle; unit staff (a `staff` grant scoped to a unit or a service line) their own units'
 * dashboard, read-only (no cases with contact details, no export, no import).
 */
import { error } from '@sveltejs/kit';
import type { FeedbackExecutor } from './feedback.db';
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

/**
 * Unit staff read their own unit's feedback. Only a scoped `staff` grant counts: a staff member
 * without a unit has no own unit (hasRole would read an unscoped grant as every unit).
 */
export function canReadUnit(
	user: SessionUser,
	unit: { id: number; service_line_id: number }
): boolean {
	return (
		canHandleUnit(user, unit) ||
		user.roles.some(
			(g) =>
				g.role === 'staff' &&
				(g.unitId === unit.id || (g.unitId === null && g.serviceLineId === unit.service_line_id))
		)
	);
}

/**
 * The visible units grouped by line; 403 when there are none. `handle` (the default) is for
 * cases, export and import; `read` lets unit staff in too, and says whether the view is read-only.
 */
export async function requireFeedbackScope(
	event: { locals: App.Locals; url: URL },
	db: FeedbackExecutor,
	locale: Locale,
	access: 'handle' | 'read' = 'handle'
): Promise<{ user: SessionUser; scope: StaffScope; readOnly: boolean }> {
	const user = requireUser(event);
	const may = access === 'read' ? canReadUnit : canHandleUnit;
	const lines = (await linesWithUnits(db, locale))
		.map((l) => ({
			...l,
			units: l.units.filter((u) => may(user, { id: u.id, service_line_id: l.id }))
		}))
		.filter((l) => l.units.length);
	const unitIds = lines.flatMap((l) => l.units.map((u) => u.id));
	if (!unitIds.length) error(403, 'forbidden');
	const handlesAny = lines.some((l) =>
		l.units.some((u) => canHandleUnit(user, { id: u.id, service_line_id: l.id }))
	);
	return { user, scope: { lines, unitIds }, readOnly: !handlesAny };
}
