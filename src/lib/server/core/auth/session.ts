/**
 * Sessions the way Lucia's guide teaches: a random token in an HttpOnly, SameSite=Lax cookie,
 * only its SHA-256 stored; sliding expiry (renewed when less than half the lifetime is left).
 */
import type { Cookies } from '@sveltejs/kit';
import type { Executor } from '../db/database';
import { generateToken, tokenId } from './tokens';
import { isRole, type RoleGrant, type SessionUser } from './roles';

export const SESSION_COOKIE = 'session';
const DAY = 24 * 60 * 60 * 1000;

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export async function createSession(
	db: Executor,
	userId: string,
	days: number
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const session = { id: tokenId(token), userId, expiresAt: new Date(Date.now() + days * DAY) };
	await db
		.insertInto('user_session')
		.values({ id: session.id, user_id: userId, expires_at: session.expiresAt })
		.execute();
	return { token, session };
}

export async function loadRoles(db: Executor, userId: string): Promise<RoleGrant[]> {
	const rows = await db
		.selectFrom('user_role')
		.select(['role', 'service_line_id', 'unit_id'])
		.where('user_id', '=', userId)
		.execute();
	return rows
		.filter((r) => isRole(r.role))
		.map((r) => ({
			role: r.role as RoleGrant['role'],
			serviceLineId: r.service_line_id,
			unitId: r.unit_id
		}));
}

export async function validateSessionToken(
	db: Executor,
	token: string,
	days: number
): Promise<{ session: Session; user: SessionUser } | null> {
	const id = tokenId(token);
	const row = await db
		.selectFrom('user_session as s')
		.innerJoin('app_user as u', 'u.id', 's.user_id')
		.select([
			's.id',
			's.user_id',
			's.expires_at',
			'u.email',
			'u.display_name',
			'u.locale',
			'u.disabled_at'
		])
		.where('s.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const expiresAt = new Date(row.expires_at);
	if (Date.now() >= expiresAt.getTime() || row.disabled_at) {
		await db.deleteFrom('user_session').where('id', '=', id).execute();
		return null;
	}
	const session: Session = { id, userId: row.user_id, expiresAt };
	if (Date.now() >= expiresAt.getTime() - (days * DAY) / 2) {
		session.expiresAt = new Date(Date.now() + days * DAY);
		await db
			.updateTable('user_session')
			.set({ expires_at: session.expiresAt })
			.where('id', '=', id)
			.execute();
	}
	const user: SessionUser = {
		id: row.user_id,
		email: row.email,
		displayName: row.display_name,
		locale: row.locale,
		roles: await loadRoles(db, row.user_id)
	};
	return { session, user };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

/** Signs a person out everywhere, e.g. after a password change. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
	await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
