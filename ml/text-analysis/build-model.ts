/**
 * Builds the model that ships with the project (model/default-model.json): the tone head from
 * FinnSentiment (data/finnsentiment.csv) plus the seed rows, the label head from the seed rows.
 * Run: `npx tsx ml/text-analysis/build-model.ts`. Deterministic for a given backend.
 */
import { writeFileSync } from 'node:fs';
import { readFinnSentiment } from './data';
import { modelToJson } from './model';
import { seedExamples } from './seed';
import { DEFAULT_THEMES, labelIds } from './taxonomy';
import { trainModel } from './train';
import { tfReady } from './tf-backend';

const t0 = performance.now();
const backend = await tfReady();
const examples = [...readFinnSentiment(), ...seedExamples().map((e) => ({ ...e, weight: 3 }))];
const model = await trainModel(examples, {
	labels: labelIds(DEFAULT_THEMES.map((t) => t.id)),
	meta: {
		source: 'FinnSentiment 1.1 (CC BY 4.0) + project seed set',
		builtAt: new Date().toISOString().slice(0, 10),
		backend
	}
});
const out = new URL('./model/default-model.json', import.meta.url);
writeFileSync(out, JSON.stringify(modelToJson(model)));
console.log(`built ${out.pathname} in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${backend}`);
