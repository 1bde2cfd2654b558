import { describe, expect, it } from 'vitest';
import { priority, weightedPick } from './next-statement';
import {
	createConversationSchema,
	statementSchema,
	voteBatchSchema
} from './conversations.schemas';

describe('next-statement priority', () => {
	it('boosts statements with few votes and those that separate opinions', () => {
		expect(priority(0, 0)).toBeGreaterThan(priority(20, 0));
		expect(priority(20, 1)).toBeGreaterThan(priority(20, 0));
		// The new-statement boost fades: after many votes only separation matters.
		expect(priority(200, 0)).toBeCloseTo(1, 3);
	});

	it('picks in proportion to the weights', () => {
		const items = ['a', 'b'];
		const counts = { a: 0, b: 0 };
		for (let i = 0; i < 1000; i++) {
			counts[weightedPick(items, [1, 3], () => (i + 0.5) / 1000) as 'a' | 'b']++;
		}
		expect(counts.a).toBe(250);
		expect(counts.b).toBe(750);
		expect(weightedPick([], [], Math.random)).toBeNull();
	});
});

describe('schemas', () => {
	it('keeps statements one line of plain text', () => {
		expect(statementSchema.parse({ body: '  Yksi\n  asia  ' }).body).toBe('Yksi asia');
		for (const bad of ['<i>x</i>', 'a &amp; b', 'javascript:alert(1)', 'xx', 'y'.repeat(281)]) {
			expect(statementSchema.safeParse({ body: bad }).success).toBe(false);
		}
	});

	it('accepts one vote or a batch of at most 100, with a client id', () => {
		expect(voteBatchSchema.parse({ tid: 1, vote: -1, clientId: 'abcdefgh' })).toHaveLength(1);
		const votes = Array.from({ length: 101 }, (_, i) => ({
			tid: i,
			vote: 0,
			clientId: `client-${i}`
		}));
		expect(voteBatchSchema.safeParse({ votes }).success).toBe(false);
		expect(voteBatchSchema.safeParse({ tid: 1, vote: 2, clientId: 'abcdefgh' }).success).toBe(
			false
		);
		expect(voteBatchSchema.safeParse({ tid: 1, vote: 1 }).success).toBe(false);
		expect(voteBatchSchema.safeParse({ tid: 1, vote: 1, clientId: 'short' }).success).toBe(false);
	});

	it('refuses more than 100 seed statements and no language', () => {
		const seeds = Array.from({ length: 101 }, (_, i) => `Väite ${i}`).join('\n');
		expect(createConversationSchema.safeParse({ topic: 'x', seeds }).success).toBe(false);
		expect(createConversationSchema.safeParse({ topic: 'x', languages: [] }).success).toBe(false);
		expect(createConversationSchema.safeParse({ topic: '' }).success).toBe(false);
	});
});
