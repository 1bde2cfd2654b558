/**
 * What the staff and public pages read. Public readers never select a person: owners show as
 * their unit (a person-owner shows as "the county"), contacts are counted, never listed, and
 * figures from fewer than SMALL_GROUP people are masked by the pages (`maskSmall`).
 */
import { sql, type RawBuilder } from 'kysely';
import type { ImpactExecutor } from './impact.db';
import type { PublicFilter } from './impact.schemas';
import { SMALL_GROUP, WAITING_STATUSES, type Status } from './impact.types';
import { findingRecipients } from './contacts';
import { participantsOf, participation } from './participants';

/** A `date` column as 'YYYY-MM-DD' on both drivers (pg reads a date as a local Date). */
export function isoDay(column: string): RawBuilder<string> {
	return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

/** "< 5" for a figure computed from fewer than five people; null stays null (unknown). */
export function maskSmall(n: number | null): string | number | null {
	if (n === null) return null;
	return n < SMALL_GROUP ? `< ${SMALL_GROUP}` : n;
}

export interface StaffFilter {
	status?: Status | null;
	mine?: { userId: string; unitIds: number[] } | null;
	waiting?: boolean;
	q?: string;
}

export function listFindings(db: ImpactExecutor, f: StaffFilter = {}) {
	let q = db
		.selectFrom('impact_finding as f')
		.innerJoin('impact_activity as a', 'a.id', 'f.activity_id')
		.leftJoin('unit as u', 'u.id', 'f.owner_unit_id')
		.leftJoin('app_user as o', 'o.id', 'f.owner_user_id')
		.select([
			'f.id',
			'f.body',
			'f.kind',
			'f.status',
			'f.status_changed_at',
			isoDay('f.recorded_on').as('recorded_on'),
			'a.topic',
			'a.id as activity_id',
			'u.name_fi as unit_fi',
			'u.name_sv as unit_sv',
			'u.name_en as unit_en',
			'o.display_name as owner_name'
		])
		.where('f.withdrawn_at', 'is', null);
	if (f.status) q = q.where('f.status', '=', f.status);
	if (f.waiting) q = q.where('f.status', 'in', ['received', 'under_consideration']);
	if (f.q) q = q.where('f.body', 'ilike', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
	if (f.mine) {
		const mine = f.mine;
		q = q.where((eb) =>
			eb.or([
				eb('f.owner_user_id', '=', mine.userId),
				...(mine.unitIds.length ? [eb('f.owner_unit_id', 'in', mine.unitIds)] : [])
			])
		);
	}
	return q.orderBy('f.status_changed_at', 'desc').orderBy('f.id', 'desc').limit(500).execute();
}

export async function getFinding(db: ImpactExecutor, id: number) {
	const f = await db
		.selectFrom('impact_finding as f')
		.innerJoin('impact_activity as a', 'a.id', 'f.activity_id')
		.leftJoin('unit as u', 'u.id', 'f.owner_unit_id')
		.leftJoin('app_user as o', 'o.id', 'f.owner_user_id')
		.select([
			'f.id',
			'f.body',
			'f.note',
			'f.kind',
			'f.status',
			'f.evidence',
			'f.owner_unit_id',
			'f.owner_user_id',
			'u.service_line_id as owner_unit_line',
			'f.decision_id',
			'f.source_type',
			isoDay('f.recorded_on').as('recorded_on'),
			'a.id as activity_id',
			'a.topic',
			'u.name_fi as unit_fi',
			'u.name_sv as unit_sv',
			'u.name_en as unit_en',
			'o.display_name as owner_name'
		])
		.where('f.id', '=', id)
		.where('f.withdrawn_at', 'is', null)
		.executeTakeFirst();
	if (!f) return null;
	const contacts = (await findingRecipients(db, [id])).length;
	return { ...f, contacts, timeline: await timeline(db, [id]) };
}

/** Responses of findings, oldest first: the timeline (public fields only). */
export function timeline(db: ImpactExecutor, findingIds: number[]) {
	if (findingIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('impact_response as r')
		.leftJoin('unit as u', 'u.id', 'r.owner_unit_id')
		.select([
			'r.id',
			'r.finding_id',
			'r.status',
			isoDay('r.effective_on').as('effective_on'),
			'r.explanation_fi',
			'r.explanation_sv',
			'r.explanation_en',
			'r.created_at',
			'u.name_fi as unit_fi',
			'u.name_sv as unit_sv',
			'u.name_en as unit_en'
		])
		.where('r.finding_id', 'in', findingIds)
		.orderBy('r.effective_on')
		.orderBy('r.id')
		.execute();
}

export function listDecisions(db: ImpactExecutor) {
	return db
		.selectFrom('impact_decision as d')
		.select((eb) => [
			'd.id',
			'd.parent_id',
			'd.title_fi',
			'd.title_sv',
			'd.title_en',
			'd.progress',
			isoDay('d.decided_on').as('decided_on'),
			eb
				.selectFrom('impact_finding as f')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('f.decision_id', '=', 'd.id')
				.where('f.withdrawn_at', 'is', null)
				.as('findings')
		])
		.orderBy('d.id')
		.execute();
}

/** Units and the staff people a finding can be assigned to. */
export async function ownerOptions(db: ImpactExecutor) {
	const units = await db
		.selectFrom('unit')
		.select(['id', 'name_fi', 'name_sv', 'name_en', 'service_line_id'])
		.where('active', '=', true)
		.orderBy('name_fi')
		.execute();
	const people = await db
		.selectFrom('app_user as u')
		.innerJoin('user_role as r', 'r.user_id', 'u.id')
		.select(['u.id', 'u.display_name'])
		.distinct()
		.where('r.role', '!=', 'resident')
		.where('u.disabled_at', 'is', null)
		.orderBy('u.display_name')
		.execute();
	return { units, people };
}

// ---------------------------------------------------------------- public

const publicFindingColumns = [
	'f.id',
	'f.body',
	'f.kind',
	'f.status',
	'f.status_changed_at',
	'f.evidence',
	'a.id as activity_id',
	'a.topic',
	'a.source_type',
	'd.title_fi as decision_fi',
	'd.title_sv as decision_sv',
	'd.title_en as decision_en',
	'u.name_fi as unit_fi',
	'u.name_sv as unit_sv',
	'u.name_en as unit_en'
] as const;

/** "Sanoitte – teimme": findings with their latest status, newest change first. */
export function publicFindings(db: ImpactExecutor, f: PublicFilter, limit = 200) {
	let q = db
		.selectFrom('impact_finding as f')
		.innerJoin('impact_activity as a', 'a.id', 'f.activity_id')
		.leftJoin('impact_decision as d', 'd.id', 'f.decision_id')
		.leftJoin('unit as u', 'u.id', 'f.owner_unit_id')
		.select([...publicFindingColumns, isoDay('f.recorded_on').as('recorded_on')])
		.where('f.withdrawn_at', 'is', null);
	if (f.status) q = q.where('f.status', '=', f.status);
	if (f.municipality) q = q.where('a.municipality_code', '=', f.municipality);
	if (f.year) q = q.where(sql<number>`extract(year from f.recorded_on)`, '=', f.year);
	if (f.serviceLineId) {
		const line = f.serviceLineId;
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('impact_activity_service_line as l')
					.select('l.activity_id')
					.whereRef('l.activity_id', '=', 'a.id')
					.where('l.service_line_id', '=', line)
			)
		);
	}
	return q.orderBy('f.status_changed_at', 'desc').orderBy('f.id', 'desc').limit(limit).execute();
}

/** The years that have findings, for the filter. */
export async function findingYears(db: ImpactExecutor): Promise<number[]> {
	const rows = await db
		.selectFrom('impact_finding')
		.select(sql<number>`extract(year from recorded_on)::int`.as('y'))
		.distinct()
		.where('withdrawn_at', 'is', null)
		.orderBy('y', 'desc')
		.execute();
	return rows.map((r) => Number(r.y));
}

export async function publicActivity(db: ImpactExecutor, id: number) {
	const a = await db
		.selectFrom('impact_activity as a')
		.leftJoin('municipality as m', 'm.code', 'a.municipality_code')
		.leftJoin('unit as u', 'u.id', 'a.organiser_unit_id')
		.select([
			'a.id',
			'a.topic',
			'a.description',
			'a.source_type',
			'a.source_id',
			'a.organiser',
			isoDay('a.starts_on').as('starts_on'),
			isoDay('a.ends_on').as('ends_on'),
			'a.invited',
			'a.took_part',
			'a.by_group',
			'm.name_fi as municipality_fi',
			'm.name_sv as municipality_sv',
			// The organising unit's name: public, unlike a person's (the organiser text is staff-written).
			'u.name_fi as unit_fi',
			'u.name_sv as unit_sv',
			'u.name_en as unit_en'
		])
		.where('a.id', '=', id)
		.executeTakeFirst();
	if (!a) return null;
	const { tookPart, byGroup } = participation(a, (await participantsOf(db, [a]))(a));
	a.took_part = tookPart;
	a.by_group = byGroup;
	const lines = await db
		.selectFrom('impact_activity_service_line as l')
		.innerJoin('service_line as s', 's.id', 'l.service_line_id')
		.select(['s.id', 's.name_fi', 's.name_sv', 's.name_en'])
		.where('l.activity_id', '=', id)
		.orderBy('s.sort_order')
		.execute();
	const findings = await db
		.selectFrom('impact_finding as f')
		.innerJoin('impact_activity as a', 'a.id', 'f.activity_id')
		.leftJoin('impact_decision as d', 'd.id', 'f.decision_id')
		.leftJoin('unit as u', 'u.id', 'f.owner_unit_id')
		.select([...publicFindingColumns, 'f.decision_id', isoDay('f.recorded_on').as('recorded_on')])
		.where('f.activity_id', '=', id)
		.where('f.withdrawn_at', 'is', null)
		.orderBy('f.id')
		.execute();
	return {
		activity: a,
		serviceLines: lines,
		findings,
		milestones: await decisionMilestones(
			db,
			findings.flatMap((f) => (f.decision_id === null ? [] : [f.decision_id]))
		),
		timeline: await timeline(
			db,
			findings.map((f) => f.id)
		)
	};
}

/** The milestones of the given decisions, oldest first (public: titles and dates only). */
export function decisionMilestones(db: ImpactExecutor, decisionIds: readonly number[]) {
	if (decisionIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('impact_milestone')
		.select([
			'id',
			'decision_id',
			'title_fi',
			'title_sv',
			'title_en',
			isoDay('reached_on').as('reached_on')
		])
		.where('decision_id', 'in', [...new Set(decisionIds)])
		.orderBy('reached_on')
		.orderBy('id')
		.execute();
}

/** One milestone with its decision's title, for its edit page. */
export function getMilestone(db: ImpactExecutor, id: number) {
	return db
		.selectFrom('impact_milestone as m')
		.innerJoin('impact_decision as d', 'd.id', 'm.decision_id')
		.select([
			'm.id',
			'm.decision_id',
			'm.title_fi',
			'm.title_sv',
			'm.title_en',
			isoDay('m.reached_on').as('reached_on'),
			'd.title_fi as decision_fi',
			'd.title_sv as decision_sv',
			'd.title_en as decision_en'
		])
		.where('m.id', '=', id)
		.executeTakeFirst();
}

/** Status changes, newest first: the Atom feed and the "what changed" list. */
export function statusChanges(db: ImpactExecutor, limit = 100) {
	return db
		.selectFrom('impact_response as r')
		.innerJoin('impact_finding as f', 'f.id', 'r.finding_id')
		.select([
			'r.id',
			'r.status',
			'r.created_at',
			isoDay('r.effective_on').as('effective_on'),
			'r.explanation_fi',
			'r.explanation_sv',
			'r.explanation_en',
			'f.id as finding_id',
			'f.body',
			'f.activity_id'
		])
		.where('f.withdrawn_at', 'is', null)
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id', 'desc')
		.limit(limit)
		.execute();
}

/** Everything public, for the CSV and JSON exports (see the schema on /sanoitte-teimme/data). */
export async function openData(db: ImpactExecutor) {
	const activityRows = await db
		.selectFrom('impact_activity as a')
		.select((eb) => [
			'a.id',
			'a.source_type',
			'a.topic',
			'a.municipality_code',
			isoDay('a.starts_on').as('starts_on'),
			isoDay('a.ends_on').as('ends_on'),
			'a.source_id',
			'a.invited',
			'a.took_part',
			'a.by_group',
			eb
				.selectFrom('impact_activity_service_line as l')
				.innerJoin('service_line as s', 's.id', 'l.service_line_id')
				.select(sql<string>`string_agg(s.code, ' ' order by s.sort_order)`.as('x'))
				.whereRef('l.activity_id', '=', 'a.id')
				.as('service_lines')
		])
		.orderBy('a.id')
		.execute();
	const frozen = await participantsOf(db, activityRows);
	const activities = activityRows.map(({ source_id: _id, by_group, ...a }) => ({
		...a,
		took_part: participation({ ...a, by_group }, frozen({ ...a, source_id: _id })).tookPart
	}));
	const findings = await db
		.selectFrom('impact_finding as f')
		.leftJoin('unit as u', 'u.id', 'f.owner_unit_id')
		.select([
			'f.id',
			'f.activity_id',
			'f.kind',
			'f.body',
			'f.status',
			'f.decision_id',
			'u.code as owner_unit',
			isoDay('f.recorded_on').as('recorded_on')
		])
		.where('f.withdrawn_at', 'is', null)
		.orderBy('f.id')
		.execute();
	const responses = await db
		.selectFrom('impact_response as r')
		.innerJoin('impact_finding as f', 'f.id', 'r.finding_id')
		.select([
			'r.id',
			'r.finding_id',
			'r.status',
			isoDay('r.effective_on').as('effective_on'),
			'r.explanation_fi',
			'r.explanation_sv',
			'r.explanation_en'
		])
		.where('f.withdrawn_at', 'is', null)
		.orderBy('r.id')
		.execute();
	const decisions = await db
		.selectFrom('impact_decision')
		.select(['id', 'parent_id', 'title_fi', 'title_sv', 'title_en', 'progress'])
		.orderBy('id')
		.execute();
	const milestones = await db
		.selectFrom('impact_milestone')
		.select([
			'id',
			'decision_id',
			isoDay('reached_on').as('reached_on'),
			'title_fi',
			'title_sv',
			'title_en'
		])
		.orderBy('decision_id')
		.orderBy('reached_on')
		.orderBy('id')
		.execute();
	return { activities, findings, responses, decisions, milestones };
}

/** The findings behind a decision (for moving them together: one notice per person). */
export async function decisionFindingIds(
	db: ImpactExecutor,
	decisionId: number
): Promise<number[]> {
	const rows = await db
		.selectFrom('impact_finding')
		.select('id')
		.where('decision_id', '=', decisionId)
		.where('withdrawn_at', 'is', null)
		.orderBy('id')
		.execute();
	return rows.map((r) => r.id);
}

/**
 * The public state of findings another module fed, by its own ids: a source's page shows what
 * came of what it sent (the councils' body page). Withdrawn findings are left out.
 */
export function findingsOfSource(db: ImpactExecutor, sourceType: string, sourceIds: string[]) {
	if (!sourceIds.length) return Promise.resolve([]);
	return db
		.selectFrom('impact_finding')
		.select(['id', 'source_id', 'status', 'activity_id'])
		.where('source_type', '=', sourceType)
		.where('source_id', 'in', sourceIds)
		.where('withdrawn_at', 'is', null)
		.execute();
}

/** Activities entered by hand, newest first, with their count of findings (the staff page). */
export function handActivities(db: ImpactExecutor, limit = 100) {
	return db
		.selectFrom('impact_activity as a')
		.select([
			'a.id',
			'a.topic',
			'a.source_type',
			'a.source_id',
			isoDay('a.starts_on').as('starts_on'),
			isoDay('a.ends_on').as('ends_on'),
			'a.took_part',
			sql<number>`(select count(*) from impact_finding f where f.activity_id = a.id and f.withdrawn_at is null)`.as(
				'findings'
			)
		])
		.where('a.source_type', 'in', ['workshop', 'other'])
		.orderBy('a.starts_on', 'desc')
		.orderBy('a.id', 'desc')
		.limit(limit)
		.execute();
}

/**
 * How far the tracker has followed what another module's activity fed it (the phase steps of a
 * conversation's or panel's public page): the activity's public page, its findings, and how many
 * of them have an answer (a status past the waiting ones). Null when nothing was fed yet.
 */
export async function sourceProgress(db: ImpactExecutor, sourceType: string, sourceId: string) {
	const a = await db
		.selectFrom('impact_activity as a')
		.select([
			'a.id',
			sql<number>`(select count(*)::int from impact_finding f where f.activity_id = a.id and f.withdrawn_at is null)`.as(
				'findings'
			),
			sql<number>`(select count(*)::int from impact_finding f where f.activity_id = a.id and f.withdrawn_at is null and f.status not in (${sql.join(WAITING_STATUSES)}))`.as(
				'answered'
			)
		])
		.where('a.source_type', '=', sourceType)
		.where('a.source_id', '=', sourceId)
		.executeTakeFirst();
	return a
		? { activityId: a.id, findings: Number(a.findings), answered: Number(a.answered) }
		: null;
}
