/**
 * Builds the model that ships with the project (model/default-model.json): the tone head from
 * FinnSentiment (data/finnsentiment.csv) plus the seed rows, the label head from the seed rows,
 * trained on the training part of the split (promote.ts) and evaluated on the held-out part;
 * the evaluation is stored in `meta.evaluation` (the portal shows it for the shipped version).
 * Run: `npx tsx ml/text-analysis/build-model.ts`. Deterministic for a given backend.
 */
import { writeFileSync } from 'node:fs';
import { readFinnSentiment } from './data';
import { modelToJson } from './model';
import { evaluate } from './metrics';
import { splitExamples } from './promote';
import { seedExamples } from './seed';
import { DEFAULT_THEMES, labelIds } from './taxonomy';
import { trainModel } from './train';
import { tfReady } from './tf-backend';

const t0 = performance.now();
const backend = await tfReady();
const examples = [...readFinnSentiment(), ...seedExamples().map((e) => ({ ...e, weight: 3 }))];
const { train, holdout } = splitExamples(examples);
const model = await trainModel(train, {
	labels: labelIds(DEFAULT_THEMES.map((t) => t.id)),
	meta: {
		source: 'FinnSentiment 1.1 (CC BY 4.0) + project seed set',
		builtAt: new Date().toISOString().slice(0, 10),
		backend
	}
});
const seconds = (performance.now() - t0) / 1000;
const examplesPerLabel: Record<string, number> = {};
for (const e of examples) {
	if (e.tone) examplesPerLabel[`tone:${e.tone}`] = (examplesPerLabel[`tone:${e.tone}`] ?? 0) + 1;
	for (const l of e.labels ?? []) examplesPerLabel[l] = (examplesPerLabel[l] ?? 0) + 1;
}
model.meta = {
	...model.meta,
	seconds,
	trainRows: train.length,
	holdoutRows: holdout.length,
	examplesPerLabel,
	evaluation: evaluate(model, holdout)
};
const out = new URL('./model/default-model.json', import.meta.url);
writeFileSync(out, JSON.stringify(modelToJson(model)));
console.log(`built ${out.pathname} in ${seconds.toFixed(1)} s on ${backend}`);
