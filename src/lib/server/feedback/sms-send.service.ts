/**
 * The sending run (core's periodic job `feedback.sms-send`, once across processes): visits due
 * (12:00 Helsinki time the day after, while texting is allowed) are checked against every
 * exclusion rule and either excluded or sent through the gateway. The number is erased from the
 * visit as soon as the gateway accepted the message (or the visit is excluded). A gateway that is
 * down leaves the visits queued; the reference (the visit id) makes a resend after a lost
 * answer arrive once. The run also closes text conversations left unfinished for a day.
 * Numbers are never logged.
 */
import { sql } from 'kysely';
import type { FeedbackDb } from './feedback.db';
import type { Locale } from '$lib/i18n';
import { isLocale } from '$lib/i18n';
import { smsConfig } from './sms.config';
import { httpGateway, type SmsGateway } from './sms-gateway';
import { exclusionReason, maySendAt, type ExclusionReason } from './visits.rules';
import { firstMessage, SMS_DONE } from './sms-texts';
import { finishStaleConversations } from './sms-replies.service';

export interface SendRunResult {
	sent: number;
	excluded: number;
	failed: number;
	/** Still queued because the gateway is down (or sending is off). */
	waiting: number;
	finished: number;
}

const BATCH = 500;
const PARALLEL = 8;

/** A run keeps taking batches while they come full, for at most this long. */
const RUN_BUDGET_MS = 45_000;

export interface SendOptions {
	origin: string;
	/** Default: the HTTP gateway of the settings (null: sending is off). */
	gateway?: SmsGateway | null;
	now?: Date;
	batch?: number;
}

export async function runSmsSending(db: FeedbackDb, opts: SendOptions): Promise<SendRunResult> {
	const now = opts.now ?? new Date();
	const total: SendRunResult = { sent: 0, excluded: 0, failed: 0, waiting: 0, finished: 0 };
	total.finished = await finishStaleConversations(db, now);
	if (!maySendAt(now)) return total;
	const gateway = opts.gateway === undefined ? httpGateway() : opts.gateway;
	if (!gateway) return total;
	const started = Date.now();
	for (;;) {
		const r = await sendBatch(db, gateway, opts.origin, now, opts.batch ?? BATCH);
		total.sent += r.sent;
		total.excluded += r.excluded;
		total.failed += r.failed;
		total.waiting += r.waiting;
		if (r.waiting || r.taken < (opts.batch ?? BATCH) || Date.now() - started > RUN_BUDGET_MS)
			return total;
	}
}

