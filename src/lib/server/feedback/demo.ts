/**
 * Illustrative feedback for the demo database (figures on the demo pages are NOT real data):
 * about 120 days of answers in most demo units, a unit below the public threshold
 * (suun-terveys) and none in tk-ylojarvi, plus a few direct-feedback cases.
 */
import type { FeedbackDb } from './feedback.db';
import { submitResponses } from './intake.service';
import type { ResponseInput } from './feedback.types';

/** Small deterministic generator (mulberry32): the same demo data on every start. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An NPS score skewed by the unit's quality (0..1): better units get more 9s and 10s. */
export function npsScore(rand: () => number, quality: number): number {
	const r = rand();
	if (r < 0.35 + quality * 0.35) return 9 + Math.round(rand());
	if (r < 0.6 + quality * 0.25) return 7 + Math.round(rand());
	return Math.floor(rand() * 7);
}

const OPEN_TEXTS = [
	'Ystävällinen vastaanotto ja asiantunteva hoitaja.',
	'Jonotin puhelimessa pitkään ennen kuin pääsin puhumaan.',
	'Lääkäri selitti asiat selvästi.',
	'Odotusaika oli liian pitkä.',
	'Kiitos nopeasta avusta!',
	'Opasteet olivat vaikeita löytää.'
];

const SKIP = new Set(['tk-ylojarvi']);
const FEW = new Set(['suun-terveys']);

export async function seedFeedbackDemo(db: FeedbackDb, now = new Date()): Promise<void> {
	const units = await db.selectFrom('unit').select(['id', 'code']).orderBy('id').execute();
	const rand = prng(2026);
	const channels = ['web', 'web', 'qr', 'kiosk', 'sms'] as const;
	for (const [ui, u] of units.entries()) {
		if (SKIP.has(u.code)) continue;
		const quality = ((ui * 37) % 10) / 10;
		const n = FEW.has(u.code) ? 10 : 150 + Math.floor(rand() * 250);
		const batch: ResponseInput[] = [];
		for (let i = 0; i < n; i++) {
			const daysAgo = FEW.has(u.code) ? Math.floor(rand() * 25) : Math.floor(rand() * 120);
			const answers: Record<string, string | number> = { nps: npsScore(rand, quality) };
			for (let s = 1; s <= 6; s++) {
				const v = rand();
				answers[`s${s}`] =
					v < 0.08 ? 'dk' : Math.min(5, Math.max(1, Math.round(2.5 + quality * 2 + (v - 0.5) * 3)));
			}
			if (rand() < 0.2) answers.open = OPEN_TEXTS[Math.floor(rand() * OPEN_TEXTS.length)];
			batch.push({
				clientId: `demo-${u.code}-${i}`,
				unitId: u.id,
				channel: channels[Math.floor(rand() * channels.length)],
				answers,
				answeredAt: new Date(now.getTime() - daysAgo * 86_400_000 - Math.floor(rand() * 36_000_000))
			});
		}
		for (let i = 0; i < batch.length; i += 500) await submitResponses(db, batch.slice(i, i + 500));
	}
}
