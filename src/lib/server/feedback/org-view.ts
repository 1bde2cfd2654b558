/** Service lines with their active units, named in the reader's language, for pickers and lists. */
import { localName, localNameLang, type Locale } from '$lib/i18n';
import type { FeedbackExecutor } from './feedback.db';
import { listServiceLines, listUnits } from '../core/org';

export interface LineView {
	id: number;
	code: string;
	name: string;
	/** 'fi' when the Finnish name stands in for a missing one (see localNameLang). */
	lang?: 'fi';
	units: { id: number; code: string; name: string; lang?: 'fi'; parentId: number | null }[];
}

export async function linesWithUnits(db: FeedbackExecutor, locale: Locale): Promise<LineView[]> {
	const [lines, units] = await Promise.all([listServiceLines(db), listUnits(db)]);
	return lines.map((l) => ({
		id: l.id,
		code: l.code,
		name: localName(l, locale),
		lang: localNameLang(l, locale),
		units: units
			.filter((u) => u.service_line_id === l.id)
			.map((u) => ({
				id: u.id,
				code: u.code,
				name: localName(u, locale),
				lang: localNameLang(u, locale),
				parentId: u.parent_id
			}))
	}));
}

/**
 * Keeps the units whose name contains every word of the query, ignoring case (the public unit
 * list will hold hundreds of units, issue 11); lines left without units are dropped.
 */
export function filterUnits(lines: LineView[], query: string, locale: Locale): LineView[] {
	const words = query.toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
	if (!words.length) return lines;
	return lines
		.map((l) => ({
			...l,
			units: l.units.filter((u) => {
				const name = u.name.toLocaleLowerCase(locale);
				return words.every((w) => name.includes(w));
			})
		}))
		.filter((l) => l.units.length);
}
