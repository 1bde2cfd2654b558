import { browser } from '$app/environment';
import { allMessages, routeMessages } from 'virtual:osallistu-messages';
import type { LayoutLoad } from './$types';

/**
 * The page's messages in its language. The browser gets only what its route can show (reading
 * `route.id` reruns this on every navigation to another route); the server renders with the whole
 * catalogue, which costs the browser nothing, as a universal load's result is not serialised.
 */
export const load: LayoutLoad = async ({ data, route }) => ({
	...data,
	messages: browser ? await routeMessages(data.locale, route.id) : await allMessages(data.locale)
});
