/**
 * Text-analysis benchmark: `npm run bench:text-analysis [-- --folds 5 --max-folds 5]`.
 *
 * Tone on FinnSentiment's own cross-validation splits (the `split` column, 1–20, grouped into
 * `--folds` folds of consecutive splits; `--max-folds` runs only the first few): macro-F1 and
 * negative recall of
 * - the model: hashed character 2–5-grams + light stems + negation scope + stem bigrams, a
 *   class-weighted softmax trained with TF.js (train.ts), temperature-calibrated;
 * - the baseline: hashed character 2–5-gram TF-IDF with class-weighted logistic regression
 *   (the same trainer on `CHAR_ONLY_SPEC` + IDF; "mixed" is scored as its own class in both).
 * Speed: classification texts/s on one core (the main thread), training time on 20 000 rows.
 * Also prints the load average (the machine may be shared: times are upper bounds then).
 */
import { loadavg } from 'node:os';
import { readFinnSentiment, type FinnSentimentRow } from '../../ml/text-analysis/data';
import {
	CHAR_ONLY_SPEC,
	DEFAULT_SPEC,
	applyIdf,
	featurise,
	idfWeights
} from '../../ml/text-analysis/features';
import { probabilities, TONES, type Head } from '../../ml/text-analysis/model';
import { singleLabelScores, macroF1 } from '../../ml/text-analysis/metrics';
import { trainModel, trainHead } from '../../ml/text-analysis/train';
import { predict } from '../../ml/text-analysis/model';
import { tfReady } from '../../ml/text-analysis/tf-backend';

const arg = (name: string, dflt: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const folds = arg('folds', 5);
const maxFolds = arg('max-folds', folds);
const load = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');

function scores(truth: string[], pred: string[]) {
	const s = singleLabelScores(TONES, truth, pred);
	return {
		macroF1: macroF1(s.labels),
		negRecall: s.labels.find((l) => l.label === 'negative')?.recall ?? 0
	};
}

async function baseline(train: FinnSentimentRow[], test: FinnSentimentRow[]) {
	const dim = CHAR_ONLY_SPEC.dim;
	const raw = train.map((r) => featurise(r.text, CHAR_ONLY_SPEC));
	const idf = idfWeights(raw, dim);
	const x = raw.map((v) => applyIdf(v, idf));
	const k = TONES.length;
	const counts = TONES.map((t) => train.filter((r) => r.tone === t).length);
	const present = counts.filter((c) => c > 0).length;
	const y = new Float32Array(train.length * k);
	const w = new Float32Array(train.length);
	train.forEach((r, i) => {
		const j = TONES.indexOf(r.tone as (typeof TONES)[number]);
		y[i * k + j] = 1;
		w[i] = train.length / (present * counts[j]);
	});
	const head: Head = await trainHead('softmax', [...TONES], { x, y, w, k }, dim, { epochs: 5 });
	return test.map((r) => {
		const p = probabilities(head, applyIdf(featurise(r.text, CHAR_ONLY_SPEC), idf));
		let best = 0;
		for (let j = 1; j < k; j++) if (p[j] > p[best]) best = j;
		return TONES[best];
	});
}

const backend = await tfReady();
console.log(`backend ${backend}; load average before: ${load()}`);
const rows = readFinnSentiment();
const per = Math.ceil(20 / folds);
const results: {
	fold: number;
	model: ReturnType<typeof scores>;
	base: ReturnType<typeof scores>;
}[] = [];
for (let f = 0; f < Math.min(folds, maxFolds); f++) {
	const inFold = (s: number) => s > f * per && s <= (f + 1) * per;
	const train = rows.filter((r) => !inFold(r.split));
	const test = rows.filter((r) => inFold(r.split));
	const t0 = performance.now();
	const model = await trainModel(train, { labels: [], spec: DEFAULT_SPEC });
	const trainS = (performance.now() - t0) / 1000;
	const truth = test.map((r) => r.tone as string);
	const m = scores(
		truth,
		test.map((r) => predict(model, r.text).tone)
	);
	const b = scores(truth, await baseline(train, test));
	results.push({ fold: f + 1, model: m, base: b });
	console.log(
		`fold ${f + 1}/${folds} (splits ${f * per + 1}–${(f + 1) * per}, ${test.length} test rows, trained on ${train.length} in ${trainS.toFixed(1)} s): ` +
			`model macro-F1 ${m.macroF1.toFixed(3)} neg-recall ${m.negRecall.toFixed(3)} | ` +
			`baseline macro-F1 ${b.macroF1.toFixed(3)} neg-recall ${b.negRecall.toFixed(3)}`
	);
	if (f === 0) {
		const texts = test.slice(0, 5000).map((r) => r.text);
		const s0 = performance.now();
		for (const t of texts) predict(model, t);
		console.log(
			`classification: ${(texts.length / ((performance.now() - s0) / 1000)).toFixed(0)} texts/s on one core`
		);
		const twenty = rows.slice(0, 20_000);
		const r0 = performance.now();
		await trainModel(twenty, { labels: [] });
		console.log(`training on 20 000 rows: ${((performance.now() - r0) / 1000).toFixed(1)} s`);
	}
}
const mean = (f: (r: (typeof results)[number]) => number) =>
	results.reduce((a, r) => a + f(r), 0) / results.length;
console.log(
	`mean over ${results.length} fold(s): model macro-F1 ${mean((r) => r.model.macroF1).toFixed(3)}, neg-recall ${mean((r) => r.model.negRecall).toFixed(3)}; ` +
		`baseline macro-F1 ${mean((r) => r.base.macroF1).toFixed(3)}, neg-recall ${mean((r) => r.base.negRecall).toFixed(3)}`
);
console.log(`load average after: ${load()}`);
