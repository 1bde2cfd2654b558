/**
 * Reader and writer for the Polis open-data CSV exports (compdemocracy/openData,
 * polismath `darwin/export.clj`): `participants-votes.csv` (one row per participant, Polis's
 * `group-id`, then one column per comment with 1 = agree, -1 = disagree, 0 = pass, empty = not
 * voted) and `comments.csv` (`moderated` = -1 for moderated out, optional `is-meta`).
 * The exports already use agree = +1, the engine's convention, so no sign flip happens here.
 */
import type { CompactVotes } from './types';

export class PolisCsvError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		detail: string
	) {
		super(`${file}:${line}: ${detail}`);
		this.name = 'PolisCsvError';
	}
}

export interface CsvRecord {
	/** 1-based physical line on which the record starts. */
	line: number;
	fields: string[];
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string, file: string): CsvRecord[] {
	const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const out: CsvRecord[] = [];
	let line = 1;
	let i = 0;
	const n = s.length;
	while (i < n) {
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (s[i] === '"') {
				i++;
				for (;;) {
					if (i >= n) throw new PolisCsvError(file, start, 'unterminated quoted field');
					const ch = s[i];
					if (ch === '"') {
						if (s[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (ch === '\n') line++;
					field += ch;
					i++;
				}
				if (i < n && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') {
					throw new PolisCsvError(file, line, 'unexpected character after closing quote');
				}
			} else {
				const from = i;
				while (i < n && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') {
					if (s[i] === '"') throw new PolisCsvError(file, line, 'quote inside an unquoted field');
					i++;
				}
				field = s.slice(from, i);
			}
			fields.push(field);
			if (i < n && s[i] === ',') {
				i++;
				continue;
			}
			if (s[i] === '\r') i++;
			if (s[i] === '\n') i++;
			line++;
			break;
		}
		// Blank lines carry no record.
		if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields });
	}
	return out;
}

