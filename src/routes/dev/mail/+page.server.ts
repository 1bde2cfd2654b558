import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { config } from '$lib/server/core/config';
import { readMailFolder } from '$lib/server/core/mail';

// Development only: shows mail captured in the folder when no SMTP server is configured.
export const load: PageServerLoad = async () => {
	const cfg = config();
	if (!cfg.devMailPage) error(404, 'not found');
	return { mails: await readMailFolder(cfg.mailDir, 50) };
};
