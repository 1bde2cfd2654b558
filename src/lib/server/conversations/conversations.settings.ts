/** The conversations module's environment variables (the README's module settings table). */
import { z } from 'zod';
import { flagSetting, numberSetting, settingsReader } from '../core/settings';

export const conversationsSettingsSchema = z.object({
	/** Off: no opinion-map recomputes in the web process (run map-worker-cli.ts instead). */
	CONVERSATIONS_MAP_WORKER: flagSetting(true),
	/** Poll interval of the stand-alone map worker. */
	CONVERSATIONS_MAP_POLL_MS: numberSetting(2000, { int: true, above: 0 }),
	/** Votes per participant or address: the burst (a batch) … */
	CONVERSATIONS_VOTE_BURST: numberSetting(200, { above: 0 }),
	/** … and the sustained rate per second. */
	CONVERSATIONS_VOTE_RATE: numberSetting(20, { above: 0 })
});

export type ConversationsSettings = z.output<typeof conversationsSettingsSchema>;
export const conversationsSettings = settingsReader(conversationsSettingsSchema);
