/** Admin's view of people and their roles. Every change is audited in its own transaction. */
import { sql } from 'kysely';
import type { Db, Executor } from '../db/database';
import { recordAudit } from '../audit';
import { enqueueMail, renderMail } from '../mail';
import type { Locale } from '$lib/i18n';
import type { Role } from './roles';
import { findUserByEmail, issueSetPasswordLink, normaliseEmail } from './account.service';

export interface PersonRow {
	id: string;
	email: string;
	displayName: string;
	verified: boolean;
	disabled: boolean;
	roles: { id: number; role: string; serviceLineId: number | null; unitId: number | null }[];
}

export async function listPeople(
	db: Executor,
	opts: { search?: string; role?: string; limit?: number; offset?: number } = {}
): Promise<PersonRow[]> {
	let q = db
		.selectFrom('app_user as u')
		.select(['u.id', 'u.email', 'u.display_name', 'u.email_verified_at', 'u.disabled_at']);
	if (opts.search) {
		const like = `%${opts.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		q = q.where((eb) =>
			eb.or([
				eb(sql<string>`lower(u.email)`, 'like', like),
				eb(sql<string>`lower(u.display_name)`, 'like', like)
			])
		);
	}
	if (opts.role) {
		const role = opts.role;
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('user_role as r')
					.select('r.id')
					.whereRef('r.user_id', '=', 'u.id')
					.where('r.role', '=', role)
			)
		);
	}
	const users = await q
		.orderBy('u.display_name')
		.limit(opts.limit ?? 200)
		.offset(opts.offset ?? 0)
		.execute();
	if (users.length === 0) return [];
	const roles = await db
		.selectFrom('user_role')
		.select(['id', 'user_id', 'role', 'service_line_id', 'unit_id'])
		.where(
			'user_id',
			'in',
			users.map((u) => u.id)
		)
		.orderBy('role')
		.execute();
	return users.map((u) => ({
		id: u.id,
		email: u.email,
		displayName: u.display_name,
		verified: !!u.email_verified_at,
		disabled: !!u.disabled_at,
		roles: roles
			.filter((r) => r.user_id === u.id)
			.map((r) => ({
				id: r.id,
				role: r.role,
				serviceLineId: r.service_line_id,
				unitId: r.unit_id
			}))
	}));
}

export interface PersonDetail extends PersonRow {
	createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One person by id with exactly their own roles (null when there is no such person, or the id
 * is no UUID: a route parameter goes in as typed).
 */
export async function getPerson(db: Executor, id: string): Promise<PersonDetail | null> {
	if (!UUID.test(id)) return null;
	const u = await db
		.selectFrom('app_user')
		.select(['id', 'email', 'display_name', 'email_verified_at', 'disabled_at', 'created_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!u) return null;
	const roles = await db
		.selectFrom('user_role')
		.select(['id', 'role', 'service_line_id', 'unit_id'])
		.where('user_id', '=', id)
		.orderBy('role')
		.execute();
	return {
		id: u.id,
		email: u.email,
		displayName: u.display_name,
		verified: !!u.email_verified_at,
		disabled: !!u.disabled_at,
		createdAt: u.created_at,
		roles: roles.map((r) => ({
			id: r.id,
			role: r.role,
			serviceLineId: r.service_line_id,
			unitId: r.unit_id
		}))
	};
}

export type CreateStaffResult = { ok: true; userId: string } | { ok: false; error: 'email_taken' };

/** Creates a staff account with no password: the person sets one from the mailed link. */
export async function createStaffAccount(
	db: Db,
	actorId: string,
	origin: string,
	input: { email: string; displayName: string; locale: Locale; roles: Role[] }
): Promise<CreateStaffResult> {
	return db.transaction().execute(async (trx) => {
		if (await findUserByEmail(trx, input.email)) return { ok: false, error: 'email_taken' };
		const user = await trx
			.insertInto('app_user')
			.values({
				email: normaliseEmail(input.email),
				display_name: input.displayName.trim(),
				locale: input.locale,
				email_verified_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const roles = input.roles.length ? input.roles : (['staff'] as Role[]);
		await trx
			.insertInto('user_role')
			.values(roles.map((role) => ({ user_id: user.id, role, granted_by: actorId })))
			.execute();
		const url = await issueSetPasswordLink(trx, origin, user.id);
		await enqueueMail(trx, renderMail('staff_invite', input.locale, input.email, { url }));
		await recordAudit(trx, {
			actorUserId: actorId,
			action: 'user.create_staff',
			entityType: 'user',
			entityId: user.id,
			details: { roles }
		});
		return { ok: true as const, userId: user.id };
	});
}

export async function grantRole(
	db: Db,
	actorId: string,
	input: { userId: string; role: Role; serviceLineId: number | null; unitId: number | null }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('user_role')
			.values({
				user_id: input.userId,
				role: input.role,
				service_line_id: input.serviceLineId,
				unit_id: input.unitId,
				granted_by: actorId
			})
			.onConflict((oc) => oc.doNothing())
			.returning('id')
			.executeTakeFirst();
		if (inserted) {
			await recordAudit(trx, {
				actorUserId: actorId,
				action: 'role.grant',
				entityType: 'user',
				entityId: input.userId,
				details: { role: input.role, serviceLineId: input.serviceLineId, unitId: input.unitId }
			});
		}
	});
}

/** Revokes one role; with `userId`, only if the role is that person's (false otherwise). */
export async function revokeRole(
	db: Db,
	actorId: string,
	roleId: number,
	userId?: string
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		let q = trx.deleteFrom('user_role').where('id', '=', roleId);
		if (userId) q = q.where('user_id', '=', userId);
		const row = await q
			.returning(['user_id', 'role', 'service_line_id', 'unit_id'])
			.executeTakeFirst();
		if (!row) return false;
		await recordAudit(trx, {
			actorUserId: actorId,
			action: 'role.revoke',
			entityType: 'user',
			entityId: row.user_id,
			details: { role: row.role, serviceLineId: row.service_line_id, unitId: row.unit_id }
		});
		return true;
	});
}

/**
 * The admin's disable/enable button: flips the person's state. An admin cannot disable
 * themself (they would lock themself out mid-session).
 */
export async function toggleDisabled(
	db: Db,
	actorId: string,
	userId: string
): Promise<'ok' | 'self' | 'not_found'> {
	if (userId === actorId) return 'self';
	const person = await getPerson(db, userId);
	if (!person) return 'not_found';
	await setDisabled(db, actorId, person.id, !person.disabled);
	return 'ok';
}

/** Disables or re-enables sign-in; disabling ends the person's sessions. */
export async function setDisabled(
	db: Db,
	actorId: string,
	userId: string,
	disabled: boolean
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('app_user')
			.set({ disabled_at: disabled ? sql`now()` : null, updated_at: sql`now()` })
			.where('id', '=', userId)
			.execute();
		if (disabled) await trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
		await recordAudit(trx, {
			actorUserId: actorId,
			action: disabled ? 'user.disable' : 'user.enable',
			entityType: 'user',
			entityId: userId
		});
	});
}
