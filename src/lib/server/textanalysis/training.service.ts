/**
 * Retraining: the training data is the project's seed set, the tone corpus that ships with the
 * project (FinnSentiment, ml/text-analysis/data) and every staff label (texts read through
 * feedback's index at training time, never copied). It runs in a worker thread; the new version
 * is stored as `active` only when it scores at least as well on the held-out part as the model
 * in use, else as `rejected` with both scores. Runs on demand (a request the job picks up within
 * seconds) and on a schedule (when staff labels were added since the active version).
 */
import { recordAudit } from '../core/audit';
import type { SessionUser } from '../core/auth/roles';
import { hasRole } from '../core/auth/roles';
import { openTexts, type FeedbackExecutor } from '../feedback';
import { readFinnSentiment } from '../../../../ml/text-analysis/data';
import { seedExamples } from '../../../../ml/text-analysis/seed';
import { labelIds } from '../../../../ml/text-analysis/taxonomy';
import type { Example } from '../../../../ml/text-analysis/train';
import { modelToJson } from '../../../../ml/text-analysis/model';
import { activeModel } from './model-store';
import type { TextanalysisDb } from './textanalysis.db';
import { STAFF_WEIGHT, type Trigger } from './textanalysis.types';
import type { RetrainInput, RetrainOutput } from './retrain.job';
import { retrainOffThread } from './retrain.off-thread';

export interface TrainingOptions {
	/** The tone corpus; default FinnSentiment as shipped. Tests pass a small fixture. */
	corpus?: () => Example[];
	/** Default: the worker thread. Tests may run in-process. */
	runner?: (input: RetrainInput) => Promise<RetrainOutput>;
}

let corpusCache: Example[] | null = null;
const shippedCorpus = () => (corpusCache ??= readFinnSentiment());

/** Staff labels as examples (with the texts that still exist). */
export async function staffExamples(db: TextanalysisDb): Promise<Example[]> {
	const rows = await db.selectFrom('ta_training_example').selectAll().execute();
	const texts = await openTexts(
		db as unknown as FeedbackExecutor,
		rows.map((r) => ({ type: r.source_type, id: r.source_id }))
	);
	const byRef = new Map(texts.map((t) => [`${t.type}:${t.id}`, t.text]));
	return rows.flatMap((r) => {
		const text = byRef.get(`${r.source_type}:${r.source_id}`);
		if (text === undefined) return [];
		return [
			{
				id: `staff:${r.source_type}:${r.source_id}`,
				text,
				tone: r.tone,
				labels: [...r.themes.map((t) => `theme:${t}`), ...(r.stage ? [`stage:${r.stage}`] : [])],
				weight: STAFF_WEIGHT
			}
		];
	});
}

export async function trainingExamples(db: TextanalysisDb, opts: TrainingOptions = {}) {
	const staff = await staffExamples(db);
	const seed = seedExamples().map((e) => ({ ...e, weight: STAFF_WEIGHT }));
	return { staff, examples: [...(opts.corpus ?? shippedCorpus)(), ...seed, ...staff] };
}

/** Trains, decides and stores one new version; returns it. */
export async function retrain(
	db: TextanalysisDb,
	trigger: Exclude<Trigger, 'shipped'>,
	requestedBy: string | null,
	opts: TrainingOptions = {}
): Promise<{ version: number; promoted: boolean; score: number; comparedScore: number | null }> {
	const { staff, examples } = await trainingExamples(db, opts);
	const themes = await db.selectFrom('ta_theme').select('id').orderBy('position').execute();
	const current = await activeModel(db);
	const input: RetrainInput = {
		examples,
		labels: labelIds(themes.map((t) => t.id)),
		current: modelToJson(current.model),
		retrainTone: staff.length > 0,
		meta: { trigger, staffExamples: staff.length }
	};
	const out = await (opts.runner ?? retrainOffThread)(input);
	return db.transaction().execute(async (trx) => {
		if (out.promote) {
			await trx
				.updateTable('ta_model')
				.set({ status: 'retired' })
				.where('status', '=', 'active')
				.execute();
		}
		const row = await trx
			.insertInto('ta_model')
			.values({
				status: out.promote ? 'active' : 'rejected',
				model: JSON.stringify(out.model),
				trigger,
				requested_by: requestedBy,
				train_rows: out.trainRows,
				holdout_rows: out.holdoutRows,
				score: out.candidate.score,
				compared_score: out.current?.score ?? null,
				evaluation: JSON.stringify(out.candidate),
				examples_per_label: JSON.stringify(out.examplesPerLabel),
				seconds: out.seconds
			})
			.returning('version')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: requestedBy,
			action: out.promote ? 'textanalysis.model_promoted' : 'textanalysis.model_rejected',
			entityType: 'ta_model',
			entityId: row.version,
			details: { trigger, score: out.candidate.score, comparedScore: out.current?.score ?? null }
		});
		return {
			version: row.version,
			promoted: out.promote,
			score: out.candidate.score,
			comparedScore: out.current?.score ?? null
		};
	});
}

export const mayTeach = (u: SessionUser) => hasRole(u, 'feedback_handler') || hasRole(u, 'admin');

/** A handler or admin asks for a retraining; the job runs it in the background. */
export async function requestRetrain(
	db: TextanalysisDb,
	user: SessionUser
): Promise<{ ok: true; id: number } | { ok: false; error: 'forbidden' | 'pending' }> {
	if (!mayTeach(user)) return { ok: false, error: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const pending = await trx
			.selectFrom('ta_retrain_request')
			.select('id')
			.where('finished_at', 'is', null)
			.executeTakeFirst();
		if (pending) return { ok: false as const, error: 'pending' as const };
		const row = await trx
			.insertInto('ta_retrain_request')
			.values({ requested_by: user.id })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'textanalysis.retrain_requested',
			entityType: 'ta_retrain_request',
			entityId: row.id
		});
		return { ok: true as const, id: row.id };
	});
}

/** The job: runs the oldest waiting request, if any. */
export async function runRetrainRequests(db: TextanalysisDb, opts: TrainingOptions = {}) {
	const req = await db
		.selectFrom('ta_retrain_request')
		.select(['id', 'requested_by'])
		.where('started_at', 'is', null)
		.orderBy('id')
		.executeTakeFirst();
	if (!req) return null;
	await db
		.updateTable('ta_retrain_request')
		.set({ started_at: new Date() })
		.where('id', '=', req.id)
		.execute();
	try {
		const r = await retrain(db, 'manual', req.requested_by, opts);
		await db
			.updateTable('ta_retrain_request')
			.set({ finished_at: new Date(), result_version: r.version })
			.where('id', '=', req.id)
			.execute();
		return r;
	} catch (e) {
		await db
			.updateTable('ta_retrain_request')
			.set({
				finished_at: new Date(),
				error: e instanceof Error ? e.message.slice(0, 300) : 'error'
			})
			.where('id', '=', req.id)
			.execute();
		throw e;
	}
}

/** The scheduled retraining: only when staff labelled something since the active version. */
export async function scheduledRetrain(db: TextanalysisDb, opts: TrainingOptions = {}) {
	const active = await db
		.selectFrom('ta_model')
		.select('created_at')
		.where('status', '=', 'active')
		.executeTakeFirst();
	let q = db.selectFrom('ta_training_example').select('source_id');
	if (active) q = q.where('labelled_at', '>', active.created_at);
	if (!(await q.executeTakeFirst())) return null;
	return retrain(db, 'schedule', null, opts);
}
