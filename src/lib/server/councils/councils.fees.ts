/**
 * Council fees through the fees module's surface (one schedule, one set of fee records for the
 * county): a meeting fee for every member recorded present, at the chair's or the member's rate
 * in force on the meeting day, written when the meeting closes (attendance is final then); travel
 * (km at the schedule's rate, or the ticket's actual cost) and other costs entered per member
 * and meeting. A fee only for an attended meeting. `council_fee` says which member and meeting a
 * fee row is for; the row, its price and payroll month are the fees module's.
 */
import { FeeError, feesFor, parseEuros, recordFee, type FeeRow, type FeesTx } from '../fees';
import type { SessionUser } from '../core/auth/roles';
import { helsinkiDay } from '../core/time';
import type { CouncilsDb, CouncilsExecutor, CouncilsTx } from './councils.db';
import { coordinates } from './councils.access';
import { helsinkiDayOf, meetingsOf } from './councils.queries';
import type { CouncilError, Result } from './councils.types';

export const SOURCE_TYPE = 'council_meeting';
export const EXPENSE_KINDS = ['travel_km', 'travel_ticket', 'other'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

const asFees = (trx: CouncilsTx) => trx as unknown as FeesTx;

/** Refuses a change from inside its transaction, so nothing of it is kept. */
export class CouncilRefusal extends Error {
	constructor(readonly error: CouncilError) {
		super(`councils: ${error}`);
	}
}

async function meetingContext(trx: CouncilsExecutor, meetingId: number) {
	return trx
		.selectFrom('council_meeting as m')
		.innerJoin('council_body as b', 'b.id', 'm.body_id')
		.select([
			'm.id',
			'm.body_id',
			'm.status',
			helsinkiDayOf('m.starts_at').as('day'),
			'b.name',
			'b.service_line_ids'
		])
		.where('m.id', '=', meetingId)
		.executeTakeFirst();
}

async function record(
	trx: CouncilsTx,
	user: SessionUser,
	m: NonNullable<Awaited<ReturnType<typeof meetingContext>>>,
	member: { id: number; name: string; user_id: string | null },
	fee: { kind: string; quantity?: number; unitCents?: number; note?: string }
) {
	try {
		const row = await recordFee(asFees(trx), user.id, {
			payeeUserId: member.user_id,
			payeeName: member.name,
			sourceType: SOURCE_TYPE,
			sourceId: String(m.id),
			eventOn: m.day,
			kind: fee.kind as Parameters<typeof recordFee>[2]['kind'],
			quantity: fee.quantity ?? 1,
			unitCents: fee.unitCents,
			serviceLineId: m.service_line_ids[0] ?? null,
			label: `${m.name} ${m.day}`,
			note: fee.note ?? ''
		});
		await trx
			.insertInto('council_fee')
			.values({ fee_record_id: row.id, meeting_id: m.id, member_id: member.id, kind: fee.kind })
			.execute();
		return row;
	} catch (e) {
		if (e instanceof FeeError && e.code === 'noRate') throw new CouncilRefusal('no_rate');
		throw e;
	}
}

/**
 * The meeting fees of a closing meeting, in its transaction: one per member present (chair's rate
 * for the chair), skipping any already recorded. Throws CouncilRefusal('no_rate') when the
 * schedule has no rate for the meeting day.
 */
export async function recordMeetingFees(trx: CouncilsTx, user: SessionUser, meetingId: number) {
	const m = await meetingContext(trx, meetingId);
	if (!m) return 0;
	const present = await trx
		.selectFrom('council_attendance as a')
		.innerJoin('council_member as p', 'p.id', 'a.member_id')
		.select(['p.id', 'p.name', 'p.user_id', 'p.role'])
		.where('a.meeting_id', '=', meetingId)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('council_fee as f')
						.select('f.member_id')
						.whereRef('f.member_id', '=', 'p.id')
						.where('f.meeting_id', '=', meetingId)
						.where('f.kind', 'in', ['meeting_fee_chair', 'meeting_fee_member'])
				)
			)
		)
		.orderBy('p.id')
		.execute();
	for (const p of present)
		await record(trx, user, m, p, {
			kind: p.role === 'chair' ? 'meeting_fee_chair' : 'meeting_fee_member'
		});
	return present.length;
}

