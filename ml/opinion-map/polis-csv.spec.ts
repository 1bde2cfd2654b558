import { describe, expect, it } from 'vitest';
import {
	parseComments,
	parseCsv,
	parseParticipantsVotes,
	PolisCsvError,
	writeComments,
	writeParticipantsVotes
} from './polis-csv';

function errorOf(f: () => unknown): PolisCsvError {
	try {
		f();
	} catch (e) {
		if (e instanceof PolisCsvError) return e;
		throw e;
	}
	throw new Error('no error thrown');
}

describe('parseCsv', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks', () => {
		const text = '\ufeffa,b\r\n1,"x, ""y""\nz"\n2,\n';
		expect(parseCsv(text, 'f.csv')).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['1', 'x, "y"\nz'] },
			{ line: 4, fields: ['2', ''] }
		]);
	});
	it('reports an unterminated quote at the line where the field starts', () => {
		const e = errorOf(() => parseCsv('a\n"open\nstill open\n', 'f.csv'));
		expect(e.line).toBe(2);
		expect(e.message).toBe('f.csv:2: unterminated quoted field');
	});
	it('reports stray quotes with their line', () => {
		expect(errorOf(() => parseCsv('a,b\n1,x"y\n', 'f.csv')).line).toBe(2);
		expect(errorOf(() => parseCsv('a,b\n1,"x"y\n', 'f.csv')).line).toBe(2);
	});
});

const PV = `participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2
7,0,0,2,1,1,1,-1,
3,,0,1,0,0,,,0
`;

describe('participants-votes.csv', () => {
	it('reads Polis groups and votes (agree = +1)', () => {
		const pv = parseParticipantsVotes(PV);
		expect(pv.participants).toEqual(['7', '3']);
		expect(pv.comments).toEqual(['0', '1', '2']);
		expect(pv.groupIds).toEqual([0, null]);
		expect(Array.from(pv.votes.pidIndex)).toEqual([0, 0, 1]);
		expect(Array.from(pv.votes.tidIndex)).toEqual([0, 1, 2]);
		expect(Array.from(pv.votes.vote)).toEqual([1, -1, 0]);
	});
	it('ignores the optional xid column', () => {
		const pv = parseParticipantsVotes('participant,xid,group-id,5\n1,abc,1,1\n');
		expect(pv.comments).toEqual(['5']);
	});
	it('names file and line of a bad vote', () => {
		const bad = PV.replace('3,,0,1,0,0,,,0', '3,,0,1,0,0,,,yes');
		const e = errorOf(() => parseParticipantsVotes(bad, 'pv.csv'));
		expect(e.message).toBe('pv.csv:3: vote "yes" for comment 2 is not 1, -1, 0 or empty');
	});
	it('names the line of a row with the wrong number of fields', () => {
		const e = errorOf(() => parseParticipantsVotes(PV + '9,1,0,0,0\n', 'pv.csv'));
		expect(e.message).toBe('pv.csv:4: expected 9 fields, found 5');
	});
	it('requires a participant column and unique participants', () => {
		expect(errorOf(() => parseParticipantsVotes('id,1\n1,1\n')).message).toMatch(
			/missing column "participant"/
		);
		expect(errorOf(() => parseParticipantsVotes('participant,1\n1,1\n1,0\n')).line).toBe(3);
		expect(errorOf(() => parseParticipantsVotes('')).line).toBe(1);
	});
	it('round-trips through the writer', () => {
		const pv = parseParticipantsVotes(PV);
		const again = parseParticipantsVotes(
			writeParticipantsVotes(pv.participants, pv.comments, pv.votes, pv.groupIds)
		);
		expect(again).toEqual(pv);
	});
});

describe('comments.csv', () => {
	it('collects moderated-out (-1) and meta comments', () => {
		const text = `timestamp,comment-id,moderated,is-meta,comment-body
1,0,1,false,"fine"
2,1,-1,false,"spam, really"
3,2,0,true,"about the process
itself"
4,3,0,false,unmoderated
`;
		expect(parseComments(text)).toEqual({
			tids: ['0', '1', '2', '3'],
			modOut: new Set(['1']),
			meta: new Set(['2'])
		});
	});
	it('names the line of a bad moderation value after multi-line bodies', () => {
		const text = 'comment-id,moderated,comment-body\n0,1,"two\nlines"\n1,maybe,x\n';
		expect(errorOf(() => parseComments(text, 'c.csv')).message).toBe(
			'c.csv:4: moderated "maybe" is not -1, 0 or 1'
		);
	});
	it('round-trips through the writer', () => {
		const text = writeComments([
			{ tid: '0', moderated: -1, body: 'a "quoted", body' },
			{ tid: '1' }
		]);
		expect(parseComments(text)).toEqual({
			tids: ['0', '1'],
			modOut: new Set(['0']),
			meta: new Set()
		});
	});
});
