/**
 * Names for the codes a draw works with (the engine balances `age_band`, `gender`, `municipality`,
 * `language` and pool questions `q<id>` by their stored codes): the quota tables and the "how it
 * was drawn" text show people "Sukupuoli: Nainen" and "Kunta: Kangasala", not `gender: female`
 * and `municipality: 211`; a pool question `q7` by its question and its answers' texts, in the
 * reader's language (from `poolQuestionNames`). A code without a name (an age band, a question
 * since deleted) is shown as it is.
 */
import type { Locale } from '$lib/i18n';
import { hasKey, translate } from '../core/i18n/translate';
import { MUNICIPALITIES } from '../core/org';
import { listQuestions, type PoolExecutor } from '../pool';
import type { PanelsExecutor } from './panels.db';

const municipality = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

type Texts = Record<Locale, string>;
/** The pool questions by category code (`q<id>`): the question's text and its answers' texts. */
export type QuestionNames = ReadonlyMap<
	string,
	{ label: Texts; options: ReadonlyMap<string, Texts> }
>;

/** Every pool question, the retired ones too (an old panel may balance one). */
export async function poolQuestionNames(db: PanelsExecutor): Promise<QuestionNames> {
	const rows = await listQuestions(db as unknown as PoolExecutor, false);
	return new Map(
		rows.map((q) => [
			`q${q.id}`,
			{
				label: { fi: q.label_fi, sv: q.label_sv || q.label_fi, en: q.label_en || q.label_fi },
				options: new Map(
					q.options.map((o) => [o.value, { fi: o.fi, sv: o.sv || o.fi, en: o.en || o.fi }])
				)
			}
		])
	);
}

const NO_QUESTIONS: QuestionNames = new Map();

export function categoryLabel(
	locale: Locale,
	category: string,
	questions: QuestionNames = NO_QUESTIONS
): string {
	const q = questions.get(category);
	if (q) return q.label[locale];
	const key = `pool.dim.${category}`;
	return hasKey(locale, key) ? translate(locale, key) : category;
}

export function valueLabel(
	locale: Locale,
	category: string,
	value: string,
	questions: QuestionNames = NO_QUESTIONS
): string {
	const q = questions.get(category);
	if (q) return q.options.get(value)?.[locale] ?? value;
	if (category === 'municipality') {
		const m = municipality.get(value);
		return m ? (locale === 'sv' ? m.sv : m.fi) : value;
	}
	if (category === 'gender' || category === 'language') {
		const key = `pool.${category}.${value}`;
		return hasKey(locale, key) ? translate(locale, key) : value;
	}
	return value;
}

/** The quota table's rows with the names beside the codes. */
export function labelQuotaRows<R extends { category: string; value: string }>(
	locale: Locale,
	rows: readonly R[],
	questions: QuestionNames = NO_QUESTIONS
): (R & { categoryLabel: string; valueLabel: string })[] {
	return rows.map((r) => ({
		...r,
		categoryLabel: categoryLabel(locale, r.category, questions),
		valueLabel: valueLabel(locale, r.category, r.value, questions)
	}));
}
