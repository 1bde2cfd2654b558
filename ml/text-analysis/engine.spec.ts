import { describe, expect, it } from 'vitest';
import { stem, tokenise } from './normalise';
import { featureStrings, featurise } from './features';
import { modelFromJson, modelToJson, predict } from './model';
import { trainModel, type Example } from './train';
import { evaluate } from './metrics';
import { decidePromotion, isHeldOut, shouldPromote, splitExamples } from './promote';
import { readTexts } from './data';

describe('normalisation', () => {
	it('lower-cases, folds numbers and keeps negation', () => {
		expect(tokenise('EI ollut 3 viikkoa, https://x.fi')).toEqual([
			'ei',
			'ollut',
			'0',
			'viikkoa',
			'xurl'
		]);
	});
	it('brings inflected Finnish forms of one word together', () => {
		const stems = new Set(['jonotin', 'jonotus', 'jonoa', 'jonossa', 'jonottaa'].map(stem));
		expect(stems.size).toBe(1);
		expect([...stems][0]).toBe('jono');
		expect(stem('ei')).toBe('ei');
	});
	it('marks words in a negation scope', () => {
		const f = featureStrings('hoitaja ei ollut ystävällinen');
		expect(f).toContain('w:ei');
		expect(f.some((s) => s.startsWith('n:ystäv'))).toBe(true);
		expect(f.some((s) => s.startsWith('w:ystäv'))).toBe(false);
	});
	it('gives an L2-normalised sparse vector', () => {
		const v = featurise('Jonotin pitkään');
		const norm = Math.sqrt([...v.value].reduce((a, x) => a + x * x, 0));
		expect(norm).toBeCloseTo(1, 5);
		expect([...v.index]).toEqual([...v.index].sort((a, b) => a - b));
	});
});

describe('CLI input', () => {
	it('reads a CSV with a text column or one text per line', () => {
		expect(readTexts('id,text\n1,"Hyvä, kiitos"\n2,Huono\n')).toEqual(['Hyvä, kiitos', 'Huono']);
		expect(readTexts('eka\n\ntoka\n')).toEqual(['eka', 'toka']);
	});
});

/** A learnable toy set: two themes with distinct vocabulary, tone from clear words. */
function toy(n: number): Example[] {
	const wait = ['jonotin kauan', 'jono oli pitkä', 'odotin viikkoja aikaa', 'jonotus kesti'];
	const bill = ['lasku oli väärin', 'maksu liian suuri', 'laskutus virheellinen', 'hinta kallis'];
	const good = ['kiitos hyvästä', 'erinomaista', 'olen tyytyväinen'];
	const bad = ['huonoa palvelua', 'olen pettynyt', 'surkeaa'];
	const out: Example[] = [];
	for (let i = 0; i < n; i++) {
		const theme = i % 2 ? 'theme:access' : 'theme:costs';
		const positive = i % 3 === 0;
		const body = (i % 2 ? wait : bill)[i % 4];
		const tone = (positive ? good : bad)[i % 3];
		out.push({
			id: `toy:${i}`,
			text: `${body}, ${tone} ${i}`,
			tone: positive ? 'positive' : 'negative',
			labels: [theme]
		});
	}
	return out;
}

describe('training', () => {
	it('learns a toy set to a high F1 on held-out rows, and survives serialisation', async () => {
		const { train, holdout } = splitExamples(toy(200));
		const model = await trainModel(train, {
			labels: ['theme:access', 'theme:costs'],
			toneEpochs: 20,
			labelEpochs: 20
		});
		const ev = evaluate(model, holdout);
		expect(holdout.length).toBeGreaterThan(20);
		expect(ev.labels.macroF1).toBeGreaterThan(0.9);
		expect(ev.tone.macroF1).toBeGreaterThan(0.9);
		const back = modelFromJson(JSON.parse(JSON.stringify(modelToJson(model))));
		expect(predict(back, 'jonotin tosi kauan').themes[0]?.label).toBe('access');
		expect(predict(back, 'lasku oli taas väärin').themes[0]?.label).toBe('costs');
	}, 120_000);

	it('computes the figures from predictions (a model that always says costs scores 0 on access)', async () => {
		const data = toy(40);
		const model = await trainModel(
			data.map((e) => ({ ...e, labels: ['theme:costs'] })),
			{ labels: ['theme:access', 'theme:costs'], toneEpochs: 5, labelEpochs: 5 }
		);
		const ev = evaluate(model, data);
		const access = ev.labels.labels.find((l) => l.label === 'theme:access');
		const costs = ev.labels.labels.find((l) => l.label === 'theme:costs');
		expect(access?.support).toBe(20);
		expect(access?.recall).toBe(0);
		expect(costs?.precision).toBeCloseTo(0.5, 5);
		expect(ev.themeConfusion.matrix[0][1]).toBe(20);
	}, 120_000);
});

describe('replacement rule', () => {
	it('promotes only at least as good a model', () => {
		expect(shouldPromote(0.8, 0.8)).toBe(true);
		expect(shouldPromote(0.81, 0.8)).toBe(true);
		expect(shouldPromote(0.79, 0.8)).toBe(false);
		expect(shouldPromote(0.1, null)).toBe(true);
	});
	it('keeps an example on the same side of the split', () => {
		expect(isHeldOut('seed:1')).toBe(isHeldOut('seed:1'));
		const share = toy(1000).filter((e) => isHeldOut(e.id)).length / 1000;
		expect(share).toBeGreaterThan(0.15);
		expect(share).toBeLessThan(0.25);
	});
	it('does not promote a model trained on wrong labels', async () => {
		const { train, holdout } = splitExamples(toy(200));
		const opts = { labels: ['theme:access', 'theme:costs'], toneEpochs: 10, labelEpochs: 10 };
		const good = await trainModel(train, opts);
		const swapped = train.map((e) => ({
			...e,
			labels: e.labels?.includes('theme:access') ? ['theme:costs'] : ['theme:access']
		}));
		const worse = await trainModel(swapped, opts);
		expect(decidePromotion(worse, good, holdout).promote).toBe(false);
		expect(decidePromotion(good, worse, holdout).promote).toBe(true);
	}, 120_000);
});
