/** The audit log's filter, read from the query string (a GET form that works without JavaScript). */
import { dateField, z } from '$lib/validation';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

export const auditFilterSchema = z.object({
	actor: z.preprocess(blank, z.uuid().optional()),
	action: z.preprocess(blank, z.string().max(100).optional()),
	object: z.preprocess(blank, z.string().max(60).optional()),
	objectId: z.preprocess(blank, z.string().trim().max(100).optional()),
	from: z.preprocess(blank, dateField.optional()),
	to: z.preprocess(blank, dateField.optional()),
	page: z.preprocess(blank, z.coerce.number().int().min(0).max(10_000).default(0))
});
export type AuditFilterForm = z.output<typeof auditFilterSchema>;
