/**
 * The language of a conversation's own content (topic, statements) when it has exactly one:
 * pages in another language mark that content with `lang`, so a screen reader reads Finnish
 * statements as Finnish on a Swedish or English page (WCAG 3.1.2, issue 11). With several
 * languages the content's language is not known, and nothing is marked.
 */
import { isLocale, type Locale } from '$lib/i18n';

export function contentLanguage(languages: readonly string[] | null | undefined): Locale | null {
	const valid = (languages ?? []).filter(isLocale);
	return valid.length === 1 ? valid[0] : null;
}
