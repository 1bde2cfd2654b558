/** The message a form action returns with superforms' `message()`: an i18n key, not text. */
export interface FormMessage {
	type: 'success' | 'error';
	key: string;
	params?: Record<string, string | number>;
}

import { untrack } from 'svelte';
import { superForm } from 'sveltekit-superforms';

/**
 * superForm reads the page's form once and then follows action results itself; `untrack`
 * says so explicitly (Svelte 5 otherwise warns that only the initial value is captured).
 */
export function pageForm<T extends Record<string, unknown>>(
	get: () => Parameters<typeof superForm<T, FormMessage>>[0],
	options: Parameters<typeof superForm<T, FormMessage>>[1] = {}
) {
	return superForm<T, FormMessage>(untrack(get), options);
}
