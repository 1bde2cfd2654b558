/**
 * Reads of the councils module. Who may see what is decided by the caller (pages through
 * councils.access.ts): the public functions here return only the body's public information;
 * `membersOf` and `attendanceOf` carry contact details and are for coordinators and admins.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CouncilsExecutor } from './councils.db';

/** A `date` column as 'YYYY-MM-DD' on both drivers (pg reads a date as a local Date). */
export function isoDay(column: string): RawBuilder<string> {
	return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

/** The Helsinki calendar day of a timestamp column. */
export function helsinkiDayOf(column: string): RawBuilder<string> {
	return sql<string>`to_char(${sql.ref(column)} at time zone 'Europe/Helsinki', 'YYYY-MM-DD')`;
}

const bodyColumns = [
	'b.id',
	'b.kind',
	'b.name',
	'b.purpose',
	'b.service_line_ids',
	isoDay('b.term_starts_on').as('term_starts_on'),
	isoDay('b.term_ends_on').as('term_ends_on')
] as const;

/** Every body with its number of current members (public information). */
export function listBodies(db: CouncilsExecutor) {
	return db
		.selectFrom('council_body as b')
		.select([
			...bodyColumns,
			(eb) =>
				eb
					.selectFrom('council_member as m')
					.select((e) => e.fn.countAll<number>().as('n'))
					.whereRef('m.body_id', '=', 'b.id')
					.where('m.ends_on', 'is', null)
					.as('members')
		])
		.orderBy('b.kind')
		.orderBy('b.name')
		.execute();
}

export function getBody(db: CouncilsExecutor, id: number) {
	return db
		.selectFrom('council_body as b')
		.select(bodyColumns)
		.where('b.id', '=', id)
		.executeTakeFirst();
}

export function coordinatorsOf(db: CouncilsExecutor, bodyId: number) {
	return db
		.selectFrom('council_coordinator as c')
		.innerJoin('app_user as u', 'u.id', 'c.user_id')
		.select(['u.id', 'u.display_name'])
		.where('c.body_id', '=', bodyId)
		.orderBy('u.display_name')
		.execute();
}

/** Accounts that may be made a body's coordinator: holders of council_coordinator. */
export function coordinatorOptions(db: CouncilsExecutor) {
	return db
		.selectFrom('app_user as u')
		.innerJoin('user_role as r', 'r.user_id', 'u.id')
		.select(['u.id', 'u.display_name'])
		.where('r.role', '=', 'council_coordinator')
		.distinct()
		.orderBy('u.display_name')
		.execute();
}

export async function isBodyCoordinator(db: CouncilsExecutor, bodyId: number, userId: string) {
	const row = await db
		.selectFrom('council_coordinator')
		.select('body_id')
		.where('body_id', '=', bodyId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return !!row;
}

/** Members with contact details and history (current first): coordinators and admins only. */
export function membersOf(db: CouncilsExecutor, bodyId: number) {
	return db
		.selectFrom('council_member')
		.select([
			'id',
			'name',
			'email',
			'phone',
			'role',
			'pool_member_id',
			'user_id',
			isoDay('starts_on').as('starts_on'),
			isoDay('ends_on').as('ends_on'),
			'end_reason'
		])
		.where('body_id', '=', bodyId)
		.orderBy(sql`ends_on is null`, 'desc')
		.orderBy('name')
		.execute();
}

/** Members holding a seat on a calendar day (the seat began on or before it, ends on or after it). */
export function membersOnDay(db: CouncilsExecutor, bodyId: number, day: string) {
	return db
		.selectFrom('council_member')
		.select(['id', 'name', 'email', 'role', 'user_id'])
		.where('body_id', '=', bodyId)
		.where('starts_on', '<=', day)
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)]))
		.orderBy('name')
		.execute();
}

/** Pool members who answered a council invitation and have no seat yet. */
export function candidatesOf(db: CouncilsExecutor, bodyId: number) {
	return db
		.selectFrom('council_candidate as c')
		.innerJoin('pool_member as p', 'p.id', 'c.pool_member_id')
		.select(['c.id', 'c.answer', 'c.answered_at', 'p.name', 'p.municipality_code'])
		.where('c.body_id', '=', bodyId)
		.where('c.member_id', 'is', null)
		.where('c.answer', 'in', ['yes', 'maybe'])
		.orderBy('c.answered_at', 'desc')
		.execute();
}

const meetingColumns = [
	'm.id',
	'm.body_id',
	'm.starts_at',
	'm.place',
	'm.online_url',
	'm.status',
	'm.minutes',
	'm.invited_at',
	'm.reminded_at',
	'm.closed_at'
] as const;

