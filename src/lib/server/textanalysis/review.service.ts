/**
 * Staff teach the model: a handler confirms an answer's labels with one click or corrects them.
 * Either way the labels become training data (ta_training_example: who and when; a later
 * label of the same answer replaces it, the audit log keeps each), the answer leaves the review
 * queue, and feedback's `text_analysis` summary is updated. Only a handler of the answer's unit
 * (or an admin) may do it.
 */
import { recordAudit } from '../core/audit';
import type { SessionUser } from '../core/auth/roles';
import { canHandleUnit, setTextAnalysis, type FeedbackExecutor } from '../feedback';
import type { TextanalysisDb } from './textanalysis.db';
import type { CorrectInput } from './textanalysis.schemas';
import { parseRef, type ToneId } from './textanalysis.types';
import { activeThemeIds } from './labelling.service';

export type ReviewError = 'ref' | 'forbidden' | 'theme';

export async function reviewAnswer(
	db: TextanalysisDb,
	user: SessionUser,
	input: { ref: string; action: 'confirm' } | ({ action: 'correct' } & CorrectInput),
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: ReviewError }> {
	const ref = parseRef(input.ref);
	if (!ref) return { ok: false, error: 'ref' };
	return db.transaction().execute(async (trx) => {
		const label = await trx
			.selectFrom('ta_label')
			.selectAll()
			.where('source_type', '=', ref.type)
			.where('source_id', '=', ref.id)
			.forUpdate()
			.executeTakeFirst();
		if (!label) return { ok: false as const, error: 'ref' as const };
		if (!canHandleUnit(user, { id: label.unit_id, service_line_id: label.service_line_id })) {
			return { ok: false as const, error: 'forbidden' as const };
		}
		let tone: ToneId = label.tone;
		let themes = label.themes.map((t) => t.id);
		let stage = label.stage;
		if (input.action === 'correct') {
			const known = await activeThemeIds(trx);
			if (input.themes.some((t) => !known.has(t)))
				return { ok: false as const, error: 'theme' as const };
			tone = input.tone;
			themes = [...new Set(input.themes)];
			stage = input.stage || null;
		}
		const kind = input.action === 'confirm' ? 'confirmed' : 'corrected';
		const example = {
			tone,
			themes: JSON.stringify(themes),
			stage,
			kind,
			labelled_by: user.id,
			labelled_at: now
		} as const;
		await trx
			.insertInto('ta_training_example')
			.values({ source_type: ref.type, source_id: ref.id, ...example })
			.onConflict((oc) => oc.columns(['source_type', 'source_id']).doUpdateSet(example))
			.execute();
		const themeRows = themes.map((id) => ({ id, confidence: 1 }));
		await trx
			.updateTable('ta_label')
			.set({
				tone,
				tone_confidence: input.action === 'confirm' ? label.tone_confidence : 1,
				themes: JSON.stringify(input.action === 'confirm' ? label.themes : themeRows),
				stage,
				stage_confidence: input.action === 'confirm' ? label.stage_confidence : stage ? 1 : null,
				needs_review: false,
				status: kind,
				reviewed_by: user.id,
				reviewed_at: now
			})
			.where('source_type', '=', ref.type)
			.where('source_id', '=', ref.id)
			.execute();
		await setTextAnalysis(trx as unknown as FeedbackExecutor, ref, {
			tone,
			themes: input.action === 'confirm' ? label.themes : themeRows,
			stage,
			modelVersion: label.model_version,
			needsReview: false,
			status: kind
		});
		// Labels only, never the text.
		await recordAudit(trx, {
			actorUserId: user.id,
			action: `textanalysis.label_${kind}`,
			entityType: ref.type === 'response' ? 'feedback_response' : 'feedback_case',
			entityId: ref.id,
			details: {
				from: { tone: label.tone, themes: label.themes.map((t) => t.id), stage: label.stage },
				to: { tone, themes, stage }
			}
		});
		return { ok: true as const };
	});
}
