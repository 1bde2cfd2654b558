import { isLocale, type Locale } from '$lib/i18n';
import type { CouncilError } from './councils.types';

/** A refusal as the services return it (the route turns it into a 4xx with the message). */
export const fail = (error: CouncilError) => ({ ok: false as const, error });

/** A person's locale, Finnish when unknown. */
export const localeOf = (l: string | null | undefined): Locale => (l && isLocale(l) ? l : 'fi');
