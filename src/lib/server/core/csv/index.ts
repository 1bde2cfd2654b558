/**
 * The one CSV layer: every import reads through `readCsv`, every export writes through
 * `writeCsv`/`csvCell`. Parsing and quoting are csv-parse / csv-stringify (RFC 4180); this file
 * only holds the portal's rules on top of them.
 *
 * Reading: UTF-8 with or without BOM, or Windows-1252 (what Excel's "CSV" saves on Finnish
 * Windows) when the bytes are not valid UTF-8; comma or semicolon delimiter, whichever the header
 * line has more of. Anything else is refused with `CSV_UNSUPPORTED`, a message that names what
 * is accepted.
 *
 * Writing: one formula-injection rule for every export (OWASP "CSV Injection"): a text cell that
 * starts with = + - @ TAB or CR gets a leading apostrophe. Numbers written as numbers are left
 * alone, so -1 stays a number a spreadsheet can add up.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** i18n key of the refusal: which encodings and delimiters are accepted. */
export const CSV_UNSUPPORTED = 'core.errors.csvUnsupported';

export interface CsvTable {
	/** Header cells, trimmed and lower-cased. */
	header: string[];
	/** Non-blank data rows with the 1-based line on which each starts (the header is line 1). */
	rows: { line: number; cells: string[] }[];
}

export type CsvRead = ({ ok: true } & CsvTable) | { ok: false; key: typeof CSV_UNSUPPORTED };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/** Bytes to text by the reading rule; null for what is no text file (e.g. a spreadsheet's binary). */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		text = cp1252.decode(bytes);
	}
	return checkText(text);
}

function checkText(text: string): string | null {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	// NUL and other C0 controls besides TAB/LF/CR do not occur in text CSV: UTF-16, .xlsx, images.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return null;
	return text;
}

/** Every non-blank record, header included, with the 1-based line on which it starts. */
export function readCsvRecords(
	input: Uint8Array | string
): { ok: true; rows: CsvTable['rows'] } | { ok: false; key: typeof CSV_UNSUPPORTED } {
	const decoded = typeof input === 'string' ? checkText(input) : decodeCsvBytes(input);
	if (decoded === null) return { ok: false, key: CSV_UNSUPPORTED };
	// One record delimiter for the parser; a CR inside a quoted cell becomes a line break too.
	const text = decoded.replace(/\r\n?/g, '\n');
	// Delimiters inside quotes (a topic "a; b; c") do not count.
	const firstLine = (text.trimStart().split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
	const semis = firstLine.split(';').length - 1;
	const commas = firstLine.split(',').length - 1;
	const delimiter = semis > commas ? ';' : ',';
	// A header with neither delimiter but a tab or pipe is a file saved in another format.
	if (semis === 0 && commas === 0 && /[\t|]/.test(firstLine))
		return { ok: false, key: CSV_UNSUPPORTED };
	let records: { record: string[]; info: { lines: number } }[];
	try {
		// csv-parse's types do not follow the `info` option to the record shape.
		records = parse(text, {
			delimiter,
			record_delimiter: '\n',
			info: true,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false
		}) as unknown as typeof records;
	} catch {
		return { ok: false, key: CSV_UNSUPPORTED };
	}
	const rows: CsvTable['rows'] = [];
	let line = 1;
	for (const { record, info } of records) {
		if (record.some((c) => c.trim() !== '')) rows.push({ line, cells: record });
		line = info.lines + 1;
	}
	return { ok: true, rows };
}

/** Reads a CSV file with a header line (bytes as uploaded, or already decoded text). */
export function readCsv(input: Uint8Array | string): CsvRead {
	const r = readCsvRecords(input);
	if (!r.ok) return r;
	const head = r.rows.shift();
	return {
		ok: true,
		header: head ? head.cells.map((h) => h.trim().toLowerCase()) : [],
		rows: r.rows
	};
}

/** Rows as objects by header name, values trimmed. */
export function csvObjects(t: CsvTable): { line: number; values: Record<string, string> }[] {
	return t.rows.map((r) => ({
		line: r.line,
		values: Object.fromEntries(t.header.map((h, i) => [h, (r.cells[i] ?? '').trim()]))
	}));
}

/** One cell's text by the export rule (before quoting): formula triggers neutralised. */
export function csvCell(v: unknown): string | number | bigint {
	if (typeof v === 'number' || typeof v === 'bigint') return v;
	const s =
		v == null
			? ''
			: v instanceof Date
				? v.toISOString()
				: Array.isArray(v)
					? v.join(' ')
					: String(v);
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export interface WriteOptions {
	/** Line ending: CRLF (RFC 4180, spreadsheets; default) or LF (the Polis open-data layout). */
	eol?: '\r\n' | '\n';
	/** Start with a UTF-8 BOM so Excel reads the file as UTF-8. */
	bom?: boolean;
	/** Cell delimiter: comma (default) or semicolon (what Excel in a Finnish locale splits on). */
	delimiter?: ',' | ';';
	/** Numbers with a decimal comma (1,5), as Excel in a Finnish locale reads them. */
	decimalComma?: boolean;
}

/** Rows to CSV text, every cell through `csvCell`. */
export function writeCsv(rows: readonly (readonly unknown[])[], opts: WriteOptions = {}): string {
	const body = stringify(
		rows.map((r) => r.map(csvCell)),
		{
			delimiter: opts.delimiter ?? ',',
			record_delimiter: opts.eol ?? '\r\n',
			// Semicolons are quoted too: a spreadsheet set to a Finnish locale may split on them.
			quoted_match: /;/,
			cast: {
				number: opts.decimalComma ? (n: number) => String(n).replace('.', ',') : String,
				bigint: String
			}
		}
	);
	return (opts.bom ? '\ufeff' : '') + body;
}
