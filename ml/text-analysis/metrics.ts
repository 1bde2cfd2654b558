/**
 * Evaluation of a model on labelled rows, computed from predictions (never stored by hand):
 * per-label precision, recall and F1 with support, macro-F1, the tone confusion matrix, and the
 * confusion between themes (row: a true theme; column: a theme predicted for those texts; the
 * diagonal counts hits, off it the themes predicted instead or beside).
 */
import type { Example } from './train';
import { predict, type TextModel } from './model';

export interface LabelScore {
	label: string;
	precision: number;
	recall: number;
	f1: number;
	support: number;
	predicted: number;
}

export interface Evaluation {
	rows: number;
	tone: { labels: LabelScore[]; macroF1: number; confusion: number[][]; order: string[] };
	labels: { labels: LabelScore[]; macroF1: number; microF1: number };
	themeConfusion: { order: string[]; matrix: number[][] };
	/** The promotion score: the mean of the two macro-F1s of the heads evaluated. */
	score: number;
}

export function prf(tp: number, fp: number, fn: number) {
	const precision = tp + fp ? tp / (tp + fp) : 0;
	const recall = tp + fn ? tp / (tp + fn) : 0;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	return { precision, recall, f1 };
}

/** Macro-F1 over the labels that occur in truth or prediction. */
export function macroF1(scores: LabelScore[]): number {
	const used = scores.filter((s) => s.support > 0 || s.predicted > 0);
	return used.length ? used.reduce((a, s) => a + s.f1, 0) / used.length : 0;
}

/** Per-class scores of single-label predictions. */
export function singleLabelScores(
	order: readonly string[],
	truth: string[],
	predicted: string[]
): { labels: LabelScore[]; confusion: number[][] } {
	const confusion = order.map(() => order.map(() => 0));
	truth.forEach((t, i) => {
		const a = order.indexOf(t);
		const b = order.indexOf(predicted[i]);
		if (a >= 0 && b >= 0) confusion[a][b]++;
	});
	const labels = order.map((label, j) => {
		const tp = confusion[j][j];
		const support = confusion[j].reduce((a, c) => a + c, 0);
		const predictedN = confusion.reduce((a, r) => a + r[j], 0);
		return { label, ...prf(tp, predictedN - tp, support - tp), support, predicted: predictedN };
	});
	return { labels, confusion };
}

export function evaluate(model: TextModel, examples: Example[]): Evaluation {
	const toneOrder = model.tone.labels;
	const toneTruth: string[] = [];
	const tonePred: string[] = [];
	const labelOrder = model.labels?.labels ?? [];
	const counts = labelOrder.map(() => ({ tp: 0, fp: 0, fn: 0 }));
	const themeOrder = labelOrder.filter((l) => l.startsWith('theme:'));
	const matrix = themeOrder.map(() => themeOrder.map(() => 0));
	let microTp = 0;
	let microFp = 0;
	let microFn = 0;
	for (const e of examples) {
		const p = predict(model, e.text);
		if (e.tone) {
			toneTruth.push(e.tone);
			tonePred.push(p.tone);
		}
		if (e.labels && model.labels) {
			const truth = new Set(e.labels);
			const got = new Set(labelOrder.filter((l) => p.labelScores[l] >= model.threshold));
			labelOrder.forEach((l, j) => {
				if (truth.has(l) && got.has(l)) counts[j].tp++;
				else if (got.has(l)) counts[j].fp++;
				else if (truth.has(l)) counts[j].fn++;
			});
			themeOrder.forEach((a, i) => {
				if (!truth.has(a)) return;
				themeOrder.forEach((b, j) => {
					if (got.has(b) && (i === j || !truth.has(b))) matrix[i][j]++;
				});
			});
		}
	}
	const tone = singleLabelScores(toneOrder, toneTruth, tonePred);
	const labelScores = labelOrder.map((label, j) => {
		const c = counts[j];
		microTp += c.tp;
		microFp += c.fp;
		microFn += c.fn;
		return { label, ...prf(c.tp, c.fp, c.fn), support: c.tp + c.fn, predicted: c.tp + c.fp };
	});
	const toneMacro = toneTruth.length ? macroF1(tone.labels) : null;
	const labelMacro = labelScores.some((s) => s.support > 0) ? macroF1(labelScores) : null;
	const parts = [toneMacro, labelMacro].filter((v): v is number => v !== null);
	return {
		rows: examples.length,
		tone: {
			labels: tone.labels,
			macroF1: toneMacro ?? 0,
			confusion: tone.confusion,
			order: [...toneOrder]
		},
		labels: {
			labels: labelScores,
			macroF1: labelMacro ?? 0,
			microF1: prf(microTp, microFp, microFn).f1
		},
		themeConfusion: { order: themeOrder, matrix },
		score: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0
	};
}
