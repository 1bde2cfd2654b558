/**
 * The report and map pages call a statement consensus or group-distinguishing only with enough
 * votes, and show every share with its counts (issue 11: one vote came out as "100 %").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	computeMapNow,
	createConversation,
	createConversationSchema,
	getConversation,
	getMap,
	loadReport,
	MIN_VOTES_FOR_SHARE,
	parseResultOrder,
	voteAs,
	type MapResult
} from '../../../src/lib/server/conversations';

describe.each(BACKENDS)('report shares on %s', (backend) => {
	let t: TestDb;
	let conv: string;
	let c: { id: string; languages: string[] };
	beforeAll(async () => {
		t = await createTestDb(backend);
		const u = await t.db
			.insertInto('app_user')
			.values({ email: 'mod@x.fi', display_name: 'M' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const seeds = Array.from({ length: 9 }, (_, i) => `Väite numero ${i + 1}`).join('\n');
		conv = await createConversation(
			t.db,
			u.id,
			createConversationSchema.parse({ topic: 'Raportti', seeds })
		);
		// Two camps split on statements 0–7; statement 8 gets one agreeing vote only.
		for (let p = 0; p < 20; p++) {
			const votes = Array.from({ length: 8 }, (_, tid) => ({
				tid,
				vote: ((tid % 2 === 0) === p < 10 ? 1 : -1) as 1 | -1,
				clientId: `s-p${p}-t${tid}`
			}));
			if (p === 0) votes.push({ tid: 8, vote: 1, clientId: 's-p0-t8' });
			expect((await voteAs(t.db, conv, { kind: 'anon', key: `s${p}` }, votes)).ok).toBe(true);
		}
		await computeMapNow(t.db, conv);
		c = (await getConversation(t.db, conv))!;
	});
	afterAll(() => t.close());

	it('Polis’s own selection lists the one-vote statement; the report does not', async () => {
		const engine = (await getMap(t.db, conv))!.result as MapResult;
		// polismath's pseudocount z-test passes a single vote (z ≈ 1.41 > 1.2816).
		expect(engine.consensus.agree.map((c) => c.tid)).toContain('8');
		const report = await loadReport(t.db, c, null);
		const map = report.map!;
		expect(map.minVotes).toBe(MIN_VOTES_FOR_SHARE);
		expect(map.consensus.agree.map((c) => c.tid)).not.toContain(8);
		for (const g of map.groups) expect(g.reps.map((r) => r.tid)).not.toContain(8);
	});

	it('every share shown carries its counts, and the percentage follows from them', async () => {
		const map = (await loadReport(t.db, c, null)).map!;
		const shares = [
			...map.consensus.agree,
			...map.consensus.disagree,
			...map.groups.flatMap((g) => g.reps)
		];
		expect(shares.length).toBeGreaterThan(0);
		for (const s of shares) {
			expect(s.n).toBeGreaterThanOrEqual(MIN_VOTES_FOR_SHARE);
			expect(s.count).toBeLessThanOrEqual(s.n);
			expect(s.pct).toBe(Math.round((s.count / s.n) * 100));
		}
	});

	it('lists every statement’s counts overall and by group, and sorts them', async () => {
		const report = await loadReport(t.db, c, null);
		const byTid = new Map(report.results.map((r) => [r.tid, r]));
		expect(report.results.map((r) => r.tid)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect(byTid.get(8)!.overall).toEqual({ agree: 1, disagree: 0, pass: 0, n: 1 });
		// Statement 0: the first ten agree, the other ten disagree.
		expect(byTid.get(0)!.overall).toEqual({ agree: 10, disagree: 10, pass: 0, n: 20 });
		const groups = report.map!.groups.length;
		expect(groups).toBe(2);
		for (const r of report.results) {
			expect(r.groups).toHaveLength(groups);
			const sum = r.groups.reduce((a, g) => a + g.n, 0);
			expect(sum).toBe(r.overall.n);
		}
		// Each camp is one group: within a group statement 0 is unanimous one way.
		const g0 = byTid.get(0)!.groups.map((g) => [g.agree, g.disagree].sort().join('/'));
		expect(g0).toEqual(['0/10', '0/10']);

		const sorted = await loadReport(
			t.db,
			c,
			null,
			parseResultOrder(new URLSearchParams('sort=n&dir=asc'))
		);
		expect(sorted.results[0].tid).toBe(8);
		const desc = await loadReport(
			t.db,
			c,
			null,
			parseResultOrder(new URLSearchParams('sort=agree&dir=desc'))
		);
		expect(desc.results[0].tid).toBe(8);
		expect(parseResultOrder(new URLSearchParams('sort=drop table&dir=x'))).toEqual({
			sort: 'tid',
			dir: 'asc'
		});
	});
});
