/** Admin-configured background questions (e.g. education, life situation, segment S1–S4). */
import type { PoolDb } from './pool.db';
import { recordAudit } from '../core/audit';
import type { QuestionOption } from './pool.tables';

/** Options are typed one a line as `value;fi;sv;en`; returns null when a line is malformed. */
export function parseOptions(text: string): QuestionOption[] | null {
	const out: QuestionOption[] = [];
	for (const line of text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)) {
		const [value, fi, sv, en] = line.split(';').map((s) => s.trim());
		if (!value || !/^[\w-]{1,40}$/.test(value) || !fi) return null;
		out.push({ value, fi, sv: sv || fi, en: en || fi });
	}
	return out.length ? out : null;
}

export async function addQuestion(
	db: PoolDb,
	actorUserId: string,
	q: { labelFi: string; labelSv: string; labelEn: string; options: QuestionOption[] }
) {
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('pool_question')
			.values({
				label_fi: q.labelFi,
				label_sv: q.labelSv,
				label_en: q.labelEn,
				options: JSON.stringify(q.options)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId,
			action: 'pool.question_added',
			entityType: 'pool_question',
			entityId: row.id
		});
	});
}

export async function setQuestionActive(
	db: PoolDb,
	actorUserId: string,
	id: number,
	active: boolean
) {
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('pool_question').set({ active }).where('id', '=', id).execute();
		await recordAudit(trx, {
			actorUserId,
			action: 'pool.question_active',
			entityType: 'pool_question',
			entityId: id,
			details: { active }
		});
	});
}

/** Keeps only answers to active questions with a known option (form input is untrusted). */
export function cleanBackground(
	questions: { id: number; options: QuestionOption[] }[],
	raw: Record<string, unknown>
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const q of questions) {
		const v = raw[`q_${q.id}`];
		if (typeof v === 'string' && q.options.some((o) => o.value === v)) out[String(q.id)] = v;
	}
	return out;
}
