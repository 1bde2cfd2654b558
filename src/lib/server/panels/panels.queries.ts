/** Reads of the panels module. */
import { sql } from 'kysely';
import type { PanelSpec, Quota, Volunteer } from '../../../../ml/panels';
import type { PanelsExecutor } from './panels.db';
import { SEATED } from './panels.types';

export function listPanels(db: PanelsExecutor) {
	return db
		.selectFrom('panel as p')
		.select([
			'p.id',
			'p.question',
			'p.size',
			'p.status',
			'p.draw_state',
			'p.published_at',
			'p.created_at',
			sql<number>`(select count(*) from panel_volunteer v where v.panel_id = p.id)`.as('volunteers')
		])
		.orderBy('p.id', 'desc')
		.execute();
}

export function getPanel(db: PanelsExecutor, id: number) {
	return db.selectFrom('panel').selectAll().where('id', '=', id).executeTakeFirst();
}
export type PanelRow = NonNullable<Awaited<ReturnType<typeof getPanel>>>;

export function quotasOf(db: PanelsExecutor, panelId: number) {
	return db
		.selectFrom('panel_quota')
		.select(['category', 'value', 'min', 'max'])
		.where('panel_id', '=', panelId)
		.orderBy('position')
		.execute();
}

export function volunteersOf(db: PanelsExecutor, panelId: number) {
	return db
		.selectFrom('panel_volunteer')
		.select([
			'id',
			'ref',
			'source',
			'name',
			'email',
			'locale',
			'attributes',
			'household',
			'probability',
			'state',
			'stay_in_pool',
			'replaces_id',
			'invited_at',
			'answered_at',
			'user_id',
			'pool_member_id'
		])
		.where('panel_id', '=', panelId)
		.orderBy('ref')
		.execute();
}
export type VolunteerRow = Awaited<ReturnType<typeof volunteersOf>>[number];

/** Yes-answers to the panel's pool invitation not yet among its volunteers. */
export function pendingPoolAnswers(db: PanelsExecutor, panelId: number) {
	return db
		.selectFrom('panel_pool_answer as a')
		.select(['a.member_id'])
		.where('a.panel_id', '=', panelId)
		.where('a.answer', '=', 'yes')
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('panel_volunteer as v')
						.select('v.id')
						.whereRef('v.panel_id', '=', 'a.panel_id')
						.whereRef('v.pool_member_id', '=', 'a.member_id')
				)
			)
		)
		.orderBy('a.answered_at')
		.execute();
}

/** The engine's input: volunteers (by their public ref) and quotas in the stored order. */
export async function panelSpec(db: PanelsExecutor, panel: PanelRow): Promise<PanelSpec> {
	const [quotas, volunteers] = await Promise.all([
		quotasOf(db, panel.id),
		volunteersOf(db, panel.id)
	]);
	const cats = panel.categories;
	return {
		size: panel.size,
		quotas: quotas.map((q): Quota => ({
			category: q.category,
			value: q.value,
			min: q.min,
			max: q.max
		})),
		volunteers: volunteers.map((v): Volunteer => ({
			id: v.ref,
			attributes: Object.fromEntries(cats.map((c) => [c, v.attributes[c] ?? ''])),
			...(panel.household_rule && v.household ? { household: v.household } : {})
		}))
	};
}

export function sessionsOf(db: PanelsExecutor, panelId: number) {
	return db
		.selectFrom('panel_session as s')
		.select([
			's.id',
			's.title',
			sql<string>`to_char(s.held_on, 'YYYY-MM-DD')`.as('held_on'),
			's.agenda',
			's.materials',
			's.experts',
			sql<number>`(select count(*) from panel_attendance a where a.session_id = s.id)`.as('present')
		])
		.where('s.panel_id', '=', panelId)
		.orderBy('s.held_on')
		.orderBy('s.id')
		.execute();
}

export async function attendanceOf(db: PanelsExecutor, sessionId: number) {
	const rows = await db
		.selectFrom('panel_attendance')
		.select('volunteer_id')
		.where('session_id', '=', sessionId)
		.execute();
	return rows.map((r) => r.volunteer_id);
}

/** Members on the panel (drawn or replacing someone, and not dropped out). */
export function seatedOf(db: PanelsExecutor, panelId: number) {
	return db
		.selectFrom('panel_volunteer')
		.select(['id', 'ref', 'name', 'state', 'user_id', 'email', 'locale', 'attributes'])
		.where('panel_id', '=', panelId)
		.where('state', 'in', [...SEATED])
		.orderBy('ref')
		.execute();
}

/** The recommendation's points with the number of members supporting each. */
export function pointsOf(db: PanelsExecutor, panelId: number) {
	return db
		.selectFrom('panel_point as p')
		.select([
			'p.id',
			'p.body',
			'p.created_at',
			sql<number>`(select count(*) from panel_support s join panel_volunteer v on v.id = s.volunteer_id where s.point_id = p.id and v.state = 'confirmed')`.as(
				'supporters'
			)
		])
		.where('p.panel_id', '=', panelId)
		.where('p.removed_at', 'is', null)
		.orderBy('p.id')
		.execute();
}

export async function supportsOf(db: PanelsExecutor, volunteerId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('panel_support')
		.select('point_id')
		.where('volunteer_id', '=', volunteerId)
		.execute();
	return rows.map((r) => r.point_id);
}

export async function confirmedCount(db: PanelsExecutor, panelId: number): Promise<number> {
	const r = await db
		.selectFrom('panel_volunteer')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('panel_id', '=', panelId)
		.where('state', '=', 'confirmed')
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

/** Every panel, newest first (the public list: what each is and how far it has come). */
export function publicPanels(db: PanelsExecutor) {
	return db
		.selectFrom('panel')
		.select(['id', 'question', 'size', 'status', 'drawn_at', 'published_at'])
		.orderBy('id', 'desc')
		.execute();
}

/**
 * The volunteer rows of one person: linked to their account, to their pool membership, or (a
 * mailed invitation's answer) to their e-mail address.
 */
export function volunteerRowsOf(
	db: PanelsExecutor,
	who: { userId: string; email: string; poolMemberId: string | null }
) {
	return db
		.selectFrom('panel_volunteer as v')
		.innerJoin('panel as p', 'p.id', 'v.panel_id')
		.select([
			'v.id',
			'v.panel_id',
			'v.state',
			'v.probability',
			'v.stay_in_pool',
			'v.user_id',
			'p.question',
			'p.status',
			'p.size',
			'p.draw_state',
			'p.published_at'
		])
		.where((eb) =>
			eb.or([
				eb('v.user_id', '=', who.userId),
				eb(sql`lower(v.email)`, '=', who.email.toLowerCase()),
				...(who.poolMemberId ? [eb('v.pool_member_id', '=', who.poolMemberId)] : [])
			])
		)
		.orderBy('v.panel_id', 'desc')
		.execute();
}