export function meetingsOf(db: CouncilsExecutor, bodyId: number) {
	return db
		.selectFrom('council_meeting as m')
		.select(meetingColumns)
		.where('m.body_id', '=', bodyId)
		.orderBy('m.starts_at', 'desc')
		.execute();
}

export function getMeeting(db: CouncilsExecutor, id: number) {
	return db
		.selectFrom('council_meeting as m')
		.innerJoin('council_body as b', 'b.id', 'm.body_id')
		.select([...meetingColumns, 'b.name as body_name', 'b.kind as body_kind'])
		.where('m.id', '=', id)
		.executeTakeFirst();
}

export function agendaOf(db: CouncilsExecutor, meetingIds: number[]) {
	if (!meetingIds.length) return Promise.resolve([]);
	return db
		.selectFrom('council_agenda_item')
		.select(['id', 'meeting_id', 'position', 'service', 'question', 'brought_by', 'request_id'])
		.where('meeting_id', 'in', meetingIds)
		.orderBy('meeting_id')
		.orderBy('position')
		.execute();
}

export function materialsOf(db: CouncilsExecutor, meetingIds: number[]) {
	if (!meetingIds.length) return Promise.resolve([]);
	return db
		.selectFrom('council_material')
		.select(['id', 'meeting_id', 'title', 'url'])
		.where('meeting_id', 'in', meetingIds)
		.orderBy('id')
		.execute();
}

export async function attendanceOf(db: CouncilsExecutor, meetingId: number) {
	const rows = await db
		.selectFrom('council_attendance')
		.select('member_id')
		.where('meeting_id', '=', meetingId)
		.execute();
	return rows.map((r) => r.member_id);
}

/** Statements of meetings; `approvedOnly` for the public page. Drafters are named to coordinators only. */
export function statementsOf(db: CouncilsExecutor, meetingIds: number[], approvedOnly: boolean) {
	if (!meetingIds.length) return Promise.resolve([]);
	let q = db
		.selectFrom('council_statement as s')
		.leftJoin('council_member as m', 'm.id', 's.drafted_by')
		.select([
			's.id',
			's.meeting_id',
			's.body',
			's.status',
			's.approved_at',
			's.drafted_by',
			'm.name as drafter'
		])
		.where('s.meeting_id', 'in', meetingIds);
	if (approvedOnly) q = q.where('s.status', '=', 'approved');
	return q.orderBy('s.id').execute();
}

/** Counts per meeting of members present (public: a count, never names). */
export async function attendanceCounts(db: CouncilsExecutor, meetingIds: number[]) {
	if (!meetingIds.length) return new Map<number, number>();
	const rows = await db
		.selectFrom('council_attendance')
		.select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('meeting_id', 'in', meetingIds)
		.groupBy('meeting_id')
		.execute();
	return new Map(rows.map((r) => [r.meeting_id, Number(r.n)]));
}

const requestColumns = [
	'r.id',
	'r.body_id',
	'r.topic',
	'r.description',
	'r.status',
	'r.decline_reason',
	'r.answer',
	'r.created_at',
	'r.answered_at',
	'b.name as body_name'
] as const;

/** A body's request queue, with the asker's name: coordinators and admins. */
export function requestsOf(db: CouncilsExecutor, bodyId: number) {
	return db
		.selectFrom('council_request as r')
		.innerJoin('council_body as b', 'b.id', 'r.body_id')
		.leftJoin('app_user as u', 'u.id', 'r.asked_by')
		.select([...requestColumns, 'u.display_name as asker'])
		.where('r.body_id', '=', bodyId)
		.orderBy(sql`r.status = 'open'`, 'desc')
		.orderBy('r.created_at', 'desc')
		.execute();
}

/** What one staff member has asked, of any body. */
export function requestsBy(db: CouncilsExecutor, userId: string) {
	return db
		.selectFrom('council_request as r')
		.innerJoin('council_body as b', 'b.id', 'r.body_id')
		.select(requestColumns)
		.where('r.asked_by', '=', userId)
		.orderBy('r.created_at', 'desc')
		.execute();
}

export function getRequest(db: CouncilsExecutor, id: number) {
	return db.selectFrom('council_request').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The seats a signed-in person holds now or held (by account link). */
export function seatsOfUser(db: CouncilsExecutor, userId: string) {
	return db
		.selectFrom('council_member as m')
		.innerJoin('council_body as b', 'b.id', 'm.body_id')
		.select([
			'm.id',
			'm.body_id',
			'm.role',
			isoDay('m.starts_on').as('starts_on'),
			isoDay('m.ends_on').as('ends_on'),
			'b.name as body_name',
			'b.kind as body_kind'
		])
		.where('m.user_id', '=', userId)
		.orderBy('m.starts_on', 'desc')
		.execute();
}
