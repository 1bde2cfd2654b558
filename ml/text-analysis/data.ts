/**
 * Reading labelled text: FinnSentiment's CSV (data/README.md) and the CLI's inputs (a CSV with
 * a `text` column, or one text per line).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Example } from './train';

/**
 * Next to this file when run from source (tsx, vitest); in the production bundle this module
 * lives in build/server/chunks, so the copy in the project folder is found from the working
 * directory (`node build` runs from the project root).
 */
function finnSentimentPath(): string {
	const here = new URL('./data/finnsentiment.csv', import.meta.url);
	if (here.protocol === 'file:' && existsSync(here)) return here.pathname;
	return resolve(process.cwd(), 'ml/text-analysis/data/finnsentiment.csv');
}

export interface FinnSentimentRow extends Example {
	split: number;
}

/**
 * FinnSentiment rows as tone examples. The majority label is kept, except that a sentence one
 * annotator called positive and another negative is "mixed" (the portal's fourth tone).
 */
export function readFinnSentiment(file: string | URL = finnSentimentPath()): FinnSentimentRow[] {
	const rows = parse(readFileSync(file, 'utf8'), {
		columns: true,
		skip_empty_lines: true
	}) as Record<string, string>[];
	return rows.map((r, i) => {
		const votes = [r.annotator_a, r.annotator_b, r.annotator_c].map(Number);
		const mixed = votes.includes(1) && votes.includes(-1);
		return {
			id: `fs:${i}`,
			text: r.text,
			tone: mixed ? 'mixed' : r.label,
			labels: null,
			split: Number(r.split)
		};
	});
}

/** Texts of a CLI input: a CSV with a `text` column (header row), else one text per line. */
export function readTexts(content: string): string[] {
	const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
	const header = parse(firstLine, { relax_quotes: true })[0] as string[] | undefined;
	if (header?.map((h) => h.trim().toLowerCase()).includes('text')) {
		const rows = parse(content, { columns: true, skip_empty_lines: true, bom: true }) as Record<
			string,
			string
		>[];
		const key = Object.keys(rows[0] ?? {}).find((k) => k.trim().toLowerCase() === 'text') ?? 'text';
		return rows.map((r) => r[key] ?? '');
	}
	return content.split(/\r?\n/).filter((l) => l.trim() !== '');
}
