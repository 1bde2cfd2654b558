/**
 * Labels new open answers with the model in use (a sparse dot product per text, well under a
 * millisecond: it runs in the event handler, training runs in a worker thread). Staff labels
 * are never overwritten: an answer a handler confirmed or corrected keeps its labels. The
 * summary goes into feedback's reserved `text_analysis` column through feedback's own function.
 * Nothing here logs a text.
 */
import { predict } from '../../../../ml/text-analysis/model';
import { openTexts, setTextAnalysis, type FeedbackExecutor, type OpenTextRef } from '../feedback';
import { activeModel } from './model-store';
import { ensureDefaultThemes } from './taxonomy.service';
import type { TextanalysisExecutor } from './textanalysis.db';
import type { LabelTheme } from './textanalysis.types';

export interface Summary {
	[key: string]: unknown;
	tone: string;
	toneConfidence: number;
	themes: LabelTheme[];
	stage: string | null;
	modelVersion: number | null;
	needsReview: boolean;
	status: 'auto' | 'confirmed' | 'corrected';
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Active theme ids (an inactive theme is not assigned even when an older model knows it). */
export async function activeThemeIds(db: TextanalysisExecutor): Promise<Set<string>> {
	const read = () => db.selectFrom('ta_theme').select('id').where('active', '=', true).execute();
	let rows = await read();
	// A fresh database starts with the default taxonomy.
	if (rows.length === 0 && !(await db.selectFrom('ta_theme').select('id').executeTakeFirst())) {
		await ensureDefaultThemes(db);
		rows = await read();
	}
	return new Set(rows.map((r) => r.id));
}

/** Labels the answers (idempotent: a redelivered event relabels only automatic labels). */
export async function labelAnswers(db: TextanalysisExecutor, refs: OpenTextRef[]): Promise<number> {
	if (refs.length === 0) return 0;
	const fdb = db as unknown as FeedbackExecutor;
	const texts = await openTexts(fdb, refs);
	const { version, model } = await activeModel(db);
	const themes = await activeThemeIds(db);
	let n = 0;
	for (const t of texts) {
		const p = predict(model, t.text);
		const labelThemes = p.themes
			.filter((th) => themes.has(th.label))
			.map((th) => ({ id: th.label, confidence: round(th.confidence) }));
		const row = {
			source_type: t.type,
			source_id: t.id,
			unit_id: t.unitId,
			service_line_id: t.serviceLineId,
			received_at: t.receivedAt,
			tone: p.tone,
			tone_confidence: round(p.toneConfidence),
			themes: JSON.stringify(labelThemes),
			stage: p.stage?.label ?? null,
			stage_confidence: p.stage ? round(p.stage.confidence) : null,
			confidence: round(p.confidence),
			needs_review: p.needsReview,
			model_version: version
		};
		const written = await db
			.insertInto('ta_label')
			.values(row)
			.onConflict((oc) =>
				oc
					.columns(['source_type', 'source_id'])
					.doUpdateSet({ ...row, labelled_at: new Date() })
					.where('ta_label.status', '=', 'auto')
			)
			.returning('source_id')
			.executeTakeFirst();
		if (!written) continue;
		n++;
		const summary: Summary = {
			tone: p.tone,
			toneConfidence: row.tone_confidence,
			themes: labelThemes,
			stage: row.stage,
			modelVersion: version,
			needsReview: p.needsReview,
			status: 'auto'
		};
		await setTextAnalysis(fdb, { type: t.type, id: t.id }, summary);
	}
	return n;
}
