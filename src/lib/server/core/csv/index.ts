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
 *
 * Files people open in Excel go through `writeSpreadsheetCsv`: the layout Excel on a Finnish or
 * Swedish Windows opens with a double click (UTF-8 BOM, semicolons, CRLF, decimal comma, dates
 * as Helsinki local time). Machine formats (the Polis export, open data) keep `writeCsv`.
 * Imports read both layouts; `csvNumber` and `csvObjects`' header aliases take back what a
 * spreadsheet export wrote (1,5 for 1.5, "Kunta" for `municipality`).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { TZDate } from '@date-fns/tz';

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

/**
 * Rows as objects by header name, values trimmed. `aliases` maps a column's own name to the
 * readable headers an export writes (any language, any case), so an exported file reads back.
 */
export function csvObjects(
	t: CsvTable,
	aliases: Readonly<Record<string, readonly string[]>> = {}
): { line: number; values: Record<string, string> }[] {
	const header = csvHeader(t.header, aliases);
	return t.rows.map((r) => ({
		line: r.line,
		values: Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()]))
	}));
}

/** The header with readable names (see `csvObjects`) replaced by the columns' own names. */
export function csvHeader(
	header: readonly string[],
	aliases: Readonly<Record<string, readonly string[]>>
): string[] {
	const byAlias = new Map<string, string>();
	for (const [name, names] of Object.entries(aliases))
		for (const a of names) byAlias.set(a.trim().toLowerCase(), name);
	return header.map((h) => byAlias.get(h) ?? h);
}

/**
 * A number as a person or a spreadsheet wrote it: 1,5 and 1.5, a minus sign or hyphen, spaces
 * (also non-breaking) between thousands. Null for anything else, including an empty cell.
 */
export function csvNumber(s: string): number | null {
	const t = s
		.trim()
		.replace(/^'/, '')
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/^\u2212/, '-');
	if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
	return Number(t.replace(',', '.'));
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

/** The decimal separator of spreadsheets in the language: a comma in Finnish and Swedish. */
function decimalSeparator(locale: string): string {
	return locale === 'en' ? '.' : ',';
}

const helsinkiMinute = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Helsinki',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** One cell of a spreadsheet file: numbers with the language's decimal mark, instants in Helsinki time. */
export function spreadsheetCell(v: unknown, locale: string): string {
	if (typeof v === 'number') {
		if (!Number.isFinite(v)) return '';
		return String(v).replace('.', decimalSeparator(locale));
	}
	if (typeof v === 'bigint') return String(v);
	// "2026-11-02 14:05": Excel reads it as a date and time in every language.
	if (v instanceof Date) return helsinkiMinute.format(v).replace(',', '');
	return String(csvCell(v));
}

/**
 * Rows to the CSV Excel opens correctly in Finland (see the file comment): UTF-8 BOM, semicolon
 * separator, CRLF, decimal comma for Finnish and Swedish. Values should be readable words
 * (unit names, "Kyllä"), not codes; the caller chooses them.
 */
export function writeSpreadsheetCsv(
	rows: readonly (readonly unknown[])[],
	locale: string,
	opts: { bom?: boolean } = {}
): string {
	const body = stringify(
		rows.map((r) => r.map((v) => spreadsheetCell(v, locale))),
		{ delimiter: ';', record_delimiter: '\r\n' }
	);
	// A streamed file writes its BOM once, with the header.
	return (opts.bom === false ? '' : '\ufeff') + body;
}

/**
 * An instant as a file gives it: ISO 8601 with a zone, or a Helsinki wall-clock time the way a
 * spreadsheet export writes it ("2026-11-02 14:05") or a Finn types it ("2.11.2026 14.05").
 * Null for anything else.
 */
export function csvDateTime(s: string): Date | null {
	const v = s.trim();
	if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
		const d = new Date(v);
		return Number.isNaN(d.getTime()) ? null : d;
	}
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(v);
	const fin =
		/^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (?:klo )?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(v);
	const p = iso
		? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
		: fin
			? [fin[3], fin[2], fin[1], fin[4], fin[5], fin[6]]
			: null;
	if (!p) return null;
	const [y, mo, d, h, mi, sec] = p.map((x) => Number(x ?? 0));
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
	const t = new TZDate(y, mo - 1, d, h, mi, sec, 'Europe/Helsinki');
	// 31.2. rolls over into March: not a day of the calendar.
	if (t.getDate() !== d || t.getMonth() !== mo - 1) return null;
	return new Date(t.getTime());
}

/** The content type and file name of a spreadsheet download. */
export function spreadsheetHeaders(fileName: string): Record<string, string> {
	return {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
		'cache-control': 'no-store'
	};
}
export { codeOf, codesByLabel, columnNames } from './readable';
