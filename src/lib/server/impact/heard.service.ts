/**
 * "Did you feel heard?" (1–5), asked in every notice of a finding the person fed, once per
 * activity: the link in the mail carries the recipient's token and the activity. Only someone who
 * fed one of the activity's findings can answer; a later answer replaces the earlier one. The
 * answers count in the participation metric (metric.ts), never one by one.
 */
import { sql } from 'kysely';
import type { ImpactDb, ImpactExecutor } from './impact.db';
import { findingRecipients } from './contacts';

const TOKEN = /^[0-9a-f-]{36}$/i;

async function recipientOfActivity(db: ImpactExecutor, token: string, activityId: number) {
	if (!TOKEN.test(token)) return null;
	const r = await db
		.selectFrom('impact_recipient')
		.select('id')
		.where('token', '=', token)
		.executeTakeFirst();
	if (!r) return null;
	const a = await db
		.selectFrom('impact_activity')
		.select(['id', 'topic'])
		.where('id', '=', activityId)
		.executeTakeFirst();
	if (!a) return null;
	const findings = await db
		.selectFrom('impact_finding')
		.select('id')
		.where('activity_id', '=', a.id)
		.where('withdrawn_at', 'is', null)
		.execute();
	const fed = (
		await findingRecipients(
			db,
			findings.map((f) => f.id)
		)
	).some((p) => p.recipient_id === r.id);
	return fed ? { recipientId: r.id, activityId: a.id, topic: a.topic } : null;
}

/** The question's page: the activity's topic and the person's earlier answer; null: not theirs. */
export async function heardQuestion(
	db: ImpactExecutor,
	token: string,
	activityId: number
): Promise<{ topic: string; score: number | null } | null> {
	const who = await recipientOfActivity(db, token, activityId);
	if (!who) return null;
	const prev = await db
		.selectFrom('impact_heard')
		.select('score')
		.where('activity_id', '=', who.activityId)
		.where('recipient_id', '=', who.recipientId)
		.executeTakeFirst();
	return { topic: who.topic, score: prev?.score ?? null };
}

/** Stores (or replaces) the answer; false when the link is not someone who fed the activity. */
export async function answerHeard(
	db: ImpactDb,
	token: string,
	activityId: number,
	score: number
): Promise<boolean> {
	if (!Number.isInteger(score) || score < 1 || score > 5) return false;
	return db.transaction().execute(async (trx) => {
		const who = await recipientOfActivity(trx, token, activityId);
		if (!who) return false;
		await trx
			.insertInto('impact_heard')
			.values({ activity_id: who.activityId, recipient_id: who.recipientId, score })
			.onConflict((oc) =>
				oc.columns(['activity_id', 'recipient_id']).doUpdateSet({ score, answered_at: sql`now()` })
			)
			.execute();
		return true;
	});
}
