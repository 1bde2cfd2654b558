/**
 * What each councils page shows, assembled from the queries with the reader's rights applied:
 * contact details, candidates, drafts and the request queue only for the body's coordinators and
 * admins. Returns null for a body or meeting that does not exist (the route answers 404) and
 * `'forbidden'` where the reader may not look (403). No HTTP here.
 */
import type { SessionUser } from '../core/auth/roles';
import { helsinkiDay } from '../core/time';
import type { CouncilsDb } from './councils.db';
import { coordinates } from './councils.access';
import { bodyFees, ownFees, SOURCE_TYPE } from './councils.fees';
import { feesFor } from '../fees';
import {
	agendaOf,
	attendanceCounts,
	attendanceOf,
	candidatesOf,
	coordinatorsOf,
	getBody,
	getMeeting,
	materialsOf,
	meetingsOf,
	membersOf,
	membersOnDay,
	requestsOf,
	seatsOfUser,
	statementsOf
} from './councils.queries';

const dayOf = (d: Date | string) => helsinkiDay(new Date(d));

function groupBy<T extends { meeting_id: number }>(rows: T[]) {
	const out = new Map<number, T[]>();
	for (const r of rows) out.set(r.meeting_id, [...(out.get(r.meeting_id) ?? []), r]);
	return out;
}

/** The staff page of a body: public information for all staff, the rest for its coordinators. */
export async function bodyPage(db: CouncilsDb, user: SessionUser, bodyId: number) {
	const body = await getBody(db, bodyId);
	if (!body) return null;
	const canCoordinate = await coordinates(db, user, bodyId);
	const [coordinators, meetings] = await Promise.all([
		coordinatorsOf(db, bodyId),
		meetingsOf(db, bodyId)
	]);
	const members = await membersOf(db, bodyId);
	const current = members.filter((m) => m.ends_on === null);
	return {
		body,
		canCoordinate,
		coordinators,
		memberCount: current.length,
		meetings: meetings.map((m) => ({
			id: m.id,
			startsAt: m.starts_at,
			place: m.place,
			onlineUrl: m.online_url,
			status: m.status
		})),
		members: canCoordinate ? members : [],
		candidates: canCoordinate ? await candidatesOf(db, bodyId) : [],
		requests: canCoordinate ? await requestsOf(db, bodyId) : [],
		// Fees: the body's coordinators and admins only.
		fees: canCoordinate ? await bodyFees(db, bodyId) : null
	};
}

/** A meeting's staff page: the body's coordinators and admins only. */
export async function meetingPage(
	db: CouncilsDb,
	user: SessionUser,
	meetingId: number,
	now = new Date()
) {
	const meeting = await getMeeting(db, meetingId);
	if (!meeting) return null;
	if (!(await coordinates(db, user, meeting.body_id))) return 'forbidden' as const;
	const day = dayOf(meeting.starts_at);
	const [agenda, materials, seated, present, statements, fees] = await Promise.all([
		agendaOf(db, [meetingId]),
		materialsOf(db, [meetingId]),
		membersOnDay(db, meeting.body_id, day),
		attendanceOf(db, meetingId),
		statementsOf(db, [meetingId], false),
		feesFor(db, { sourceType: SOURCE_TYPE, sourceId: String(meetingId) })
	]);
	return {
		meeting: { ...meeting, day },
		begun: new Date(meeting.starts_at).getTime() <= now.getTime(),
		agenda,
		materials,
		seated,
		present,
		statements,
		fees
	};
}

/** A body's public page: meetings with agenda, attendance counts and approved statements. */
export async function publicBodyPage(db: CouncilsDb, bodyId: number) {
	const body = await getBody(db, bodyId);
	if (!body) return null;
	const meetings = await meetingsOf(db, bodyId);
	const ids = meetings.map((m) => m.id);
	const [agenda, statements, counts, members] = await Promise.all([
		agendaOf(db, ids),
		statementsOf(db, ids, true),
		attendanceCounts(db, ids),
		membersOf(db, bodyId)
	]);
	const agendaBy = groupBy(agenda);
	const statementsBy = groupBy(statements);
	return {
		body,
		memberCount: members.filter((m) => m.ends_on === null).length,
		meetings: meetings.map((m) => ({
			id: m.id,
			startsAt: m.starts_at,
			place: m.place,
			status: m.status,
			present: counts.get(m.id) ?? 0,
			agenda: (agendaBy.get(m.id) ?? []).map((a) => ({
				id: a.id,
				service: a.service,
				question: a.question
			})),
			statements: (statementsBy.get(m.id) ?? []).map((s) => ({
				id: s.id,
				body: s.body,
				approvedAt: s.approved_at
			}))
		}))
	};
}

/**
 * A member's own page: their seats, the upcoming meetings of the bodies they sit on (with agenda
 * and materials), and the drafts of open meetings they can still write.
 */
export async function memberPage(db: CouncilsDb, user: SessionUser, now = new Date()) {
	const seats = await seatsOfUser(db, user.id);
	const bodyIds = [...new Set(seats.map((s) => s.body_id))];
	const all = (await Promise.all(bodyIds.map((id) => meetingsOf(db, id)))).flat();
	const today = helsinkiDay(now);
	// A meeting is theirs when they held a seat of its body on its day.
	const mine = all.filter((m) => {
		const day = dayOf(m.starts_at);
		return seats.some(
			(s) =>
				s.body_id === m.body_id && s.starts_on <= day && (s.ends_on === null || s.ends_on >= day)
		);
	});
	const open = mine.filter((m) => m.status !== 'closed');
	const ids = open.map((m) => m.id);
	const [agenda, materials, statements] = await Promise.all([
		agendaOf(db, ids),
		materialsOf(db, ids),
		statementsOf(db, ids, false)
	]);
	const agendaBy = groupBy(agenda);
	const materialsBy = groupBy(materials);
	const statementsBy = groupBy(statements);
	const seatIds = new Set(seats.map((s) => s.id));
	const bodyName = new Map(seats.map((s) => [s.body_id, s.body_name]));
	return {
		seats,
		fees: await ownFees(db, user.id),
		meetings: open
			.sort((a, b) => +new Date(a.starts_at) - +new Date(b.starts_at))
			.map((m) => ({
				id: m.id,
				bodyId: m.body_id,
				bodyName: bodyName.get(m.body_id) ?? '',
				startsAt: m.starts_at,
				upcoming: dayOf(m.starts_at) >= today,
				place: m.place,
				onlineUrl: m.online_url,
				agenda: agendaBy.get(m.id) ?? [],
				materials: materialsBy.get(m.id) ?? [],
				statements: (statementsBy.get(m.id) ?? []).map((s) => ({
					id: s.id,
					body: s.body,
					status: s.status,
					mine: s.drafted_by !== null && seatIds.has(s.drafted_by)
				}))
			}))
	};
}
