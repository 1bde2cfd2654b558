/**
 * Atom feed of status changes (RFC 4287), newest first, in the language of the `lang` parameter
 * (fi by default) so feed readers get one language each. Public data only.
 */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { isLocale, type Locale } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';
import { explanation, statusChanges } from '$lib/server/impact';

const esc = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!
	);

export const GET: RequestHandler = async ({ url }) => {
	const { db, config } = await runtime();
	const raw = url.searchParams.get('lang');
	const locale: Locale = isLocale(raw) ? raw : 'fi';
	const rows = await statusChanges(db, 100);
	const origin = config.origin;
	const updated = (rows[0]?.created_at ?? new Date(0)).toISOString();
	const entries = rows
		.map((r) => {
			const status = translate(locale, `impact.status.${r.status}`);
			const e = explanation(r, locale);
			const link = `${origin}/sanoitte-teimme/${r.activity_id}#finding-${r.finding_id}`;
			const title = `${status}: ${r.body.length > 100 ? `${r.body.slice(0, 99)}…` : r.body}`;
			return `<entry>
<id>${esc(`${origin}/sanoitte-teimme/changes/${r.id}`)}</id>
<title>${esc(title)}</title>
<updated>${r.created_at.toISOString()}</updated>
<link rel="alternate" href="${esc(link)}"/>
<category term="${r.status}" label="${esc(status)}"/>
<summary xml:lang="${e.lang}">${esc(e.text || status)}</summary>
</entry>`;
		})
		.join('\n');
	const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
<id>${esc(`${origin}/sanoitte-teimme/feed.xml`)}</id>
<title>${esc(translate(locale, 'impact.public.feedTitle'))}</title>
<updated>${updated}</updated>
<author><name>Osallistu</name></author>
<link rel="self" href="${esc(`${origin}/sanoitte-teimme/feed.xml?lang=${locale}`)}"/>
<link rel="alternate" href="${esc(`${origin}/sanoitte-teimme`)}"/>
<rights>CC BY 4.0</rights>
${entries}
</feed>
`;
	return new Response(body, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
