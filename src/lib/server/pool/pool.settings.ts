/** The pool's environment variables (listed in the README's module settings table). */
import { z } from 'zod';
import { numberSetting, settingsReader } from '../core/settings';

export const poolSettingsSchema = z.object({
	/** Members inactive this long are asked whether they want to stay. */
	POOL_INACTIVE_DAYS: numberSetting(730, { int: true, min: 1 }),
	/** …and erased if they do not answer within this time. */
	POOL_RETENTION_GRACE_DAYS: numberSetting(30, { int: true, min: 1 }),
	/** Sign-ups never confirmed are erased after this time. */
	POOL_PENDING_DAYS: numberSetting(30, { int: true, min: 1 })
});

export type PoolSettings = z.output<typeof poolSettingsSchema>;
export const poolSettings = settingsReader(poolSettingsSchema);
