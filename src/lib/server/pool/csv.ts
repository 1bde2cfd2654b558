/**
 * Small CSV reader and writer (RFC 4180 quoting). The delimiter is guessed from the header:
 * Finnish spreadsheets save with semicolons, others with commas.
 */
export interface CsvTable {
	header: string[];
	/** Data rows with their 1-based line number in the file (header is line 1). */
	rows: { line: number; cells: string[] }[];
}

export function parseCsv(text: string): CsvTable {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
	const delim =
		(firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	const records: { line: number; cells: string[] }[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n') line++;
				cell += c;
			}
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === delim) {
			cells.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			cells.push(cell);
			records.push({ line: start, cells });
			cells = [];
			cell = '';
			line++;
			start = line;
		} else cell += c;
	}
	if (cell !== '' || cells.length) {
		cells.push(cell);
		records.push({ line: start, cells });
	}
	const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
	const [head, ...rows] = nonEmpty;
	return { header: head ? head.cells.map((h) => h.trim().toLowerCase()) : [], rows };
}

/** Rows as objects by header name. */
export function csvObjects(t: CsvTable): { line: number; values: Record<string, string> }[] {
	return t.rows.map((r) => ({
		line: r.line,
		values: Object.fromEntries(t.header.map((h, i) => [h, (r.cells[i] ?? '').trim()]))
	}));
}

/** One CSV cell; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function csvCell(v: unknown): string {
	let s = v == null ? '' : Array.isArray(v) ? v.join(' ') : String(v);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
	return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
