/**
 * Audit trail of staff actions (Decidim's traceability): written with the same executor, in the
 * same transaction, as the change it records. Details hold ids and field names, never personal data.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';

export interface AuditEntry {
	actorUserId: string | null;
	action: string;
	entityType: string;
	entityId?: string | number | null;
	details?: Record<string, unknown>;
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			actor_user_id: entry.actorUserId,
			action: entry.action,
			entity_type: entry.entityType,
			entity_id: entry.entityId == null ? null : String(entry.entityId),
			details: JSON.stringify(entry.details ?? {})
		})
		.execute();
}

/**
 * After a GDPR erasure the log keeps what was done and when, but no longer who to: entries about
 * the erased entity lose its id, and details that mention the id are emptied. With `userId` (an
 * erased account) the account's id goes from actor and subject as well.
 */
export async function forgetInAudit(
	db: Executor,
	subject: { entityType: string; entityId: string; userId?: string | null }
): Promise<void> {
	const ids = [subject.entityId, ...(subject.userId ? [subject.userId] : [])];
	await db
		.updateTable('audit_log')
		.set({ entity_id: null })
		.where((eb) =>
			eb.or([
				eb.and([
					eb('entity_type', '=', subject.entityType),
					eb('entity_id', '=', subject.entityId)
				]),
				...(subject.userId
					? [eb.and([eb('entity_type', '=', 'user'), eb('entity_id', '=', subject.userId)])]
					: [])
			])
		)
		.execute();
	for (const id of ids) {
		await db
			.updateTable('audit_log')
			.set({ details: JSON.stringify({ erased: true }) })
			.where(sql<string>`details::text`, 'like', `%${id}%`)
			.execute();
	}
	if (subject.userId)
		await db
			.updateTable('audit_log')
			.set({ actor_user_id: null })
			.where('actor_user_id', '=', subject.userId)
			.execute();
}

export interface AuditFilter {
	action?: string;
	entityType?: string;
	entityId?: string;
	actorUserId?: string;
	/** Entries at or after this instant, and before `until`. */
	since?: Date;
	until?: Date;
	limit?: number;
	offset?: number;
}

export async function listAudit(db: Executor, f: AuditFilter = {}) {
	let q = db
		.selectFrom('audit_log as a')
		.leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
		.select([
			'a.id',
			'a.action',
			'a.entity_type',
			'a.entity_id',
			'a.details',
			'a.created_at',
			'u.display_name as actor_name',
			'u.email as actor_email'
		]);
	if (f.action) q = q.where('a.action', '=', f.action);
	if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
	if (f.actorUserId) q = q.where('a.actor_user_id', '=', f.actorUserId);
	if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
	if (f.since) q = q.where('a.created_at', '>=', f.since);
	if (f.until) q = q.where('a.created_at', '<', f.until);
	return q
		.orderBy('a.id', 'desc')
		.limit(f.limit ?? 100)
		.offset(f.offset ?? 0)
		.execute();
}

/** What the log's filters offer: the people who acted, the actions and object types that occur. */
export async function auditChoices(db: Executor) {
	const [actors, actions, types] = await Promise.all([
		db
			.selectFrom('audit_log as a')
			.innerJoin('app_user as u', 'u.id', 'a.actor_user_id')
			.select(['u.id', 'u.display_name', 'u.email'])
			.distinct()
			.execute(),
		db.selectFrom('audit_log').select('action').distinct().execute(),
		db.selectFrom('audit_log').select('entity_type').distinct().execute()
	]);
	return {
		actors: actors.sort((a, b) => a.display_name.localeCompare(b.display_name, 'fi')),
		actions: actions.map((r) => r.action),
		entityTypes: types.map((r) => r.entity_type)
	};
}
