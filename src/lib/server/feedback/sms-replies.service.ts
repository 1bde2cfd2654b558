/**
 * Text replies to the SMS survey, as the gateway posts them (`POST /api/feedback/sms/replies`).
 * A conversation is the visit: NPS first, then the first base statement (1–5), then the open
 * question. A reply that is not a valid number gets one polite retry message; STOP (LOPETA,
 * SLUTA) ends every later survey to the number (its keyed hash goes on the opt-out list). When
 * the last answer arrives, or a day after the last reply, the answers become one anonymous
 * response (channel sms) through the normal intake; its client id is a keyed hash of the visit,
 * so a retry stores it once and the response cannot be joined back to the visit without the key.
 */
import { sql } from 'kysely';
import type { FeedbackDb } from './feedback.db';
import { isLocale, type Locale } from '$lib/i18n';
import { smsConfig } from './sms.config';
import { httpGateway, type SmsGateway } from './sms-gateway';
import { submitResponses } from './intake.service';
import { isStopReply, keyedHash, parseScore } from './visits.rules';
import {
	SMS_DONE,
	SMS_QUESTIONS,
	SMS_STOPPED,
	nextQuestion,
	retryMessage,
	stoppedMessage,
	thanksMessage
} from './sms-texts';

export interface SmsReply {
	/** The gateway's id of the incoming message (a redelivery is recognised by it). */
	messageId: string;
	/** The conversation: the reference the portal sent the survey with. */
	reference: string;
	text: string;
	receivedAt?: Date;
}

export type ReplyStatus =
	'answered' | 'completed' | 'retry' | 'ignored' | 'opted_out' | 'closed' | 'duplicate' | 'unknown';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STALE_MS = 86_400_000;
const MAX_OPEN = 1000;

interface Outgoing {
	reference: string;
	text: string;
}

export async function receiveSmsReply(
	db: FeedbackDb,
	reply: SmsReply,
	gateway: SmsGateway | null = httpGateway()
): Promise<ReplyStatus> {
	if (!UUID.test(reply.reference)) return 'unknown';
	const at = reply.receivedAt ?? new Date();
	const outgoing: Outgoing[] = [];
	let complete = false;
	const status = await db.transaction().execute(async (trx): Promise<ReplyStatus> => {
		const v = await trx
			.selectFrom('feedback_visit')
			.select([
				'id',
				'phone_hash',
				'locale',
				'sms_step',
				'sms_answers',
				'retry_sent',
				'last_reply_id'
			])
			.where('id', '=', reply.reference)
			.where('status', '=', 'sent')
			.forUpdate()
			.executeTakeFirst();
		if (!v) return 'unknown';
		if (v.last_reply_id === reply.messageId) return 'duplicate';
		const locale: Locale = isLocale(v.locale) ? v.locale : 'fi';
		const say = (text: string) => outgoing.push({ reference: v.id, text });
		const save = (set: {
			sms_step?: number;
			sms_answers?: Record<string, string | number>;
			retry_sent?: boolean;
			answered_at?: Date;
		}) =>
			trx
				.updateTable('feedback_visit')
				.set({
					...set,
					sms_answers: set.sms_answers ? JSON.stringify(set.sms_answers) : undefined,
					last_reply_id: reply.messageId,
					last_reply_at: at
				})
				.where('id', '=', v.id)
				.execute();

		if (isStopReply(reply.text)) {
			await trx
				.insertInto('feedback_sms_optout')
				.values({ phone_hash: v.phone_hash, via: 'stop' })
				.onConflict((oc) => oc.column('phone_hash').doNothing())
				.execute();
			// Answers given before the STOP still count.
			complete = v.sms_step > 0 && v.sms_step < SMS_DONE;
			await save({ sms_step: SMS_STOPPED });
			say(stoppedMessage(locale));
			return 'opted_out';
		}
		if (v.sms_step < 0 || v.sms_step >= SMS_DONE) {
			await save({});
			return 'closed';
		}
		const q = SMS_QUESTIONS[v.sms_step];
		const answers = { ...v.sms_answers };
		let value: string | number | null;
		if (q.key === 'open') value = reply.text.trim().slice(0, MAX_OPEN) || null;
		else value = parseScore(reply.text, q.min, q.max);
		if (value === null) {
			if (!v.retry_sent) {
				await save({ retry_sent: true });
				say(retryMessage(locale, v.sms_step));
				return 'retry';
			}
			// One retry only: the NPS stays unanswered; a bad statement answer is skipped.
			if (v.sms_step === 0) {
				await save({});
				return 'ignored';
			}
		} else answers[q.key] = value;
		const step = v.sms_step + 1;
		await save({
			sms_step: step,
			sms_answers: answers,
			...(v.sms_step === 0 ? { answered_at: at } : {})
		});
		if (step < SMS_DONE) {
			say(nextQuestion(locale, step));
			return 'answered';
		}
		complete = true;
		say(thanksMessage(locale));
		return 'completed';
	});
	if (complete) await finishConversation(db, reply.reference);
	// After the commit: a gateway that is slow or down does not hold the row or lose the answer.
	if (gateway) for (const m of outgoing) await gateway.send(m).catch(() => undefined);
	return status;
}

/**
 * Turns a conversation's answers into a response (once: the client id is derived from the
 * visit with the hash key) and marks it completed.
 */
export async function finishConversation(db: FeedbackDb, visitId: string): Promise<boolean> {
	const v = await db
		.selectFrom('feedback_visit')
		.select(['id', 'unit_id', 'locale', 'sms_answers', 'answered_at'])
		.where('id', '=', visitId)
		.where('completed_at', 'is', null)
		.executeTakeFirst();
	if (!v || !v.answered_at || v.sms_answers.nps === undefined) return false;
	const clientId = `sms:v-${keyedHash(smsConfig().hashKey, `response:${v.id}`).slice(0, 40)}`;
	await submitResponses(db, [
		{
			clientId,
			unitId: v.unit_id,
			channel: 'sms',
			answers: v.sms_answers,
			locale: isLocale(v.locale) ? v.locale : 'fi',
			answeredAt: v.answered_at
		}
	]);
	await db
		.updateTable('feedback_visit')
		// A late reply after this finds the conversation closed.
		.set({
			completed_at: new Date(),
			sms_step: sql<number>`case when sms_step < 0 then sms_step else ${SMS_DONE} end`
		})
		.where('id', '=', v.id)
		.execute();
	return true;
}

/** Conversations with an NPS but no reply for a day: what was answered becomes the response. */
export async function finishStaleConversations(db: FeedbackDb, now: Date): Promise<number> {
	const stale = await db
		.selectFrom('feedback_visit')
		.select('id')
		.where('status', '=', 'sent')
		.where('completed_at', 'is', null)
		.where('answered_at', 'is not', null)
		.where('last_reply_at', '<', new Date(now.getTime() - STALE_MS))
		.limit(500)
		.execute();
	let n = 0;
	for (const s of stale) if (await finishConversation(db, s.id)) n++;
	return n;
}
