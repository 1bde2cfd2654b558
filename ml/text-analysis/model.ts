/**
 * The model: linear heads over hashed features (features.ts), applied in plain TypeScript (a
 * sparse dot product, no TF.js at inference: tens of thousands of texts per second on one core).
 * - `tone`: softmax over negative / neutral / positive / mixed (multinomial logistic regression);
 * - `labels`: one-vs-rest sigmoids over the theme and customer-journey-stage labels.
 * Each head carries a temperature fitted on held-out rows (Guo et al. 2017, "On calibration of
 * modern neural networks"): logits / T, so a confidence of 0.8 means right about 8 times in 10.
 */
import { featurise, type FeatureSpec, type SparseVector } from './features';

export const TONES = ['negative', 'neutral', 'positive', 'mixed'] as const;
export type Tone = (typeof TONES)[number];

export interface Head {
	kind: 'softmax' | 'sigmoid';
	labels: string[];
	/** dim × labels, row-major: weight of bucket i for label k at i * labels.length + k. */
	weights: Float32Array;
	bias: Float32Array;
	temperature: number;
}

export interface TextModel {
	format: 1;
	spec: FeatureSpec;
	tone: Head;
	labels: Head | null;
	/** Below this, a label's confidence sends the text to review. */
	reviewBelow: number;
	/** A sigmoid label is assigned at or above this calibrated probability. */
	threshold: number;
	meta: Record<string, unknown>;
}

export interface Scored {
	label: string;
	confidence: number;
}

export interface Prediction {
	tone: Tone;
	toneConfidence: number;
	toneScores: Record<string, number>;
	/** Theme labels (without the "theme:" prefix) at or above the threshold, best first. */
	themes: Scored[];
	/** The customer-journey stage, when one is at or above the threshold. */
	stage: Scored | null;
	/** Every sigmoid label's probability (prefixed ids). */
	labelScores: Record<string, number>;
	/** The least sure decision (tone or any label's distance from its threshold, as a probability). */
	confidence: number;
	needsReview: boolean;
}

export function logits(head: Head, x: SparseVector): Float64Array {
	const k = head.labels.length;
	const out = new Float64Array(k);
	for (let j = 0; j < k; j++) out[j] = head.bias[j];
	const w = head.weights;
	for (let n = 0; n < x.index.length; n++) {
		const base = x.index[n] * k;
		const v = x.value[n];
		for (let j = 0; j < k; j++) out[j] += w[base + j] * v;
	}
	for (let j = 0; j < k; j++) out[j] /= head.temperature;
	return out;
}

export function softmax(z: Float64Array): Float64Array {
	let max = -Infinity;
	for (const v of z) max = Math.max(max, v);
	const e = z.map((v) => Math.exp(v - max));
	const s = e.reduce((a, b) => a + b, 0);
	return e.map((v) => v / s);
}

export const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Head probabilities for one featurised text. */
export function probabilities(head: Head, x: SparseVector): Float64Array {
	const z = logits(head, x);
	return head.kind === 'softmax' ? softmax(z) : z.map(sigmoid);
}

export function predictVector(model: TextModel, x: SparseVector): Prediction {
	const tp = probabilities(model.tone, x);
	let best = 0;
	for (let j = 1; j < tp.length; j++) if (tp[j] > tp[best]) best = j;
	const toneScores: Record<string, number> = {};
	model.tone.labels.forEach((l, j) => (toneScores[l] = tp[j]));
	const themes: Scored[] = [];
	let stage: Scored | null = null;
	const labelScores: Record<string, number> = {};
	let confidence = tp[best];
	if (model.labels) {
		const lp = probabilities(model.labels, x);
		model.labels.labels.forEach((l, j) => {
			const p = lp[j];
			labelScores[l] = p;
			// A sigmoid decision is as sure as the probability of the side it falls on.
			confidence = Math.min(confidence, Math.max(p, 1 - p));
			if (p < model.threshold) return;
			if (l.startsWith('theme:')) themes.push({ label: l.slice(6), confidence: p });
			else if (l.startsWith('stage:') && (!stage || p > stage.confidence)) {
				stage = { label: l.slice(6), confidence: p };
			}
		});
	}
	themes.sort((a, b) => b.confidence - a.confidence);
	return {
		tone: model.tone.labels[best] as Tone,
		toneConfidence: tp[best],
		toneScores,
		themes,
		stage,
		labelScores,
		confidence,
		needsReview: confidence < model.reviewBelow
	};
}

export function predict(model: TextModel, text: string): Prediction {
	return predictVector(model, featurise(text, model.spec));
}

// ---- serialisation: int8 weights with one scale per label (a quarter of float32's size) ----

interface HeadJson {
	kind: Head['kind'];
	labels: string[];
	scale: number[];
	weights: string;
	bias: number[];
	temperature: number;
}

export interface ModelJson extends Omit<TextModel, 'tone' | 'labels'> {
	tone: HeadJson;
	labels: HeadJson | null;
}

function headToJson(h: Head): HeadJson {
	const k = h.labels.length;
	const scale = new Array<number>(k).fill(0);
	for (let i = 0; i < h.weights.length; i++) {
		scale[i % k] = Math.max(scale[i % k], Math.abs(h.weights[i]));
	}
	for (let j = 0; j < k; j++) scale[j] = scale[j] / 127 || 1;
	const q = new Int8Array(h.weights.length);
	for (let i = 0; i < q.length; i++) q[i] = Math.round(h.weights[i] / scale[i % k]);
	return {
		kind: h.kind,
		labels: h.labels,
		scale,
		weights: Buffer.from(q.buffer).toString('base64'),
		bias: [...h.bias],
		temperature: h.temperature
	};
}

function headFromJson(j: HeadJson): Head {
	const bytes = Buffer.from(j.weights, 'base64');
	const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
	const k = j.labels.length;
	const weights = new Float32Array(q.length);
	for (let i = 0; i < q.length; i++) weights[i] = q[i] * j.scale[i % k];
	return {
		kind: j.kind,
		labels: j.labels,
		weights,
		bias: Float32Array.from(j.bias),
		temperature: j.temperature
	};
}

export function modelToJson(m: TextModel): ModelJson {
	return { ...m, tone: headToJson(m.tone), labels: m.labels ? headToJson(m.labels) : null };
}

export function modelFromJson(j: ModelJson): TextModel {
	if (j.format !== 1) throw new Error(`unknown model format ${String(j.format)}`);
	return { ...j, tone: headFromJson(j.tone), labels: j.labels ? headFromJson(j.labels) : null };
}
