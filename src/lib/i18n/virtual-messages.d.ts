/** The module `scripts/i18n/vite-plugin.ts` serves. */
declare module 'virtual:osallistu-messages' {
	import type { Locale, Messages } from '$lib/i18n';
	/** The messages the route's page can show, in one language (no mail texts). */
	export function routeMessages(locale: Locale, routeId: string | null): Promise<Messages>;
	/** One language's whole catalogue less the mail texts. */
	export function allMessages(locale: Locale): Promise<Messages>;
}
