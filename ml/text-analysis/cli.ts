/**
 * `npm run --silent classify -- <file>`: reads a CSV with a `text` column, or one text per line
 * (`-` or no file: standard input), and prints one JSON object per input row, in order, with
 * the tone, the themes, the journey stage and their confidences, using the model that ships with
 * the project (model/default-model.json) or `--model <file>` (a model JSON, e.g. exported from
 * the portal's ta_model.model column).
 */
import { readFileSync } from 'node:fs';
import { readTexts } from './data';
import { modelFromJson, predict } from './model';

const args = process.argv.slice(2);
const mi = args.indexOf('--model');
const modelFile = mi >= 0 ? args[mi + 1] : new URL('./model/default-model.json', import.meta.url);
const file = args.filter((_, i) => mi < 0 || (i !== mi && i !== mi + 1))[0];
const model = modelFromJson(JSON.parse(readFileSync(modelFile, 'utf8')));
const content = !file || file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const out: string[] = [];
for (const text of readTexts(content)) {
	const p = predict(model, text);
	out.push(
		JSON.stringify({
			tone: p.tone,
			toneConfidence: r3(p.toneConfidence),
			themes: p.themes.map((t) => ({ id: t.label, confidence: r3(t.confidence) })),
			stage: p.stage ? { id: p.stage.label, confidence: r3(p.stage.confidence) } : null,
			confidence: r3(p.confidence),
			needsReview: p.needsReview
		})
	);
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
