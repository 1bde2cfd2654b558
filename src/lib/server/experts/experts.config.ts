/**
 * The fee schedule of experience-expert work until the shared fee schedule serves it (README,
 * "Fees"): euros per hour by kind, validated at start.
 */
import { z } from 'zod';

export const expertsSettingsSchema = z.object({
	/** Fee of a trained experience expert, € per hour. */
	EXPERTS_HOURLY_FEE: z.coerce.number().min(0).max(1000).default(25),
	/** Fee of a developer customer, € per hour. */
	EXPERTS_DEVELOPER_HOURLY_FEE: z.coerce.number().min(0).max(1000).default(15)
});

export function expertsConfig(env: NodeJS.ProcessEnv = process.env) {
	const parsed = expertsSettingsSchema.safeParse({
		EXPERTS_HOURLY_FEE: env.EXPERTS_HOURLY_FEE || undefined,
		EXPERTS_DEVELOPER_HOURLY_FEE: env.EXPERTS_DEVELOPER_HOURLY_FEE || undefined
	});
	if (!parsed.success)
		throw new Error(
			'EXPERTS_HOURLY_FEE and EXPERTS_DEVELOPER_HOURLY_FEE must be 0…1000 (€ per hour)'
		);
	return {
		hourlyFee: {
			expert: parsed.data.EXPERTS_HOURLY_FEE,
			developer_customer: parsed.data.EXPERTS_DEVELOPER_HOURLY_FEE
		}
	};
}
