import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	computeMapNow,
	createConversation,
	createConversationSchema,
	exportPolis,
	getMap,
	nextStatement,
	importPolis,
	parsePolisImport,
	PolisCsvError,
	PolisFileUnreadable,
	recomputeDue,
	submitStatement,
	voteAs,
	type MapResult
} from '../../../src/lib/server/conversations';

const DATA = '/work/shared/data/polis/bg2050-volunteers';
const read = (f: string) => fs.readFileSync(`${DATA}/${f}`, 'utf8');

/** Group of each participant number (export order), as a canonical partition. */
function partition(pvCsv: string): string {
	const lines = pvCsv.trim().split('\n').slice(1);
	const groups = new Map<string, number[]>();
	lines.forEach((l, i) => {
		const g = l.split(',')[1];
		if (g !== '') groups.set(g, [...(groups.get(g) ?? []), i]);
	});
	return JSON.stringify([...groups.values()].map((m) => m.join(' ')).sort());
}

describe.each(BACKENDS)('opinion map and Polis CSV on %s', (backend) => {
	let t: TestDb;
	let actor: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		const u = await t.db
			.insertInto('app_user')
			.values({ email: 'mod@x.fi', display_name: 'M' })
			.returning('id')
			.executeTakeFirstOrThrow();
		actor = u.id;
	});
	afterAll(() => t.close());

	it('recomputes a conversation with new votes, at most once per interval', async () => {
		const seeds = Array.from({ length: 8 }, (_, i) => `Väite numero ${i + 1}`).join('\n');
		const conv = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Kartta', seeds })
		);
		// Two camps: the first half agrees with even statements, the second with odd ones.
		for (let p = 0; p < 20; p++) {
			const votes = Array.from({ length: 8 }, (_, tid) => ({
				tid,
				vote: ((tid % 2 === 0) === p < 10 ? 1 : -1) as 1 | -1,
				clientId: `p${p}-t${tid}-x`
			}));
			const r = await voteAs(t.db, conv, { kind: 'anon', key: `map-p${p}` }, votes);
			expect(r.ok).toBe(true);
		}
		expect(await recomputeDue(t.db, { minIntervalMs: 60_000 })).toContain(conv);
		const map = await getMap(t.db, conv);
		const result = map!.result as MapResult;
		expect(result.k).toBe(2);
		expect(result.groups.map((g) => g.size).sort()).toEqual([10, 10]);
		// Nothing new: not due. A new vote within the interval: still not due.
		expect(await recomputeDue(t.db, { minIntervalMs: 0 })).not.toContain(conv);
		await voteAs(t.db, conv, { kind: 'anon', key: 'map-p21' }, [
			{ tid: 0, vote: 1, clientId: 'late-vote-1' }
		]);
		expect(await recomputeDue(t.db, { minIntervalMs: 60_000 })).not.toContain(conv);
		expect(await recomputeDue(t.db, { minIntervalMs: 0 })).toContain(conv);
		const again = await getMap(t.db, conv);
		expect(Number(again!.last_history_id)).toBeGreaterThan(Number(map!.last_history_id));

		// Next-statement choice: with equal vote counts, the more divisive statement comes up more.
		const comments = (again!.result as MapResult).comments as Array<{
			tid: string;
			extremity: number;
		}>;
		const sorted = [...comments].sort((a, b) => a.extremity - b.extremity);
		const [least, most] = [Number(sorted[0].tid), Number(sorted.at(-1)!.tid)];
		const c = await t.db
			.selectFrom('conversation')
			.selectAll()
			.where('id', '=', conv)
			.executeTakeFirstOrThrow();
		const picks = new Map<number, number>();
		for (let i = 0; i < 400; i++) {
			const n = await nextStatement(t.db, c, null, () => (i + 0.5) / 400);
			picks.set(n.statement!.tid, (picks.get(n.statement!.tid) ?? 0) + 1);
		}
		expect(sorted.at(-1)!.extremity).toBeGreaterThan(sorted[0].extremity * 1.5);
		expect(picks.get(most) ?? 0).toBeGreaterThan(picks.get(least) ?? 0);
		expect([...picks.values()].reduce((a, b) => a + b, 0)).toBe(400);
	});

	it('imports a Polis export, and its export re-imports to the same groups', async () => {
		const parsed = parsePolisImport(
			{
				comments: read('comments.csv'),
				participantsVotes: read('participants-votes.csv'),
				summary: read('summary.csv')
			},
			''
		);
		const first = await importPolis(t.db, actor, parsed);
		await computeMapNow(t.db, first);
		const out1 = (await exportPolis(t.db, first))!;
		expect(Object.keys(out1).sort()).toEqual([
			'comments.csv',
			'participants-votes.csv',
			'summary.csv',
			'votes.csv'
		]);
		expect(out1['summary.csv']).toContain("Together, we'll build the BG of 2050.");
		// No cookie keys or external ids in any export.
		for (const text of Object.values(out1)) expect(text).not.toContain('import:');

		const second = await importPolis(
			t.db,
			actor,
			parsePolisImport(
				{
					comments: out1['comments.csv'],
					participantsVotes: out1['participants-votes.csv'],
					summary: out1['summary.csv']
				},
				''
			)
		);
		await computeMapNow(t.db, second);
		const out2 = (await exportPolis(t.db, second))!;
		const groups = JSON.parse(partition(out1['participants-votes.csv'])) as string[];
		expect(groups.length).toBeGreaterThanOrEqual(2);
		expect(partition(out2['participants-votes.csv'])).toBe(
			partition(out1['participants-votes.csv'])
		);
	});

	it('neutralises spreadsheet formulas in the export of statements and topic', async () => {
		const conv = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({
				topic: '=1+1 kustannukset',
				seeds: '=HYPERLINK("http://x","y")\n-Nimetön miinus'
			})
		);
		const r = await submitStatement(t.db, conv, { kind: 'anon', key: 'p1' }, '@SUM(A1) on hyvä');
		expect(r.ok).toBe(true);
		const out = (await exportPolis(t.db, conv))!;
		expect(out['comments.csv']).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(out['comments.csv']).toContain(`,'-Nimetön miinus\n`);
		expect(out['comments.csv']).toContain(`,'@SUM(A1) on hyvä\n`);
		expect(out['summary.csv']).toContain(`topic,'=1+1 kustannukset\n`);
		// No cell of any file starts with a formula trigger; numbers such as -1 are not text cells.
		for (const text of Object.values(out))
			for (const line of text.split('\n'))
				for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
		// Still the Polis layout: LF line ends, no BOM, the header Polis writes.
		expect(out['comments.csv'].startsWith('timestamp,datetime,comment-id,')).toBe(true);
		expect(out['comments.csv']).not.toContain('\r');
	});

	it('refuses a Polis file that is no readable CSV with the message naming what is accepted', async () => {
		const utf16 = Uint8Array.from(Buffer.from('comment-id,comment-body\n0,x\n', 'utf16le'));
		let err: unknown;
		try {
			parsePolisImport({ comments: utf16, participantsVotes: 'participant,0\n0,1\n' }, 'T');
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(PolisFileUnreadable);
		expect((err as PolisFileUnreadable).key).toBe('core.errors.csvUnsupported');
		expect((err as PolisFileUnreadable).file).toBe('comments.csv');
	});

	it('refuses a CSV with a broken row, naming the line, and writes nothing', async () => {
		const before = await t.db
			.selectFrom('conversation')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const pv = read('participants-votes.csv').split('\n');
		pv[3] = pv[3].replace(/,1,/, ',7,');
		expect(() =>
			parsePolisImport(
				{ comments: read('comments.csv'), participantsVotes: pv.join('\n') },
				'Rikki'
			)
		).toThrow(PolisCsvError);
		try {
			parsePolisImport(
				{ comments: read('comments.csv'), participantsVotes: pv.join('\n') },
				'Rikki'
			);
		} catch (e) {
			expect((e as Error).message).toMatch(/participants-votes\.csv:4:/);
		}
		const cm = read('comments.csv').split('\n');
		cm[1] = cm[1] + ',extra';
		expect(() =>
			parsePolisImport(
				{ comments: cm.join('\n'), participantsVotes: read('participants-votes.csv') },
				'Rikki'
			)
		).toThrow(/comments\.csv:2:/);
		const after = await t.db
			.selectFrom('conversation')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});
});
