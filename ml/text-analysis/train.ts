/**
 * Training of the linear heads with TensorFlow.js (tf-backend.ts): mini-batch Adam on the
 * hashed features, densified one batch at a time (a batch of 256 × 16 384 floats is 16 MB),
 * with an L2 penalty. Imbalance is handled by weights, as the task asks of a complaint finder:
 * - softmax: each class weighted by n / (classes · n_class) (sklearn's "balanced");
 * - sigmoid: each label's positives weighted by min(negatives / positives, 4).
 * A temperature is then fitted on a calibration slice (10 % of the rows, at least 30) by
 * minimising the negative log-likelihood over a grid; with fewer rows it stays 1.
 */
import { tf, tfReady } from './tf-backend';
import { DEFAULT_SPEC, featurise, fnv1a, type FeatureSpec, type SparseVector } from './features';
import { probabilities, TONES, type Head, type TextModel } from './model';

export interface TrainOptions {
	epochs?: number;
	batchSize?: number;
	learningRate?: number;
	l2?: number;
	seed?: number;
}

export interface Example {
	/** Stable id: decides the calibration slice and the held-out part (split.ts). */
	id: string;
	text: string;
	/** Tone label, or null when the example teaches labels only. */
	tone: string | null;
	/** Prefixed label ids ("theme:…", "stage:…"), or null when it teaches tone only. */
	labels: string[] | null;
	/** Relative weight (staff corrections count more than seed rows). */
	weight?: number;
}

interface Rows {
	x: SparseVector[];
	y: Float32Array;
	w: Float32Array;
	k: number;
}

