/**
 * The command line's two files (csv-parse, RFC 4180; comma or semicolon, whichever the header
 * line has more of; UTF-8 with or without BOM; cells trimmed).
 *
 * Volunteers: an `id` column and one column per quota category; other columns are ignored
 * (except the household columns, if named). Quotas: `category,value,min,max`, or the Sortition
 * Foundation's `feature,value,min,max` or older `category,name,min,max`, each optionally with
 * `min_flex,max_flex`; header names are matched case-insensitively, extra columns ignored.
 * Errors name the file and line.
 */
import { parse } from 'csv-parse/sync';
import { PanelInputError } from './instance';
import type { Quota, Volunteer } from './types';

interface Table {
	header: string[];
	rows: { line: number; cells: string[] }[];
}

function readTable(text: string, file: string): Table {
	const s = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
	const firstLine = (s.trimStart().split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
	const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
	let records: { record: string[]; info: { lines: number } }[];
	try {
		// csv-parse's types do not follow the `info` option to the record shape.
		records = parse(s, {
			delimiter,
			record_delimiter: '\n',
			info: true,
			relax_column_count: true,
			skip_empty_lines: false
		}) as unknown as typeof records;
	} catch (e) {
		throw new PanelInputError([`${file}: ${e instanceof Error ? e.message : String(e)}`]);
	}
	const rows: Table['rows'] = [];
	let line = 1;
	for (const { record, info } of records) {
		if (record.some((c) => c.trim() !== ''))
			rows.push({ line, cells: record.map((c) => c.trim()) });
		line = info.lines + 1;
	}
	const head = rows.shift();
	if (!head) throw new PanelInputError([`${file}: empty file`]);
	for (const r of rows)
		if (r.cells.length !== head.cells.length)
			throw new PanelInputError([
				`${file} line ${r.line}: ${r.cells.length} fields, but the header on line ${head.line} has ${head.cells.length}`
			]);
	return { header: head.cells, rows };
}

export function parseQuotasCsv(text: string, file = 'quotas.csv'): Quota[] {
	const t = readTable(text, file);
	const lower = t.header.map((h) => h.toLowerCase());
	const col = (name: string) => lower.indexOf(name);
	const problems: string[] = [];
	for (const h of new Set(lower))
		if (
			['category', 'feature', 'value', 'name', 'min', 'max', 'min_flex', 'max_flex'].includes(h) &&
			lower.filter((x) => x === h).length > 1
		)
			problems.push(`${file}: column '${h}' appears more than once`);
	// `feature,value`, `category,value` or the old `category,name`.
	const cat = col('feature') >= 0 ? col('feature') : col('category');
	const val = col('value') >= 0 ? col('value') : col('name');
	const min = col('min');
	const max = col('max');
	const minFlex = col('min_flex');
	const maxFlex = col('max_flex');
	if (cat < 0) problems.push(`${file}: no 'category' (or 'feature') column`);
	if (val < 0) problems.push(`${file}: no 'value' (or 'name') column`);
	if (min < 0) problems.push(`${file}: no 'min' column`);
	if (max < 0) problems.push(`${file}: no 'max' column`);
	if (minFlex < 0 !== maxFlex < 0)
		problems.push(`${file}: 'min_flex' and 'max_flex' come together`);
	if (problems.length) throw new PanelInputError(problems);
	const int = (s: string, what: string, line: number): number => {
		if (!/^\d+$/.test(s)) {
			problems.push(`${file} line ${line}: ${what} '${s}' is not a whole number ≥ 0`);
			return 0;
		}
		return Number(s);
	};
	const quotas = t.rows.map((r): Quota => {
		const q: Quota = {
			category: r.cells[cat],
			value: r.cells[val],
			min: int(r.cells[min], 'min', r.line),
			max: int(r.cells[max], 'max', r.line),
			source: `${file} line ${r.line}`
		};
		if (minFlex >= 0) {
			q.minFlex = int(r.cells[minFlex], 'min_flex', r.line);
			q.maxFlex = int(r.cells[maxFlex], 'max_flex', r.line);
		}
		if (!q.category || !q.value) problems.push(`${file} line ${r.line}: empty category or value`);
		return q;
	});
	if (problems.length) throw new PanelInputError(problems);
	return quotas;
}

/**
 * Volunteers for the given categories. A category missing from the header is the quota file's
 * error ("unknown category"), reported with the quota's line.
 */
export function parseVolunteersCsv(
	text: string,
	quotas: readonly Quota[],
	opts: { file?: string; householdColumns?: readonly string[] } = {}
): Volunteer[] {
	const file = opts.file ?? 'volunteers.csv';
	const t = readTable(text, file);
	const problems: string[] = [];
	const dup = t.header.filter((h, i) => t.header.indexOf(h) !== i);
	for (const h of new Set(dup)) problems.push(`${file}: column '${h}' appears more than once`);
	const idCol = t.header.findIndex((h) => h.toLowerCase() === 'id');
	if (idCol < 0)
		problems.push(
			`${file}: no 'id' column (the header has ${t.header.map((h) => `'${h}'`).join(', ')})`
		);
	const categories = [...new Set(quotas.map((q) => q.category))];
	const colOf = new Map<string, number>();
	for (const c of categories) {
		const i = t.header.indexOf(c);
		if (i < 0) {
			const q = quotas.find((x) => x.category === c)!;
			problems.push(`${q.source ?? 'quotas'}: unknown category '${c}': ${file} has no such column`);
		} else colOf.set(c, i);
	}
	const hhCols = (opts.householdColumns ?? []).map((h) => {
		const i = t.header.indexOf(h);
		if (i < 0) problems.push(`${file}: no household column '${h}'`);
		return i;
	});
	if (problems.length) throw new PanelInputError(problems);
	const volunteers = t.rows.map((r) => {
		const attributes: Record<string, string> = {};
		for (const [c, i] of colOf) {
			if (r.cells[i] === '') problems.push(`${file} line ${r.line}: empty '${c}'`);
			attributes[c] = r.cells[i];
		}
		const v: Volunteer = { id: r.cells[idCol], attributes, source: `${file} line ${r.line}` };
		if (hhCols.length) {
			const parts = hhCols.map((i) => r.cells[i]);
			// An address with every household column empty is no shared household.
			if (parts.some((p) => p !== ''))
				v.household = JSON.stringify(parts.map((p) => p.toLowerCase()));
		}
		return v;
	});
	if (problems.length) throw new PanelInputError(problems);
	return volunteers;
}
