import type { SessionUser } from '$lib/server/core/auth/roles';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			locale: Locale;
			clientIp: string;
		}
		interface PageData {
			locale: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