function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Trains one head; `rows.y` is n × k (one-hot for softmax, 0/1 for sigmoid). */
export async function trainHead(
	kind: Head['kind'],
	labels: string[],
	rows: Rows,
	dim: number,
	opts: TrainOptions = {}
): Promise<Head> {
	await tfReady();
	const k = labels.length;
	const n = rows.x.length;
	const epochs = opts.epochs ?? 6;
	const batchSize = opts.batchSize ?? 256;
	const l2 = opts.l2 ?? 1e-5;
	const rand = mulberry32(opts.seed ?? 1);
	const W = tf.variable(tf.zeros([dim, k]));
	const b = tf.variable(tf.zeros([k]));
	// Positive weights of the sigmoid labels.
	const posWeight = new Float32Array(k).fill(1);
	if (kind === 'sigmoid') {
		for (let j = 0; j < k; j++) {
			let pos = 0;
			for (let i = 0; i < n; i++) pos += rows.y[i * k + j];
			posWeight[j] = pos > 0 ? Math.min((n - pos) / pos, 4) : 1;
		}
	}
	const optimizer = tf.train.adam(opts.learningRate ?? 0.05);
	const order = Array.from({ length: n }, (_, i) => i);
	const dense = new Float32Array(batchSize * dim);
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (let i = n - 1; i > 0; i--) {
			const j = Math.floor(rand() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		for (let start = 0; start < n; start += batchSize) {
			const ids = order.slice(start, start + batchSize);
			const m = ids.length;
			dense.fill(0, 0, m * dim);
			const yb = new Float32Array(m * k);
			const wb = new Float32Array(m);
			ids.forEach((row, r) => {
				const v = rows.x[row];
				for (let t = 0; t < v.index.length; t++) dense[r * dim + v.index[t]] += v.value[t];
				yb.set(rows.y.subarray(row * k, row * k + k), r * k);
				wb[r] = rows.w[row];
			});
			tf.tidy(() => {
				const xs = tf.tensor2d(dense.subarray(0, m * dim), [m, dim]);
				const ys = tf.tensor2d(yb, [m, k]);
				const ws = tf.tensor1d(wb);
				const pw = tf.tensor1d(posWeight);
				const wsum = wb.reduce((a, c) => a + c, 0) || 1;
				optimizer.minimize(() => {
					const z = tf.add(tf.matMul(xs, W), b);
					let perRow: tf.Tensor;
					if (kind === 'softmax') {
						perRow = tf.neg(tf.sum(tf.mul(ys, tf.logSoftmax(z)), 1));
					} else {
						// log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z) (tf.logSigmoid's
						// gradient fails in TF.js 4.22 on a disposed tensor).
						const pos = tf.mul(tf.mul(ys, pw), tf.softplus(tf.neg(z)));
						const neg = tf.mul(tf.sub(1, ys), tf.softplus(z));
						perRow = tf.sum(tf.add(pos, neg), 1);
					}
					const data = tf.div(tf.sum(tf.mul(perRow, ws)), wsum);
					return tf.add(data, tf.mul(l2, tf.sum(tf.square(W)))) as tf.Scalar;
				});
			});
		}
	}
	const head: Head = {
		kind,
		labels,
		weights: (await W.data()) as Float32Array,
		bias: (await b.data()) as Float32Array,
		temperature: 1
	};
	W.dispose();
	b.dispose();
	optimizer.dispose();
	return head;
}

/** Fits a temperature on rows (negative log-likelihood over a grid of 0.25 … 4). */
export function fitTemperature(head: Head, rows: Rows): number {
	if (rows.x.length < 30) return 1;
	let best = 1;
	let bestLoss = Infinity;
	for (let t = 0.25; t <= 4.001; t += 0.05) {
		const h = { ...head, temperature: t };
		let loss = 0;
		rows.x.forEach((x, i) => {
			const p = probabilities(h, x);
			for (let j = 0; j < head.labels.length; j++) {
				const y = rows.y[i * head.labels.length + j];
				if (head.kind === 'softmax') {
					if (y > 0) loss -= Math.log(Math.max(p[j], 1e-9));
				} else {
					loss -= y * Math.log(Math.max(p[j], 1e-9)) + (1 - y) * Math.log(Math.max(1 - p[j], 1e-9));
				}
			}
		});
		if (loss < bestLoss) {
			bestLoss = loss;
			best = t;
		}
	}
	return Math.round(best * 100) / 100;
}

function toneRows(
	examples: Example[],
	spec: FeatureSpec,
	vectors?: Map<string, SparseVector>
): Rows {
	const use = examples.filter((e) => e.tone && (TONES as readonly string[]).includes(e.tone));
	const k = TONES.length;
	const counts = new Array<number>(k).fill(0);
	for (const e of use) counts[TONES.indexOf(e.tone as (typeof TONES)[number])]++;
	const present = counts.filter((c) => c > 0).length || 1;
	const y = new Float32Array(use.length * k);
	const w = new Float32Array(use.length);
	const x = use.map((e, i) => {
		const j = TONES.indexOf(e.tone as (typeof TONES)[number]);
		y[i * k + j] = 1;
		w[i] = (e.weight ?? 1) * (use.length / (present * counts[j]));
		return vectors?.get(e.id) ?? featurise(e.text, spec);
	});
	return { x, y, w, k };
}

function labelRows(
	examples: Example[],
	labels: string[],
	spec: FeatureSpec,
	vectors?: Map<string, SparseVector>
): Rows {
	const use = examples.filter((e) => e.labels !== null);
	const k = labels.length;
	const y = new Float32Array(use.length * k);
	const w = new Float32Array(use.length);
	const x = use.map((e, i) => {
		for (const l of e.labels ?? []) {
			const j = labels.indexOf(l);
			if (j >= 0) y[i * k + j] = 1;
		}
		w[i] = e.weight ?? 1;
		return vectors?.get(e.id) ?? featurise(e.text, spec);
	});
	return { x, y, w, k };
}

function subset(rows: Rows, keep: (i: number) => boolean): Rows {
	const idx = rows.x.map((_, i) => i).filter(keep);
	const y = new Float32Array(idx.length * rows.k);
	idx.forEach((i, r) => y.set(rows.y.subarray(i * rows.k, (i + 1) * rows.k), r * rows.k));
	return {
		x: idx.map((i) => rows.x[i]),
		y,
		w: Float32Array.from(idx.map((i) => rows.w[i])),
		k: rows.k
	};
}

export interface TrainModelOptions extends TrainOptions {
	spec?: FeatureSpec;
	/** Every label the taxonomy offers (prefixed); labels without examples are still heads. */
	labels: string[];
	/** Keep this tone head instead of training one (e.g. when only labels changed). */
	tone?: Head;
	toneEpochs?: number;
	labelEpochs?: number;
	reviewBelow?: number;
	threshold?: number;
	meta?: Record<string, unknown>;
}

/** Trains a whole model from examples; the calibration slice is 1 in 10 by id hash. */
export async function trainModel(examples: Example[], opts: TrainModelOptions): Promise<TextModel> {
	const spec = opts.spec ?? DEFAULT_SPEC;
	const cal = examples.map((e) => fnv1a('cal:' + e.id) % 10 === 0);
	const calIds = new Set(examples.filter((_, i) => cal[i]).map((e) => e.id));
	const vectors = new Map(examples.map((e) => [e.id, featurise(e.text, spec)]));
	let tone = opts.tone;
	if (!tone) {
		const rows = toneRows(examples, spec, vectors);
		const ids = examples.filter((e) => e.tone && (TONES as readonly string[]).includes(e.tone));
		const fitRows = subset(rows, (i) => !calIds.has(ids[i].id));
		tone = await trainHead('softmax', [...TONES], fitRows, spec.dim, {
			...opts,
			epochs: opts.toneEpochs ?? opts.epochs ?? 5
		});
		tone.temperature = fitTemperature(
			tone,
			subset(rows, (i) => calIds.has(ids[i].id))
		);
	}
	let labels: Head | null = null;
	if (opts.labels.length) {
		const rows = labelRows(examples, opts.labels, spec, vectors);
		const ids = examples.filter((e) => e.labels !== null);
		const calRows = subset(rows, (i) => calIds.has(ids[i].id));
		const fitRows = calRows.x.length >= 30 ? subset(rows, (i) => !calIds.has(ids[i].id)) : rows;
		labels = await trainHead('sigmoid', opts.labels, fitRows, spec.dim, {
			...opts,
			epochs: opts.labelEpochs ?? opts.epochs ?? 40,
			batchSize: Math.min(opts.batchSize ?? 256, 64)
		});
		labels.temperature = fitTemperature(labels, calRows);
	}
	return {
		format: 1,
		spec,
		tone,
		labels,
		reviewBelow: opts.reviewBelow ?? 0.6,
		threshold: opts.threshold ?? 0.5,
		meta: opts.meta ?? {}
	};
}
