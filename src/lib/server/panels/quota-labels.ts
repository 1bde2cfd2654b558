/**
 * Names for the codes a draw works with (the engine balances `age_band`, `gender`, `municipality`,
 * `language` and pool questions `q<id>` by their stored codes): the quota tables and the "how it
 * was drawn" text show people "Sukupuoli: Nainen" and "Kunta: Kangasala", not `gender: female`
 * and `municipality: 211`. A code without a name (a pool question's answer, an age band) is
 * shown as it is.
 */
import type { Locale } from '$lib/i18n';
import { hasKey, translate } from '../core/i18n/translate';
import { MUNICIPALITIES } from '../core/org';

const municipality = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function categoryLabel(locale: Locale, category: string): string {
	const key = `pool.dim.${category}`;
	return hasKey(locale, key) ? translate(locale, key) : category;
}

export function valueLabel(locale: Locale, category: string, value: string): string {
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
	rows: readonly R[]
): (R & { categoryLabel: string; valueLabel: string })[] {
	return rows.map((r) => ({
		...r,
		categoryLabel: categoryLabel(locale, r.category),
		valueLabel: valueLabel(locale, r.category, r.value)
	}));
}
