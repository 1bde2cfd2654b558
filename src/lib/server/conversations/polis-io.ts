/**
 * Import and export in the Polis open-data CSV layout (comments.csv, votes.csv,
 * participants-votes.csv, summary.csv). Exports are pseudonymous: participants are numbered
 * 0, 1, 2 … in join order; no account, cookie key or external id leaves the database.
 * An import is parsed and checked completely before one transaction writes it.
 */
import { sql } from 'kysely';
import { PolisCsvError, parseParticipantsVotes } from '$ml/opinion-map/polis-csv';
import type { ConversationsDb } from './conversations.db';
import {
	CSV_UNSUPPORTED,
	decodeCsvBytes,
	readCsvRecords,
	writeCsv as writeCsvWith
} from '../core/csv';
import { recordAudit } from '../core/audit';
import { maskPersonalData } from '../core/privacy/mask';
import {
	conversationVotes,
	getConversation,
	getMap,
	participantIds
} from './conversations.queries';
import type { MapResult } from './opinion-map.port';
import { ensureFreshMap } from './map-worker';
import { inOrder } from './sequential';

export { PolisCsvError };

/** A file that is no CSV the portal reads (encoding, delimiter, quoting); `key` is the message. */
export class PolisFileUnreadable extends Error {
	readonly key = CSV_UNSUPPORTED;
	constructor(readonly file: string) {
		super(`${file}: not a readable CSV file`);
		this.name = 'PolisFileUnreadable';
	}
}

/** The Polis open-data layout: UTF-8 without BOM, LF line ends; cells by the portal's one rule. */
function writeCsv(rows: readonly (readonly unknown[])[]): string {
	return writeCsvWith(rows, { eol: '\n' });
}

function records(file: Uint8Array | string, name: string) {
	const t = readCsvRecords(file);
	if (!t.ok) throw new PolisFileUnreadable(name);
	return t.rows.map((r) => ({ line: r.line, fields: r.cells }));
}

const MODERATED = { accepted: 1, pending: 0, rejected: -1 } as const;

export interface PolisFiles {
	'comments.csv': string;
	'votes.csv': string;
	'participants-votes.csv': string;
	'summary.csv': string;
}

export async function exportPolis(
	db: ConversationsDb,
	conversationId: string
): Promise<PolisFiles | null> {
	const c = await getConversation(db, conversationId);
	if (!c) return null;
	// The group column must describe the votes being exported, not an older map.
	await ensureFreshMap(db, conversationId);
	const [statements, participants, votes, map] = await inOrder([
		() =>
			db
				.selectFrom('conversation_statement')
				.select([
					'id',
					'tid',
					'body',
					'status',
					'is_meta',
					'is_seed',
					'created_at',
					'author_participant_id'
				])
				.where('conversation_id', '=', conversationId)
				.orderBy('tid')
				.execute(),
		() => participantIds(db, conversationId),
		() => conversationVotes(db, conversationId),
		() => getMap(db, conversationId)
	]);
	// Pseudonymous participant number: position in join order.
	const num = new Map(participants.map((p, i) => [Number(p.id), i]));
	const result = map?.result as MapResult | undefined;
	const groupOf = new Map<string, number | null>(
		(result?.participants ?? []).map((p) => [p.pid, p.group])
	);

	const tally = new Map<number, { a: number; d: number }>();
	const perPtpt = participants.map(() => new Map<number, number>());
	for (const v of votes) {
		const t = tally.get(v.tid) ?? { a: 0, d: 0 };
		if (v.vote === 1) t.a++;
		if (v.vote === -1) t.d++;
		tally.set(v.tid, t);
		perPtpt[num.get(Number(v.participant_id))!].set(v.tid, v.vote);
	}
	const authored = new Map<number, number>();
	for (const s of statements) {
		if (s.author_participant_id != null) {
			const n = num.get(Number(s.author_participant_id))!;
			authored.set(n, (authored.get(n) ?? 0) + 1);
		}
	}

	const comments = writeCsv([
		[
			'timestamp',
			'datetime',
			'comment-id',
			'author-id',
			'agrees',
			'disagrees',
			'moderated',
			'is-meta',
			'is-seed',
			'comment-body'
		],
		...statements.map((s) => [
			s.created_at.getTime(),
			s.created_at.toISOString(),
			s.tid,
			s.author_participant_id == null ? '' : num.get(Number(s.author_participant_id))!,
			tally.get(s.tid)?.a ?? 0,
			tally.get(s.tid)?.d ?? 0,
			MODERATED[s.status],
			String(s.is_meta),
			String(s.is_seed),
			s.body
		])
	]);
	const votesCsv = writeCsv([
		['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'],
		...votes.map((v) => [
			v.updated_at.getTime(),
			v.updated_at.toISOString(),
			v.tid,
			num.get(Number(v.participant_id))!,
			v.vote
		])
	]);
	const tids = statements.map((s) => s.tid);
	const pv = writeCsv([
		[
			'participant',
			'group-id',
			'n-comments',
			'n-votes',
			'n-agree',
			'n-disagree',
			...tids.map(String)
		],
		...participants.map((p, i) => {
			const cells = perPtpt[i];
			const vs = [...cells.values()];
			const g = groupOf.get(String(p.id));
			return [
				i,
				g == null ? '' : g,
				authored.get(i) ?? 0,
				vs.length,
				vs.filter((v) => v === 1).length,
				vs.filter((v) => v === -1).length,
				...tids.map((t) => cells.get(t) ?? '')
			];
		})
	]);
	const voters = perPtpt.filter((m) => m.size > 0).length;
	const summary = writeCsv([
		['topic', c.topic],
		['url', ''],
		['views', participants.length],
		['voters', voters],
		['voters-in-conv', result?.participants.filter((p) => p.group !== null).length ?? 0],
		['commenters', authored.size],
		['comments', statements.length],
		['groups', result?.k ?? 0],
		['conversation-description', c.description]
	]);
	return {
		'comments.csv': comments,
		'votes.csv': votesCsv,
		'participants-votes.csv': pv,
		'summary.csv': summary
	};
}

