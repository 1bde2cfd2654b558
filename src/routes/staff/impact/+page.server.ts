import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { STATUSES, isCoordinator, listFindings, type Status } from '$lib/server/impact';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const q = event.url.searchParams;
	const coordinator = isCoordinator(user);
	const rawStatus = q.get('status') ?? '';
	const status = (STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as Status) : null;
	// Owners see their own findings (theirs or their units'); coordinators see all unless they ask.
	const mine = !coordinator || q.get('mine') === '1';
	const search = (q.get('q') ?? '').trim().slice(0, 100);
	const rows = await listFindings(db, {
		status,
		waiting: q.get('waiting') === '1',
		q: search || undefined,
		mine: mine
			? {
					userId: user.id,
					unitIds: user.roles.flatMap((g) => (g.role === 'staff' && g.unitId ? [g.unitId] : []))
				}
			: null
	});
	return {
		coordinator,
		filter: { status: status ?? '', mine, waiting: q.get('waiting') === '1', q: search },
		findings: rows.map((f) => ({
			id: f.id,
			body: f.body.length > 140 ? `${f.body.slice(0, 139)}…` : f.body,
			status: f.status,
			kind: f.kind,
			topic: f.topic,
			changed: helsinkiDay(f.status_changed_at),
			owner: f.unit_fi
				? localName(
						{ name_fi: f.unit_fi, name_sv: f.unit_sv, name_en: f.unit_en },
						event.locals.locale
					)
				: (f.owner_name ?? null)
		}))
	};
};
