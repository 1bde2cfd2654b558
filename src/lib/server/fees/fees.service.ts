/**
 * The fee rules: the schedule (no two rates of a kind valid on one day), fee rows priced from
 * the rate in force on the event date and frozen, closed payroll months that never change
 * (late rows and corrections land in the next open month as adjustments), payees' correction
 * reports. Every staff change writes an audit row in the same transaction.
 *
 * Who may record a fee for an event is the calling module's decision (a council coordinator
 * for their body's meeting, say): these functions take the actor for the audit and trust the
 * caller's check.
 */
import { sql } from 'kysely';
import { recordAudit } from '../core/audit';
import { helsinkiDay } from '../core/time';
import type { FeesExecutor, FeesTx } from './fees.db';
import { FeeError } from './fees.errors';
import { feeInputSchema, type FeeInput } from './fees.schemas';
import {
	ACTUAL_COST_KINDS,
	amountCents,
	firstOpenMonth,
	isRateKind,
	monthOf,
	periodsOverlap,
	rateAt,
	type RateKind
} from './fees.types';
import { closedMonths, feesFor, listRates } from './fees.queries';

/** Closing a month and writing rows into it exclude each other until the writer commits. */
async function lockMonthsShared(trx: FeesTx) {
	await sql`lock table fee_month in share mode`.execute(trx);
}

export interface NewRate {
	kind: RateKind;
	cents: number;
	validFrom: string;
	validTo: string | null;
}

/** Adds a rate; refused with `overlap` when another rate of the kind is valid on a shared day. */
export async function addRate(trx: FeesTx, actorId: string, r: NewRate): Promise<number> {
	if (r.cents < 0 || !Number.isInteger(r.cents)) throw new FeeError('noRate');
	if (r.validTo !== null && r.validTo < r.validFrom) throw new FeeError('dateOrder');
	// One writer of the schedule at a time, so two overlapping additions cannot both pass.
	await sql`lock table fee_rate in share row exclusive mode`.execute(trx);
	const clash = (await listRates(trx)).find(
		(o) => o.kind === r.kind && periodsOverlap(o, { valid_from: r.validFrom, valid_to: r.validTo })
	);
	if (clash)
		throw new FeeError('overlap', {
			id: clash.id,
			validFrom: clash.valid_from,
			validTo: clash.valid_to
		});
	const row = await trx
		.insertInto('fee_rate')
		.values({
			kind: r.kind,
			cents: r.cents,
			valid_from: r.validFrom,
			valid_to: r.validTo,
			created_by: actorId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorUserId: actorId,
		action: 'fees.rate.add',
		entityType: 'fee_rate',
		entityId: row.id,
		details: { kind: r.kind, cents: r.cents, validFrom: r.validFrom, validTo: r.validTo }
	});
	return row.id;
}

/**
 * Ends a rate's validity on `validTo` (so next year's rate can start the day after). Refused
 * when fee rows already priced by it lie after that day: their sums would no longer match.
 */
export async function endRate(trx: FeesTx, actorId: string, id: number, validTo: string) {
	await sql`lock table fee_rate in share row exclusive mode`.execute(trx);
	const rate = (await listRates(trx)).find((r) => r.id === id);
	if (!rate) throw new FeeError('notFound');
	if (validTo < rate.valid_from) throw new FeeError('dateOrder');
	const later = await trx
		.selectFrom('fee_record')
		.select('id')
		.where('rate_id', '=', id)
		.where('event_on', '>', validTo)
		.executeTakeFirst();
	if (later) throw new FeeError('rateInUse');
	await trx.updateTable('fee_rate').set({ valid_to: validTo }).where('id', '=', id).execute();
	await recordAudit(trx, {
		actorUserId: actorId,
		action: 'fees.rate.end',
		entityType: 'fee_rate',
		entityId: id,
		details: { from: rate.valid_to, to: validTo }
	});
}

export interface RecordedFee {
	id: number;
	month: string;
	unitCents: number;
	amountCents: number;
}

/**
 * Records one fee row, priced from the schedule on the event date (meeting fees, hours, km) or
 * from the given actual cost (ticket, other). Refused with FeeError `noRate` when no rate is in
 * force on that day. A row for a closed month is paid in the next open one.
 */
export async function recordFee(
	trx: FeesTx,
	actorId: string | null,
	input: FeeInput
): Promise<RecordedFee> {
	const f = feeInputSchema.parse(input);
	await lockMonthsShared(trx);
	let unitCents: number;
	let rateId: number | null = null;
	if (isRateKind(f.kind)) {
		const rate = rateAt(await listRates(trx), f.kind, f.eventOn);
		if (!rate) throw new FeeError('noRate', { kind: f.kind, on: f.eventOn });
		unitCents = rate.cents;
		rateId = rate.id;
	} else {
		if (f.unitCents === undefined) throw new FeeError('unitRequired', { kind: f.kind });
		unitCents = f.unitCents;
	}
	const month = firstOpenMonth(monthOf(f.eventOn), await closedMonths(trx));
	const amount = amountCents(f.quantity, unitCents);
	const row = await trx
		.insertInto('fee_record')
		.values({
			payee_user_id: f.payeeUserId,
			payee_name: f.payeeName,
			source_type: f.sourceType,
			source_id: f.sourceId,
			event_on: f.eventOn,
			month,
			kind: f.kind,
			quantity: f.quantity,
			unit_cents: unitCents,
			amount_cents: amount,
			rate_id: rateId,
			service_line_id: f.serviceLineId,
			label: f.label,
			note: f.note,
			created_by: actorId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorUserId: actorId,
		action: 'fees.record',
		entityType: 'fee_record',
		entityId: row.id,
		details: { source: `${f.sourceType}:${f.sourceId}`, kind: f.kind, amountCents: amount, month }
	});
	return { id: row.id, month, unitCents, amountCents: amount };
}