export interface ImportFiles {
	comments: Uint8Array | string;
	participantsVotes: Uint8Array | string;
	summary?: Uint8Array | string;
}

export interface ParsedImport {
	topic: string;
	description: string;
	statements: Array<{
		tid: number;
		body: string;
		status: 'accepted' | 'pending' | 'rejected';
		isMeta: boolean;
	}>;
	participants: string[];
	votes: Array<{ p: number; tid: number; vote: number }>;
}

const IMPORT_BODY_MAX = 2000;

/** Parses and checks everything; throws PolisCsvError naming file and line. Writes nothing. */
export function parsePolisImport(files: ImportFiles, fallbackTopic: string): ParsedImport {
	const recs = records(files.comments, 'comments.csv');
	if (recs.length === 0)
		throw new PolisCsvError('comments.csv', 1, 'empty file, expected a header');
	const header = recs[0].fields.map((h) => h.trim());
	const col = (name: string) => header.indexOf(name);
	for (const req of ['comment-id', 'comment-body']) {
		if (col(req) < 0) throw new PolisCsvError('comments.csv', 1, `missing column "${req}"`);
	}
	const statements: ParsedImport['statements'] = [];
	const seen = new Set<number>();
	for (const r of recs.slice(1)) {
		if (r.fields.length !== header.length) {
			throw new PolisCsvError(
				'comments.csv',
				r.line,
				`expected ${header.length} fields, found ${r.fields.length}`
			);
		}
		const idText = r.fields[col('comment-id')].trim();
		if (!/^\d+$/.test(idText))
			throw new PolisCsvError(
				'comments.csv',
				r.line,
				`comment-id "${idText}" is not a whole number`
			);
		const tid = Number(idText);
		if (seen.has(tid))
			throw new PolisCsvError('comments.csv', r.line, `duplicate comment-id ${tid}`);
		seen.add(tid);
		// Other Polis instances do not mask: codes and phones in imported comments are masked here.
		const body = maskPersonalData(r.fields[col('comment-body')].replace(/\s+/g, ' ').trim());
		if (body === '' || body.length > IMPORT_BODY_MAX) {
			throw new PolisCsvError(
				'comments.csv',
				r.line,
				`comment-body is empty or longer than ${IMPORT_BODY_MAX}`
			);
		}
		const mod = col('moderated') >= 0 ? r.fields[col('moderated')].trim() : '1';
		if (!['-1', '0', '1'].includes(mod))
			throw new PolisCsvError('comments.csv', r.line, `moderated "${mod}" is not -1, 0 or 1`);
		const meta = col('is-meta') >= 0 ? r.fields[col('is-meta')].trim().toLowerCase() : 'false';
		if (!['true', 'false', '1', '0', ''].includes(meta))
			throw new PolisCsvError('comments.csv', r.line, `is-meta "${meta}" is not true or false`);
		// Polis shows unmoderated (0) comments unless strict moderation is on: keep them votable.
		statements.push({
			tid,
			body,
			status: mod === '-1' ? 'rejected' : 'accepted',
			isMeta: meta === 'true' || meta === '1'
		});
	}
	statements.sort((a, b) => a.tid - b.tid);

	const pvText =
		typeof files.participantsVotes === 'string'
			? files.participantsVotes
			: decodeCsvBytes(files.participantsVotes);
	if (pvText === null) throw new PolisFileUnreadable('participants-votes.csv');
	const pv = parseParticipantsVotes(pvText, 'participants-votes.csv');
	const tids: number[] = pv.comments.map((c) => {
		if (!/^\d+$/.test(c) || !seen.has(Number(c))) {
			throw new PolisCsvError(
				'participants-votes.csv',
				1,
				`column "${c}" is not a comment-id of comments.csv`
			);
		}
		return Number(c);
	});
	const votes: ParsedImport['votes'] = [];
	for (let i = 0; i < pv.votes.vote.length; i++) {
		votes.push({
			p: pv.votes.pidIndex[i],
			tid: tids[pv.votes.tidIndex[i]],
			vote: pv.votes.vote[i]
		});
	}

	let topic = fallbackTopic.trim();
	let description = '';
	if (files.summary) {
		for (const r of records(files.summary, 'summary.csv')) {
			if (r.fields[0] === 'topic' && !topic) topic = (r.fields[1] ?? '').trim();
			if (r.fields[0] === 'conversation-description') description = (r.fields[1] ?? '').trim();
		}
	}
	if (!topic) throw new PolisCsvError('summary.csv', 1, 'no topic given and no topic row found');
	return {
		topic: topic.slice(0, 200),
		description: description.slice(0, 4000),
		statements,
		participants: pv.participants,
		votes
	};
}

