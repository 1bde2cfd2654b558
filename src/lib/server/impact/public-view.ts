/**
 * Shapes the tracker's rows for the public pages, feed and exports: texts in the reader's
 * language where the owner wrote one (else Finnish, marked so the page sets lang="fi"), owners as
 * units only, figures from fewer than five people as "< 5".
 */
import type { Locale } from '$lib/i18n';
import { maskSmall } from './impact.queries';
import type { Evidence } from './impact.types';

export interface LocalText {
	text: string;
	/** The language the text is in (Finnish when the reader's is missing). */
	lang: Locale;
}

export function explanation(
	r: { explanation_fi: string; explanation_sv: string; explanation_en: string },
	locale: Locale
): LocalText {
	const own = locale === 'sv' ? r.explanation_sv : locale === 'en' ? r.explanation_en : '';
	return own ? { text: own, lang: locale } : { text: r.explanation_fi, lang: 'fi' };
}

export function localTitle(
	r: { fi: string | null; sv: string | null; en: string | null },
	locale: Locale
): LocalText | null {
	if (!r.fi) return null;
	const own = locale === 'sv' ? r.sv : locale === 'en' ? r.en : null;
	return own ? { text: own, lang: locale } : { text: r.fi, lang: 'fi' };
}

export function unitName(
	r: { unit_fi: string | null; unit_sv: string | null; unit_en: string | null },
	locale: Locale
): string | null {
	if (!r.unit_fi) return null;
	return (locale === 'sv' ? r.unit_sv : locale === 'en' ? r.unit_en : null) || r.unit_fi;
}

/** Evidence for the public: counts under five masked; a share from fewer than five people dropped. */
export function publicEvidence(list: Evidence[]) {
	return list.map((e) => {
		const small = e.count !== undefined && e.count < 5;
		return {
			label: e.label,
			count: e.count === undefined ? null : maskSmall(e.count),
			share: small || e.share === undefined ? null : e.share,
			href: e.href ?? null
		};
	});
}

/**
 * The current phase of a process's steps (PhaseSteps.svelte): 0 open, 1 closed (or at work),
 * 2 results (its findings are in the tracker), 3 what came of it (a finding has an answer).
 * `stage` is how far the module itself says it is (0 to 2); the tracker can only move it on.
 */
export function processPhase(
	stage: 0 | 1 | 2,
	progress: { findings: number; answered: number } | null
): 0 | 1 | 2 | 3 {
	const tracked = !progress ? 0 : progress.answered > 0 ? 3 : progress.findings > 0 ? 2 : 0;
	return Math.max(stage, tracked) as 0 | 1 | 2 | 3;
}