/**
 * Corrects a fee row to `quantity` (0 = the fee is withdrawn). In an open month the row itself
 * changes (or goes); in a closed month an adjustment row carrying the difference is written in
 * the next open month, so the closed month's export stays as it was paid.
 */
export async function correctFee(
	trx: FeesTx,
	actorId: string,
	feeId: number,
	change: { quantity: number; unitCents?: number; note?: string }
): Promise<{ adjustmentId: number | null }> {
	if (!(change.quantity >= 0)) throw new FeeError('notFound');
	await lockMonthsShared(trx);
	await trx.selectFrom('fee_record').select('id').where('id', '=', feeId).forUpdate().execute();
	const [row] = await feesFor(trx, { id: feeId });
	if (!row) throw new FeeError('notFound');
	// Corrections always refer to the original row.
	if (row.adjustment_of !== null) return correctFee(trx, actorId, row.adjustment_of, change);
	const closed = await closedMonths(trx);
	const unit =
		change.unitCents !== undefined && ACTUAL_COST_KINDS.includes(row.kind)
			? change.unitCents
			: row.unit_cents;
	const target = amountCents(change.quantity, unit);
	if (!closed.has(row.month)) {
		if (change.quantity === 0) await trx.deleteFrom('fee_record').where('id', '=', feeId).execute();
		else
			await trx
				.updateTable('fee_record')
				.set({
					quantity: change.quantity,
					unit_cents: unit,
					amount_cents: target,
					note: change.note ?? row.note
				})
				.where('id', '=', feeId)
				.execute();
		await recordAudit(trx, {
			actorUserId: actorId,
			action: change.quantity === 0 ? 'fees.remove' : 'fees.correct',
			entityType: 'fee_record',
			entityId: feeId,
			details: { fromCents: row.amount_cents, toCents: target }
		});
		return { adjustmentId: null };
	}
	const sums = await trx
		.selectFrom('fee_record')
		.select([
			sql<number>`coalesce(sum(quantity), 0)::float8`.as('quantity'),
			sql<number>`coalesce(sum(amount_cents), 0)::int`.as('cents')
		])
		.where((eb) => eb.or([eb('id', '=', feeId), eb('adjustment_of', '=', feeId)]))
		.executeTakeFirstOrThrow();
	const deltaCents = target - sums.cents;
	const deltaQty = Math.round((change.quantity - sums.quantity) * 100) / 100;
	if (deltaCents === 0 && deltaQty === 0) return { adjustmentId: null };
	const month = firstOpenMonth(row.month, closed);
	const adj = await trx
		.insertInto('fee_record')
		.values({
			payee_user_id: row.payee_user_id,
			payee_name: row.payee_name,
			source_type: row.source_type,
			source_id: row.source_id,
			event_on: row.event_on,
			month,
			kind: row.kind,
			quantity: deltaQty,
			unit_cents: unit,
			amount_cents: deltaCents,
			rate_id: row.rate_id,
			service_line_id: row.service_line_id,
			label: row.label,
			adjustment_of: feeId,
			note: change.note ?? '',
			created_by: actorId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorUserId: actorId,
		action: 'fees.adjust',
		entityType: 'fee_record',
		entityId: adj.id,
		details: { adjustmentOf: feeId, deltaCents, month }
	});
	return { adjustmentId: adj.id };
}

/** Closes a payroll month: its export never changes afterwards. Not a month still to come. */
export async function closeMonth(
	trx: FeesTx,
	actorId: string,
	month: string,
	today = helsinkiDay(new Date())
) {
	if (month > monthOf(today)) throw new FeeError('futureMonth', { month });
	const inserted = await trx
		.insertInto('fee_month')
		.values({ month, closed_by: actorId })
		.onConflict((oc) => oc.column('month').doNothing())
		.returning('month')
		.executeTakeFirst();
	if (!inserted) throw new FeeError('alreadyClosed', { month });
	const sum = await trx
		.selectFrom('fee_record')
		.select([
			sql<number>`count(*)::int`.as('rows'),
			sql<number>`coalesce(sum(amount_cents), 0)::int`.as('cents')
		])
		.where('month', '=', month)
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorUserId: actorId,
		action: 'fees.month.close',
		entityType: 'fee_month',
		entityId: month,
		details: { rows: sum.rows, cents: sum.cents }
	});
}

/** A payee reports that their fees are wrong (optionally naming one of their own rows). */
export async function reportCorrection(
	db: FeesExecutor,
	userId: string,
	r: { feeId: number | null; body: string }
): Promise<number> {
	if (r.feeId !== null) {
		const own = await db
			.selectFrom('fee_record')
			.select('id')
			.where('id', '=', r.feeId)
			.where('payee_user_id', '=', userId)
			.executeTakeFirst();
		if (!own) throw new FeeError('notYours');
	}
	const row = await db
		.insertInto('fee_correction')
		.values({ user_id: userId, fee_record_id: r.feeId, body: r.body })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** An admin marks a correction report handled. */
export async function resolveCorrection(trx: FeesTx, actorId: string, id: number) {
	const r = await trx
		.updateTable('fee_correction')
		.set({ resolved_at: new Date(), resolved_by: actorId })
		.where('id', '=', id)
		.where('resolved_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	if (!r) throw new FeeError('notFound');
	await recordAudit(trx, {
		actorUserId: actorId,
		action: 'fees.correction.resolve',
		entityType: 'fee_correction',
		entityId: id
	});
}
