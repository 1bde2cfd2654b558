/** The tracker's settings (README, "Module settings"), validated at first use. */
import { z } from 'zod';

export const impactSettingsSchema = z.object({
	/** Days a finding may wait (received / under consideration) before its owner is reminded weekly. */
	IMPACT_REMINDER_DAYS: z.coerce.number().int().min(1).max(3650).default(30)
});

export function impactConfig(env: NodeJS.ProcessEnv = process.env) {
	const parsed = impactSettingsSchema.safeParse({
		IMPACT_REMINDER_DAYS: env.IMPACT_REMINDER_DAYS || undefined
	});
	if (!parsed.success) throw new Error('IMPACT_REMINDER_DAYS must be a whole number 1…3650');
	return { reminderDays: parsed.data.IMPACT_REMINDER_DAYS };
}