/**
 * Writes a parsed import as a new, closed conversation in one transaction. Imported participants
 * get an anonymous key no cookie can hold (`import:` + their Polis id), so nobody can vote as them.
 */
export async function importPolis(
	db: ConversationsDb,
	actorUserId: string,
	data: ParsedImport
): Promise<string> {
	return db.transaction().execute(async (trx) => {
		const c = await trx
			.insertInto('conversation')
			.values({
				topic: data.topic,
				description: data.description,
				status: 'closed',
				closed_at: new Date(),
				created_by: actorUserId,
				allow_statements: false
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const stmtId = new Map<number, number>();
		for (let i = 0; i < data.statements.length; i += 500) {
			const rows = await trx
				.insertInto('conversation_statement')
				.values(
					data.statements.slice(i, i + 500).map((s) => ({
						conversation_id: c.id,
						tid: s.tid,
						body: s.body,
						status: s.status,
						is_meta: s.isMeta,
						moderated_at: new Date()
					}))
				)
				.returning(['id', 'tid'])
				.execute();
			for (const r of rows) stmtId.set(r.tid, Number(r.id));
		}
		const pids: number[] = [];
		for (let i = 0; i < data.participants.length; i += 500) {
			const rows = await trx
				.insertInto('conversation_participant')
				.values(
					data.participants
						.slice(i, i + 500)
						.map((p) => ({ conversation_id: c.id, anon_key: `import:${p}` }))
				)
				.returning('id')
				.execute();
			pids.push(...rows.map((r) => Number(r.id)).sort((a, b) => a - b));
		}
		for (let i = 0; i < data.votes.length; i += 2000) {
			await trx
				.insertInto('conversation_vote_history')
				.values(
					data.votes.slice(i, i + 2000).map((v) => ({
						conversation_id: c.id,
						participant_id: pids[v.p],
						statement_id: stmtId.get(v.tid)!,
						vote: v.vote,
						client_id: `import-${v.tid}`
					}))
				)
				.execute();
		}
		await sql`
			insert into conversation_vote (participant_id, statement_id, conversation_id, vote, history_id)
			select participant_id, statement_id, conversation_id, vote, id
			from conversation_vote_history where conversation_id = ${c.id}`.execute(trx);
		await recordAudit(trx, {
			actorUserId,
			action: 'conversation.import',
			entityType: 'conversation',
			entityId: c.id,
			details: {
				statements: data.statements.length,
				participants: data.participants.length,
				votes: data.votes.length
			}
		});
		return c.id;
	});
}