/**
 * Travel or another cost of one member for one meeting they attended: km at the schedule's
 * rate, a ticket or other cost at its actual amount (euros, decimal comma or point).
 */
export async function recordExpense(
	db: CouncilsDb,
	user: SessionUser,
	meetingId: number,
	input: { memberId: number; kind: ExpenseKind; amount: string; note: string }
): Promise<Result<{ amountCents: number }>> {
	const m = await meetingContext(db, meetingId);
	if (!m) return { ok: false, error: 'not_found' };
	if (!(await coordinates(db, user, m.body_id))) return { ok: false, error: 'forbidden' };
	const value = input.amount.trim();
	let quantity = 1;
	let unitCents: number | undefined;
	if (input.kind === 'travel_km') {
		if (!/^\d{1,5}([.,]\d{1,2})?$/.test(value) || Number(value.replace(',', '.')) <= 0)
			return { ok: false, error: 'amount' };
		quantity = Number(value.replace(',', '.'));
	} else {
		const cents = parseEuros(value);
		if (cents === null || cents <= 0) return { ok: false, error: 'amount' };
		unitCents = cents;
	}
	try {
		return await db.transaction().execute(async (trx) => {
			const member = await trx
				.selectFrom('council_attendance as a')
				.innerJoin('council_member as p', 'p.id', 'a.member_id')
				.select(['p.id', 'p.name', 'p.user_id'])
				.where('a.meeting_id', '=', meetingId)
				.where('a.member_id', '=', input.memberId)
				.executeTakeFirst();
			// A fee only for an attended meeting.
			if (!member) throw new CouncilRefusal('not_attended');
			const row = await record(trx, user, m, member, {
				kind: input.kind,
				quantity,
				unitCents,
				note: input.note
			});
			return { ok: true as const, amountCents: row.amountCents };
		});
	} catch (e) {
		if (e instanceof CouncilRefusal) return { ok: false, error: e.error };
		throw e;
	}
}

/** True when a member has fee rows for the meeting (their attendance then stays). */
export async function membersWithFees(trx: CouncilsExecutor, meetingId: number) {
	const rows = await trx
		.selectFrom('council_fee')
		.select('member_id')
		.distinct()
		.where('meeting_id', '=', meetingId)
		.execute();
	return new Set(rows.map((r) => r.member_id));
}

export interface FeeTotals {
	rows: (FeeRow & { meetingId: number })[];
	byMember: { key: string; name: string; cents: number }[];
	byYear: { year: string; cents: number }[];
	totalCents: number;
}

function sum(rows: FeeRow[], key: (r: FeeRow) => string, label: (r: FeeRow) => string) {
	const out = new Map<string, { key: string; name: string; cents: number }>();
	for (const r of rows) {
		const k = key(r);
		const e = out.get(k) ?? { key: k, name: label(r), cents: 0 };
		e.cents += r.amount_cents;
		out.set(k, e);
	}
	return [...out.values()];
}

/** The body's fee rows (adjustments included) and their sums by member and payroll year. */
export async function bodyFees(db: CouncilsExecutor, bodyId: number): Promise<FeeTotals> {
	const meetings = await meetingsOf(db, bodyId);
	const rows = (
		await Promise.all(
			meetings.map(async (m) =>
				(await feesFor(db, { sourceType: SOURCE_TYPE, sourceId: String(m.id) })).map((r) => ({
					...r,
					meetingId: m.id
				}))
			)
		)
	).flat();
	return {
		rows,
		byMember: sum(
			rows,
			(r) => r.payee_user_id ?? r.payee_name,
			(r) => r.payee_name
		).sort((a, b) => a.name.localeCompare(b.name, 'fi')),
		byYear: sum(
			rows,
			(r) => r.month.slice(0, 4),
			(r) => r.month.slice(0, 4)
		)
			.map((y) => ({ year: y.key, cents: y.cents }))
			.sort((a, b) => a.year.localeCompare(b.year)),
		totalCents: rows.reduce((s, r) => s + r.amount_cents, 0)
	};
}

/** A member's own council fees (all bodies), newest first. */
export async function ownFees(db: CouncilsExecutor, userId: string) {
	const rows = await feesFor(db, { payeeUserId: userId, sourceType: SOURCE_TYPE });
	return rows.reverse();
}

export const todayDay = () => helsinkiDay(new Date());
