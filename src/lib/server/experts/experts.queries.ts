/**
 * Reads of the register, requests and assignments. Privacy: `staffRequestView` gives staff only
 * what their request needs of an expert (first name, experience areas, ways to meet); everything
 * else about a person is read by the coordinator's and the expert's own functions.
 */
import { sql, type RawBuilder } from 'kysely';
import { helsinkiDay } from '../core/time';
import type { ExpertsExecutor } from './experts.db';
import type { Candidate, MatchRequest } from './matching';

export function isoDay(column: string): RawBuilder<string> {
	return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

const PROFILE_COLUMNS = [
	'p.id',
	'p.user_id',
	'p.kind',
	'p.first_name',
	'p.phone',
	'p.areas',
	'p.pending_areas',
	'p.services',
	'p.languages',
	'p.municipalities',
	'p.ways',
	'p.meeting',
	'p.paused',
	'p.status',
	'p.approved_at'
] as const;

/** The signed-in person's own profile with trainings and assignments, or null. */
export async function ownProfile(db: ExpertsExecutor, userId: string) {
	const p = await db
		.selectFrom('expert_profile as p')
		.select(PROFILE_COLUMNS)
		.select([
			isoDay('p.available_from').as('available_from'),
			isoDay('p.available_until').as('available_until')
		])
		.where('p.user_id', '=', userId)
		.executeTakeFirst();
	if (!p) return null;
	return {
		...p,
		trainings: await trainings(db, p.id),
		assignments: await expertAssignments(db, p.id)
	};
}

export function trainings(db: ExpertsExecutor, profileId: number) {
	return db
		.selectFrom('expert_training')
		.select(['id', 'name', isoDay('completed_on').as('completed_on')])
		.where('profile_id', '=', profileId)
		.orderBy('completed_on', 'desc')
		.orderBy('id')
		.execute();
}

/** An expert's assignments, for their own page. */
export function expertAssignments(db: ExpertsExecutor, profileId: number) {
	return db
		.selectFrom('expert_assignment as a')
		.innerJoin('expert_request as r', 'r.id', 'a.request_id')
		.innerJoin('unit as u', 'u.id', 'r.unit_id')
		.select([
			'a.id',
			'a.status',
			'a.starts_at',
			'a.ends_at',
			'a.hours',
			'a.fee',
			'a.travel',
			'a.expert_feedback',
			'r.project',
			'r.purpose',
			'r.format',
			'r.language',
			'u.name_fi',
			'u.name_sv',
			'u.name_en'
		])
		.where('a.profile_id', '=', profileId)
		.where('a.status', '!=', 'withdrawn')
		.orderBy('a.starts_at', 'desc')
		.execute();
}

/** The register for the coordinator: everyone, pending approvals first. */
export function listProfiles(db: ExpertsExecutor) {
	return db
		.selectFrom('expert_profile as p')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.select(PROFILE_COLUMNS)
		.select(['u.display_name', 'u.email'])
		.orderBy(sql`(p.status = 'pending' or p.pending_areas is not null)`, 'desc')
		.orderBy('p.first_name')
		.orderBy('p.id')
		.execute();
}

/** One profile with the person's name and address: coordinator only. */
export async function getProfile(db: ExpertsExecutor, id: number) {
	const p = await db
		.selectFrom('expert_profile as p')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.select(PROFILE_COLUMNS)
		.select([
			'u.display_name',
			'u.email',
			isoDay('p.available_from').as('available_from'),
			isoDay('p.available_until').as('available_until')
		])
		.where('p.id', '=', id)
		.executeTakeFirst();
	if (!p) return null;
	return {
		...p,
		trainings: await trainings(db, p.id),
		assignments: await expertAssignments(db, p.id)
	};
}

const REQUEST_COLUMNS = [
	'r.id',
	'r.requested_by',
	'r.unit_id',
	'r.project',
	'r.purpose',
	'r.area',
	'r.format',
	'r.language',
	'r.starts_at',
	'r.ends_at',
	'r.experts_needed',
	'r.budget',
	'r.status',
	'r.created_at',
	'u.name_fi',
	'u.name_sv',
	'u.name_en',
	'u.municipality_code'
] as const;

export function getRequest(db: ExpertsExecutor, id: number) {
	return db
		.selectFrom('expert_request as r')
		.innerJoin('unit as u', 'u.id', 'r.unit_id')
		.select(REQUEST_COLUMNS)
		.where('r.id', '=', id)
		.executeTakeFirst();
}

/** A member of staff's own requests, newest first, with how many experts have accepted. */
export function ownRequests(db: ExpertsExecutor, userId: string) {
	return db
		.selectFrom('expert_request as r')
		.innerJoin('unit as u', 'u.id', 'r.unit_id')
		.select(REQUEST_COLUMNS)
		.select((eb) =>
			eb
				.selectFrom('expert_assignment as a')
				.whereRef('a.request_id', '=', 'r.id')
				.where('a.status', 'in', ['accepted', 'closed'])
				.select(sql<number>`count(*)::int`.as('n'))
				.as('accepted')
		)
		.where('r.requested_by', '=', userId)
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id', 'desc')
		.execute();
}

/** Requests for the coordinator: open ones first, then the rest, by start. */
export function coordinatorRequests(db: ExpertsExecutor) {
	return db
		.selectFrom('expert_request as r')
		.innerJoin('unit as u', 'u.id', 'r.unit_id')
		.leftJoin('app_user as s', 's.id', 'r.requested_by')
		.select(REQUEST_COLUMNS)
		.select('s.display_name as requester')
		.select((eb) =>
			eb
				.selectFrom('expert_assignment as a')
				.whereRef('a.request_id', '=', 'r.id')
				.where('a.status', 'in', ['accepted', 'closed'])
				.select(sql<number>`count(*)::int`.as('n'))
				.as('accepted')
		)
		.select((eb) =>
			eb
				.selectFrom('expert_assignment as a')
				.whereRef('a.request_id', '=', 'r.id')
				.where('a.status', '=', 'proposed')
				.select(sql<number>`count(*)::int`.as('n'))
				.as('proposed')
		)
		.orderBy(sql`(r.status = 'open')`, 'desc')
		.orderBy('r.starts_at')
		.orderBy('r.id')
		.execute();
}

/** Every assignment of a request with the expert's details, for the coordinator. */
export function requestAssignments(db: ExpertsExecutor, requestId: number) {
	return db
		.selectFrom('expert_assignment as a')
		.innerJoin('expert_profile as p', 'p.id', 'a.profile_id')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.select([
			'a.id',
			'a.status',
			'a.profile_id',
			'a.proposed_at',
			'a.answered_at',
			'a.hours',
			'a.fee',
			'a.travel',
			'a.finding',
			'a.staff_feedback',
			'a.expert_feedback',
			'a.closed_at',
			'p.first_name',
			'p.kind',
			'p.areas',
			'p.meeting',
			'u.display_name',
			'u.email',
			'p.phone'
		])
		.where('a.request_id', '=', requestId)
		.orderBy('a.proposed_at')
		.orderBy('a.id')
		.execute();
}

/**
 * What staff see of a request's experts: the first name, experience areas and ways to meet of
 * those who accepted (and the fact of a proposal waiting), nothing else about the person.
 */
export async function staffRequestView(db: ExpertsExecutor, requestId: number) {
	const rows = await requestAssignments(db, requestId);
	return {
		waiting: rows.filter((r) => r.status === 'proposed').length,
		experts: rows
			.filter((r) => r.status === 'accepted' || r.status === 'closed')
			.map((r) => ({
				assignmentId: r.id,
				status: r.status,
				firstName: r.first_name,
				kind: r.kind,
				areas: r.areas,
				meeting: r.meeting,
				staffFeedback: r.staff_feedback,
				closed: r.status === 'closed'
			}))
	};
}

/** The request as the ranking reads it. */
export function matchRequestOf(r: {
	area: string;
	language: string;
	format: string;
	municipality_code: string | null;
	starts_at: Date;
	ends_at: Date;
}): MatchRequest {
	return {
		area: r.area,
		language: r.language,
		format: r.format,
		municipality: r.municipality_code,
		startsAt: r.starts_at,
		endsAt: r.ends_at,
		firstDay: helsinkiDay(r.starts_at),
		// The last moment inside the request: an end at midnight does not reach the next day.
		lastDay: helsinkiDay(r.ends_at.getTime() - 1)
	};
}

/**
 * Every approved expert as a ranking candidate for the request: bookings are their proposed,
 * accepted and closed assignments of other requests; the rotation count is accepted and closed
 * assignments starting in the request's year (Helsinki).
 */
export async function candidatesFor(
	db: ExpertsExecutor,
	requestId: number,
	year: number
): Promise<Candidate[]> {
	const profiles = await db
		.selectFrom('expert_profile as p')
		.select([
			'p.id',
			'p.first_name',
			'p.kind',
			'p.areas',
			'p.languages',
			'p.municipalities',
			'p.ways',
			'p.paused',
			isoDay('p.available_from').as('available_from'),
			isoDay('p.available_until').as('available_until')
		])
		.where('p.status', '=', 'approved')
		.execute();
	const bookings = await db
		.selectFrom('expert_assignment')
		.select(['profile_id', 'starts_at', 'ends_at', 'status'])
		.where('request_id', '!=', requestId)
		.where('status', 'in', ['proposed', 'accepted', 'closed'])
		.execute();
	const from = new Date(`${year}-01-01T00:00:00+02:00`);
	const to = new Date(`${year + 1}-01-01T00:00:00+02:00`);
	const byProfile = new Map<number, { startsAt: Date; endsAt: Date }[]>();
	const count = new Map<number, number>();
	for (const b of bookings) {
		const list = byProfile.get(b.profile_id) ?? [];
		list.push({ startsAt: b.starts_at, endsAt: b.ends_at });
		byProfile.set(b.profile_id, list);
		if (b.status !== 'proposed' && b.starts_at >= from && b.starts_at < to)
			count.set(b.profile_id, (count.get(b.profile_id) ?? 0) + 1);
	}
	return profiles.map((p) => ({
		profileId: p.id,
		firstName: p.first_name,
		kind: p.kind,
		areas: p.areas,
		languages: p.languages,
		municipalities: p.municipalities,
		ways: p.ways,
		paused: p.paused,
		availableFrom: p.available_from,
		availableUntil: p.available_until,
		bookings: byProfile.get(p.id) ?? [],
		assignmentsThisYear: count.get(p.id) ?? 0
	}));
}

/** The profiles already asked for a request (any answer): not proposed again. */
export async function askedFor(db: ExpertsExecutor, requestId: number): Promise<Set<number>> {
	const rows = await db
		.selectFrom('expert_assignment')
		.select('profile_id')
		.where('request_id', '=', requestId)
		.execute();
	return new Set(rows.map((r) => r.profile_id));
}

/** The assignment a link's token opens (hashed), with what the expert needs to answer. */
export function assignmentByTokenHash(db: ExpertsExecutor, hash: string) {
	return db
		.selectFrom('expert_assignment as a')
		.innerJoin('expert_request as r', 'r.id', 'a.request_id')
		.innerJoin('unit as u', 'u.id', 'r.unit_id')
		.select([
			'a.id',
			'a.status',
			'a.starts_at',
			'a.ends_at',
			'r.project',
			'r.purpose',
			'r.format',
			'r.language',
			'u.name_fi',
			'u.name_sv',
			'u.name_en'
		])
		.where('a.token_hash', '=', hash)
		.executeTakeFirst();
}

/** One assignment with its request and expert: coordinator view. */
export function getAssignment(db: ExpertsExecutor, id: number) {
	return db
		.selectFrom('expert_assignment as a')
		.innerJoin('expert_request as r', 'r.id', 'a.request_id')
		.innerJoin('expert_profile as p', 'p.id', 'a.profile_id')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.innerJoin('unit as un', 'un.id', 'r.unit_id')
		.select([
			'a.id',
			'a.status',
			'a.request_id',
			'a.profile_id',
			'a.starts_at',
			'a.ends_at',
			'a.hours',
			'a.fee',
			'a.travel',
			'a.fee_record_id',
			'a.finding',
			'a.staff_feedback',
			'a.expert_feedback',
			'a.closed_at',
			'r.project',
			'r.purpose',
			'r.requested_by',
			'r.unit_id',
			'p.user_id as expert_user_id',
			'p.first_name',
			'p.kind',
			'u.display_name',
			'un.name_fi',
			'un.name_sv',
			'un.name_en'
		])
		.where('a.id', '=', id)
		.executeTakeFirst();
}

export interface TotalRow {
	year: number;
	unit: string;
	expert: string;
	assignments: number;
	hours: number;
	fee: number;
	travel: number;
}

/** Closed assignments' hours, fees and travel by year, unit and expert (coordinator). */
export async function totals(db: ExpertsExecutor): Promise<TotalRow[]> {
	const rows = await db
		.selectFrom('expert_assignment as a')
		.innerJoin('expert_request as r', 'r.id', 'a.request_id')
		.innerJoin('unit as un', 'un.id', 'r.unit_id')
		.innerJoin('expert_profile as p', 'p.id', 'a.profile_id')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.select([
			sql<number>`extract(year from a.starts_at at time zone 'Europe/Helsinki')::int`.as('year'),
			'un.name_fi as unit',
			'u.display_name as expert',
			sql<number>`count(*)::int`.as('assignments'),
			sql<number>`coalesce(sum(a.hours), 0)`.as('hours'),
			sql<number>`coalesce(sum(a.fee), 0)`.as('fee'),
			sql<number>`coalesce(sum(a.travel), 0)`.as('travel')
		])
		.where('a.status', '=', 'closed')
		.groupBy([sql`1`, 'un.name_fi', 'u.display_name', 'p.id'])
		.orderBy(sql`1`)
		.orderBy('un.name_fi')
		.orderBy('u.display_name')
		.execute();
	return rows.map((r) => ({
		...r,
		year: Number(r.year),
		hours: Number(r.hours),
		fee: Number(r.fee),
		travel: Number(r.travel)
	}));
}