async function sendBatch(
	db: FeedbackDb,
	gateway: SmsGateway,
	origin: string,
	now: Date,
	batch: number
): Promise<SendRunResult & { taken: number }> {
	const result = { sent: 0, excluded: 0, failed: 0, waiting: 0, finished: 0, taken: 0 };
	const repeatDays = smsConfig().repeatDays;

	const due = await db
		.selectFrom('feedback_visit as v')
		.innerJoin('unit as u', 'u.id', 'v.unit_id')
		.select([
			'v.id',
			'v.unit_id',
			'v.visited_at',
			'v.phone',
			'v.phone_hash',
			'v.person_hash',
			'v.locale',
			'v.age_band',
			'v.form',
			'v.non_disclosure',
			'v.shared_number',
			'v.follow_up',
			'v.minor_consent',
			'u.code as unit_code',
			'u.name_fi',
			'u.name_sv',
			'u.name_en'
		])
		.where('v.status', '=', 'queued')
		.where('v.send_after', '<=', now)
		.orderBy('v.send_after')
		.orderBy('v.id')
		.limit(batch)
		.execute();
	result.taken = due.length;
	if (!due.length) return result;

	// What the portal knows of these numbers: opt-outs, the last survey sent, other visits.
	const hashes = [...new Set(due.map((d) => d.phone_hash))];
	const [optouts, asked, others] = await Promise.all([
		db
			.selectFrom('feedback_sms_optout')
			.select('phone_hash')
			.where('phone_hash', 'in', hashes)
			.execute(),
		db
			.selectFrom('feedback_visit')
			.select(['phone_hash', sql<Date>`max(sent_at)`.as('last')])
			.where('phone_hash', 'in', hashes)
			.where('sent_at', 'is not', null)
			.groupBy('phone_hash')
			.execute(),
		db
			.selectFrom('feedback_visit')
			.select(['id', 'phone_hash', 'person_hash', 'unit_id', 'visited_at'])
			.where('phone_hash', 'in', hashes)
			.where('visited_at', '>=', new Date(now.getTime() - 400 * 86_400_000))
			.execute()
	]);
	const optedOut = new Set(optouts.map((o) => o.phone_hash));
	const lastAsked = new Map(asked.map((a) => [a.phone_hash, new Date(a.last)]));
	const byHash = new Map<string, typeof others>();
	for (const o of others) byHash.set(o.phone_hash, [...(byHash.get(o.phone_hash) ?? []), o]);

	const toExclude: { id: string; reason: ExclusionReason }[] = [];
	const toSend: typeof due = [];
	for (const v of due) {
		const mine = byHash.get(v.phone_hash) ?? [];
		const previous = mine
			.filter((o) => o.id !== v.id && o.unit_id === v.unit_id && o.visited_at < v.visited_at)
			.map((o) => o.visited_at.getTime());
		const reason = exclusionReason(
			{
				ageBand: v.age_band,
				nonDisclosure: v.non_disclosure,
				sharedNumber: v.shared_number,
				followUp: v.follow_up,
				minorConsent: v.minor_consent
			},
			{
				optedOut: optedOut.has(v.phone_hash),
				numberOfOthers:
					v.person_hash !== null &&
					mine.some((o) => o.person_hash !== null && o.person_hash !== v.person_hash),
				previousVisitAt: previous.length ? new Date(Math.max(...previous)) : null,
				lastAskedAt: lastAsked.get(v.phone_hash) ?? null,
				visitedAt: v.visited_at,
				now,
				repeatDays
			}
		);
		if (reason) toExclude.push({ id: v.id, reason });
		else {
			toSend.push(v);
			// Two visits of one number in the same run: the second counts the first as asked.
			lastAsked.set(v.phone_hash, now);
		}
	}

	for (const reason of new Set(toExclude.map((x) => x.reason))) {
		const ids = toExclude.filter((x) => x.reason === reason).map((x) => x.id);
		await db
			.updateTable('feedback_visit')
			.set({ status: 'excluded', excluded_reason: reason, phone: null })
			.where('id', 'in', ids)
			.where('status', '=', 'queued')
			.execute();
	}
	result.excluded = toExclude.length;

	let down = false;
	const sendOne = async (v: (typeof due)[number]) => {
		if (down) {
			result.waiting++;
			return;
		}
		const locale: Locale = isLocale(v.locale) ? v.locale : 'fi';
		const unitName = locale === 'sv' ? v.name_sv : locale === 'en' ? v.name_en : v.name_fi;
		const link = `${origin}/feedback/${encodeURIComponent(v.unit_code)}?c=sms`;
		const outcome = await gateway.send({
			reference: v.id,
			to: v.phone!,
			text: firstMessage(locale, v.form, unitName, link)
		});
		if (outcome.ok) {
			await db
				.updateTable('feedback_visit')
				.set({
					status: 'sent',
					sent_at: now,
					gateway_id: outcome.gatewayId || null,
					phone: null,
					// The link form has no text conversation (a STOP reply still works).
					sms_step: v.form === 'link' ? SMS_DONE : 0
				})
				.where('id', '=', v.id)
				.where('status', '=', 'queued')
				.execute();
			result.sent++;
		} else if (outcome.permanent) {
			await db
				.updateTable('feedback_visit')
				.set({ status: 'failed', phone: null, attempts: sql`attempts + 1` })
				.where('id', '=', v.id)
				.execute();
			result.failed++;
		} else {
			down = true;
			result.waiting++;
			await db
				.updateTable('feedback_visit')
				.set({ attempts: sql`attempts + 1` })
				.where('id', '=', v.id)
				.execute();
		}
	};
	for (let i = 0; i < toSend.length; i += PARALLEL)
		await Promise.all(toSend.slice(i, i + PARALLEL).map(sendOne));
	return result;
}