function escapeField(v: string): string {
	return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function writeCsv(rows: Array<Array<string | number>>): string {
	return rows.map((r) => r.map((v) => escapeField(String(v))).join(',')).join('\n') + '\n';
}

/** Columns of participants-votes.csv that are not comment ids. */
const PARTICIPANT_META = new Set([
	'participant',
	'xid',
	'group-id',
	'n-comments',
	'n-votes',
	'n-agree',
	'n-disagree'
]);

export interface ParticipantsVotes {
	participants: string[];
	/** Comment ids in header order. */
	comments: string[];
	votes: CompactVotes;
	/** Polis's own group per participant, null when not grouped. */
	groupIds: Array<number | null>;
}

function table(text: string, file: string, required: string[]) {
	const records = parseCsv(text, file);
	if (records.length === 0) throw new PolisCsvError(file, 1, 'empty file, expected a header');
	const header = records[0].fields.map((h) => h.trim());
	const seen = new Set<string>();
	for (const h of header) {
		if (seen.has(h)) throw new PolisCsvError(file, records[0].line, `duplicate column "${h}"`);
		seen.add(h);
	}
	for (const r of required) {
		if (!seen.has(r)) throw new PolisCsvError(file, records[0].line, `missing column "${r}"`);
	}
	const rows = records.slice(1);
	for (const r of rows) {
		if (r.fields.length !== header.length) {
			throw new PolisCsvError(
				file,
				r.line,
				`expected ${header.length} fields, found ${r.fields.length}`
			);
		}
	}
	return { header, rows };
}

export function parseParticipantsVotes(
	text: string,
	file = 'participants-votes.csv'
): ParticipantsVotes {
	const { header, rows } = table(text, file, ['participant']);
	const pCol = header.indexOf('participant');
	const gCol = header.indexOf('group-id');
	const voteCols: number[] = [];
	header.forEach((h, i) => {
		if (!PARTICIPANT_META.has(h)) voteCols.push(i);
	});
	const comments = voteCols.map((i) => header[i]);
	const participants: string[] = [];
	const groupIds: Array<number | null> = [];
	const seen = new Set<string>();
	const pidIndex: number[] = [];
	const tidIndex: number[] = [];
	const vote: number[] = [];
	for (const r of rows) {
		const pid = r.fields[pCol].trim();
		if (pid === '') throw new PolisCsvError(file, r.line, 'empty participant id');
		if (seen.has(pid)) throw new PolisCsvError(file, r.line, `duplicate participant ${pid}`);
		seen.add(pid);
		const p = participants.push(pid) - 1;
		const g = gCol >= 0 ? r.fields[gCol].trim() : '';
		if (g !== '' && !/^-?\d+$/.test(g)) {
			throw new PolisCsvError(file, r.line, `group-id "${g}" is not an integer`);
		}
		groupIds.push(g === '' ? null : Number(g));
		for (let j = 0; j < voteCols.length; j++) {
			const cell = r.fields[voteCols[j]].trim();
			if (cell === '') continue;
			const v = Number(cell);
			if (v !== 1 && v !== -1 && v !== 0) {
				throw new PolisCsvError(
					file,
					r.line,
					`vote "${cell}" for comment ${comments[j]} is not 1, -1, 0 or empty`
				);
			}
			pidIndex.push(p);
			tidIndex.push(j);
			vote.push(v);
		}
	}
	return {
		participants,
		comments,
		votes: {
			pidIndex: Int32Array.from(pidIndex),
			tidIndex: Int32Array.from(tidIndex),
			vote: Int8Array.from(vote)
		},
		groupIds
	};
}

export interface CommentsTable {
	tids: string[];
	modOut: Set<string>;
	meta: Set<string>;
}

export function parseComments(text: string, file = 'comments.csv'): CommentsTable {
	const { header, rows } = table(text, file, ['comment-id']);
	const idCol = header.indexOf('comment-id');
	const modCol = header.indexOf('moderated');
	const metaCol = header.indexOf('is-meta');
	const tids: string[] = [];
	const modOut = new Set<string>();
	const meta = new Set<string>();
	for (const r of rows) {
		const tid = r.fields[idCol].trim();
		if (tid === '') throw new PolisCsvError(file, r.line, 'empty comment-id');
		tids.push(tid);
		if (modCol >= 0) {
			const mod = r.fields[modCol].trim();
			if (!/^-?\d+$/.test(mod)) {
				throw new PolisCsvError(file, r.line, `moderated "${mod}" is not -1, 0 or 1`);
			}
			if (Number(mod) === -1) modOut.add(tid);
		}
		if (metaCol >= 0) {
			const m = r.fields[metaCol].trim().toLowerCase();
			if (m === 'true' || m === '1') meta.add(tid);
			else if (m !== 'false' && m !== '0' && m !== '') {
				throw new PolisCsvError(file, r.line, `is-meta "${m}" is not true or false`);
			}
		}
	}
	return { tids, modOut, meta };
}

/** Writes participants-votes.csv in the openData layout (no-vote cells empty). */
export function writeParticipantsVotes(
	participants: string[],
	comments: string[],
	votes: CompactVotes,
	groupIds?: Array<number | null>
): string {
	const cells = participants.map(() => new Map<number, number>());
	for (let i = 0; i < votes.vote.length; i++)
		cells[votes.pidIndex[i]].set(votes.tidIndex[i], votes.vote[i]);
	const rows: Array<Array<string | number>> = [
		['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...comments]
	];
	participants.forEach((pid, p) => {
		const row = comments.map((_, c) => cells[p].get(c) ?? '');
		const vs = [...cells[p].values()];
		rows.push([
			pid,
			groupIds?.[p] ?? '',
			0,
			vs.length,
			vs.filter((v) => v === 1).length,
			vs.filter((v) => v === -1).length,
			...row
		]);
	});
	return writeCsv(rows);
}

/** Writes a minimal comments.csv (comment-id, moderated, comment-body). */
export function writeComments(
	comments: Array<{ tid: string; moderated?: -1 | 0 | 1; body?: string }>
): string {
	return writeCsv([
		['comment-id', 'moderated', 'comment-body'],
		...comments.map((c) => [c.tid, c.moderated ?? 1, c.body ?? ''])
	]);
}
