/**
 * Mail texts come from the same message catalogues as the UI, in the recipient's language:
 * `<template>.subject` and `<template>.body`, where a bare template name means `mail.<name>`
 * (core mails) and a module names its own, e.g. `pool.mail.invitation`. Bodies are plain text; the HTML part escapes every value.
 */
import type { Locale, Params } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';
import type { OutgoingMail } from './outbox';

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderMail(
	template: string,
	locale: Locale,
	to: string,
	params: Params
): OutgoingMail {
	const prefix = template.includes('.') ? template : `mail.${template}`;
	const subject = translate(locale, `${prefix}.subject`, params);
	const body = translate(locale, `${prefix}.body`, params);
	const signature = translate(locale, 'mail.signature');
	const text = `${body}\n\n${signature}\n`;
	const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${text
		.split('\n')
		.map((line) =>
			escapeHtml(line).replace(/(https?:\/\/[^\s<]+)/g, (u) => `<a href="${u}">${u}</a>`)
		)
		.join('<br>')}</body></html>`;
	return { to, subject, text, html, category: template };
}
