/**
 * Per-statement results for the report (issue 11): agree, disagree and pass counts of every
 * accepted statement, overall and within each opinion group of the stored map, sortable.
 * Counts are of each participant's latest vote (`conversation_vote`), as the map uses.
 */
import { sql } from 'kysely';
import type { ConversationsExecutor } from './conversations.db';
import type { MapResult } from './opinion-map.port';

export interface Tally {
	agree: number;
	disagree: number;
	pass: number;
	/** Everyone who answered the statement (agree + disagree + pass). */
	n: number;
}

export interface StatementResult {
	statementId: number;
	tid: number;
	body: string;
	overall: Tally;
	/** groups[g] is the tally within map group g (same order as the map's groups). */
	groups: Tally[];
}

export const RESULT_SORTS = ['tid', 'n', 'agree', 'disagree', 'pass'] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];
export interface ResultOrder {
	sort: ResultSort;
	dir: 'asc' | 'desc';
}

/** Reads `?sort=&dir=` leniently: anything unknown falls back to statement order. */
export function parseResultOrder(params: URLSearchParams): ResultOrder {
	const sort = params.get('sort');
	const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
	return (RESULT_SORTS as readonly string[]).includes(sort ?? '')
		? { sort: sort as ResultSort, dir }
		: { sort: 'tid', dir: 'asc' };
}

const empty = (): Tally => ({ agree: 0, disagree: 0, pass: 0, n: 0 });

export async function statementResults(
	db: ConversationsExecutor,
	conversationId: string,
	map: MapResult | null,
	order: ResultOrder = { sort: 'tid', dir: 'asc' }
): Promise<StatementResult[]> {
	const placed = (map?.participants ?? []).filter((p) => p.group !== null);
	const pids = placed.map((p) => Number(p.pid));
	const groupOf = placed.map((p) => p.group as number);
	const nGroups = map?.groups.length ?? 0;
	// The group of each participant comes from the stored map as two parallel arrays, so the
	// database does the counting however many votes there are.
	const rows = await sql<{
		statement_id: number;
		tid: number;
		body: string;
		grp: number | null;
		agree: number;
		disagree: number;
		pass: number;
	}>`
		select s.id as statement_id, s.tid, s.body, g.grp,
		       count(*) filter (where v.vote = 1)::int as agree,
		       count(*) filter (where v.vote = -1)::int as disagree,
		       count(*) filter (where v.vote = 0)::int as pass
		from conversation_statement s
		left join conversation_vote v
		  on v.statement_id = s.id and v.conversation_id = s.conversation_id
		left join unnest(${pids}::int[], ${groupOf}::int[]) as g(pid, grp)
		  on g.pid = v.participant_id
		where s.conversation_id = ${conversationId} and s.status = 'accepted'
		group by s.id, s.tid, s.body, g.grp`.execute(db);

	const byStatement = new Map<number, StatementResult>();
	for (const r of rows.rows) {
		const id = Number(r.statement_id);
		let res = byStatement.get(id);
		if (!res) {
			res = {
				statementId: id,
				tid: Number(r.tid),
				body: r.body,
				overall: empty(),
				groups: Array.from({ length: nGroups }, empty)
			};
			byStatement.set(id, res);
		}
		const add = (t: Tally) => {
			t.agree += r.agree;
			t.disagree += r.disagree;
			t.pass += r.pass;
			t.n += r.agree + r.disagree + r.pass;
		};
		add(res.overall);
		if (r.grp !== null && r.grp < nGroups) add(res.groups[r.grp]);
	}
	return sortResults([...byStatement.values()], order);
}

/** Sorts by a count (n) or by a share of those who answered (agree, disagree, pass). */
export function sortResults(results: StatementResult[], order: ResultOrder): StatementResult[] {
	const key = (r: StatementResult): number => {
		if (order.sort === 'tid') return r.tid;
		if (order.sort === 'n') return r.overall.n;
		return r.overall.n ? r.overall[order.sort] / r.overall.n : -1;
	};
	const sign = order.dir === 'desc' ? -1 : 1;
	return [...results].sort((a, b) => sign * (key(a) - key(b)) || a.tid - b.tid);
}
