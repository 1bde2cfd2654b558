/**
 * Accounts: sign-up with e-mail confirmation, sign-in with throttling, password reset and change.
 * Answers never reveal whether an address is registered. Mail goes through the outbox in the
 * same transaction as the change.
 */
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../db/database';
import { isLocale, type Locale } from '$lib/i18n';
import { enqueueMail, renderMail } from '../mail';
import { publish } from '../events';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { generateToken, tokenId } from './tokens';
import { createSession, invalidateUserSessions, type Session } from './session';
import {
	claimOncePerWindow,
	clearFailures,
	notifiedKey,
	passwordChangeKey,
	recordFailure,
	secondsUntilAllowed,
	signInKeys
} from './throttle';

const HOUR = 60 * 60 * 1000;
export const VERIFY_TTL_H = 48;
export const RESET_TTL_H = 1;
export const INVITE_TTL_H = 7 * 24;
/** Failed sign-ins to one account (from anywhere) after which the owner is told by mail. */
export const NOTIFY_AFTER_FAILURES = 10;

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string) {
	return db
		.selectFrom('app_user')
		.selectAll()
		.where(sql<string>`lower(email)`, '=', normaliseEmail(email))
		.executeTakeFirst();
}

async function issueEmailToken(
	db: Executor,
	userId: string,
	purpose: 'verify_email' | 'reset_password',
	ttlHours: number
): Promise<string> {
	const token = generateToken();
	await db
		.insertInto('email_token')
		.values({
			id: tokenId(token),
			user_id: userId,
			purpose,
			expires_at: new Date(Date.now() + ttlHours * HOUR)
		})
		.execute();
	return token;
}

export interface SignUpInput {
	email: string;
	password: string;
	displayName: string;
	locale: Locale;
}

/**
 * Registers a resident and mails a confirmation link. For an address already registered the
 * owner gets a "you already have an account" mail instead: the caller's answer is the same.
 */
export async function signUp(db: Db, origin: string, input: SignUpInput): Promise<void> {
	const email = normaliseEmail(input.email);
	const passwordHash = await hashPassword(input.password);
	await db.transaction().execute(async (trx) => {
		const existing = await findUserByEmail(trx, email);
		if (existing) {
			await enqueueMail(
				trx,
				renderMail('account_exists', input.locale, email, {
					signInUrl: `${origin}/auth/sign-in`,
					resetUrl: `${origin}/auth/forgot`
				})
			);
			return;
		}
		const user = await trx
			.insertInto('app_user')
			.values({
				email,
				display_name: input.displayName.trim(),
				password_hash: passwordHash,
				locale: input.locale
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx.insertInto('user_role').values({ user_id: user.id, role: 'resident' }).execute();
		const token = await issueEmailToken(trx, user.id, 'verify_email', VERIFY_TTL_H);
		await enqueueMail(
			trx,
			// No text the requester chose (such as the name) goes to an address not yet confirmed:
			// otherwise sign-up would mail anyone a message of the requester's choosing.
			renderMail('verify_email', input.locale, email, {
				url: `${origin}/auth/confirm/${token}`,
				hours: VERIFY_TTL_H
			})
		);
		await publish(trx, 'user.registered', { userId: user.id });
	});
}

export interface ConfirmedAccountInput {
	email: string;
	/** From `hashPassword`, hashed before the caller's transaction opens. */
	passwordHash: string;
	displayName: string;
	locale: Locale;
}

/**
 * Registers a resident whose address is already proved: the caller has just used up a one-time
 * link mailed to it (a module's own confirmation link), in the same transaction, so no second
 * confirmation mail goes out. An address that has an account already, confirmed or not, is never
 * taken over: the answer is then null and nothing changes.
 */
export async function createConfirmedAccount(
	trx: Tx,
	input: ConfirmedAccountInput
): Promise<string | null> {
	const user = await trx
		.insertInto('app_user')
		.values({
			email: normaliseEmail(input.email),
			display_name: input.displayName.trim(),
			password_hash: input.passwordHash,
			locale: input.locale,
			email_verified_at: sql`now()`
		})
		// The unique index on lower(email): a sign-up that got there first keeps its account.
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!user) return null;
	await trx.insertInto('user_role').values({ user_id: user.id, role: 'resident' }).execute();
	await publish(trx, 'user.registered', { userId: user.id });
	await publish(trx, 'user.email_confirmed', { userId: user.id });
	return user.id;
}

export type TokenResult = { ok: true; userId: string } | { ok: false; error: 'invalid_link' };

async function consumeToken(
	db: Executor,
	token: string,
	purpose: 'verify_email' | 'reset_password'
): Promise<TokenResult> {
	const row = await db
		.updateTable('email_token')
		.set({ used_at: sql`now()` })
		.where('id', '=', tokenId(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', sql<Date>`now()`)
		.returning('user_id')
		.executeTakeFirst();
	if (!row) return { ok: false, error: 'invalid_link' };
	// Using any reset link kills every other one of the person: an older link in a mailbox
	// someone else reads must not work after the owner has set a password.
	if (purpose === 'reset_password') await revokeResetLinks(db, row.user_id);
	return { ok: true, userId: row.user_id };
}

async function revokeResetLinks(db: Executor, userId: string): Promise<void> {
	await db
		.updateTable('email_token')
		.set({ used_at: sql`now()` })
		.where('user_id', '=', userId)
		.where('purpose', '=', 'reset_password')
		.where('used_at', 'is', null)
		.execute();
}

/** Checks a link without using it up (to show the confirm / new-password page). */
export async function isTokenUsable(
	db: Executor,
	token: string,
	purpose: 'verify_email' | 'reset_password'
): Promise<boolean> {
	const row = await db
		.selectFrom('email_token')
		.select('id')
		.where('id', '=', tokenId(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', sql<Date>`now()`)
		.executeTakeFirst();
	return !!row;
}

export async function confirmEmail(db: Db, token: string): Promise<TokenResult> {
	const result = await db.transaction().execute(async (trx) => {
		const r = await consumeToken(trx, token, 'verify_email');
		if (r.ok) {
			await trx
				.updateTable('app_user')
				.set({ email_verified_at: sql`coalesce(email_verified_at, now())`, updated_at: sql`now()` })
				.where('id', '=', r.userId)
				.execute();
			await publish(trx, 'user.email_confirmed', { userId: r.userId });
		}
		return r;
	});
	return result;
}

export type SignInResult =
	| { ok: true; token: string; session: Session; userId: string }
	| { ok: false; error: 'invalid_credentials' }
	| { ok: false; error: 'email_not_confirmed'; userId: string }
	| { ok: false; error: 'throttled'; retryAfter: number };

export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string; sessionDays: number }
): Promise<SignInResult> {
	const keys = signInKeys(input.email, input.ip);
	// Only the pair and the IP make anyone wait: the owner on another IP always gets through.
	const wait = await secondsUntilAllowed(db, [keys.pair, keys.ip]);
	if (wait > 0) return { ok: false, error: 'throttled', retryAfter: wait };
	const user = await findUserByEmail(db, input.email);
	// Verify against a dummy hash for unknown addresses so the answer takes as long.
	const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
	if (!user || !user.password_hash || !valid || user.disabled_at) {
		await db.transaction().execute(async (trx) => {
			const counted = await recordFailure(
				trx,
				user ? [keys.pair.key, keys.ip.key, keys.account] : [keys.pair.key, keys.ip.key]
			);
			const onAccount = counted.get(keys.account) ?? 0;
			if (user && !user.disabled_at && onAccount >= NOTIFY_AFTER_FAILURES)
				await notifyFailedSignIns(trx, user, onAccount);
		});
		return { ok: false, error: 'invalid_credentials' };
	}
	await clearFailures(db, [keys.pair.key, keys.account]);
	if (!user.email_verified_at) return { ok: false, error: 'email_not_confirmed', userId: user.id };
	const { token, session } = await createSession(db, user.id, input.sessionDays);
	return { ok: true, token, session, userId: user.id };
}

/**
 * Tells the owner of repeated failed sign-ins, once per throttle window. The mail holds only a
 * count and a time: no IP address and nothing the person trying typed.
 */
async function notifyFailedSignIns(
	db: Executor,
	user: { email: string; locale: string },
	count: number
): Promise<void> {
	if (!(await claimOncePerWindow(db, notifiedKey(user.email)))) return;
	const locale = (isLocale(user.locale) ? user.locale : 'fi') as Locale;
	const time = new Intl.DateTimeFormat(`${locale}-FI`, {
		dateStyle: 'short',
		timeStyle: 'short',
		timeZone: 'Europe/Helsinki'
	}).format(new Date());
	await enqueueMail(db, renderMail('sign_in_failures', locale, user.email, { count, time }));
}

/** Mails a reset link if the address is registered; the caller says the same thing either way. */
export async function requestPasswordReset(
	db: Db,
	origin: string,
	email: string,
	locale: Locale
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const user = await findUserByEmail(trx, email);
		if (!user || user.disabled_at) return;
		const token = await issueEmailToken(trx, user.id, 'reset_password', RESET_TTL_H);
		await enqueueMail(
			trx,
			renderMail('reset_password', (user.locale as Locale) ?? locale, user.email, {
				url: `${origin}/auth/reset/${token}`,
				hours: RESET_TTL_H
			})
		);
	});
}

/** Sets a new password from a reset link; signs the person out everywhere. */
export async function resetPassword(db: Db, token: string, password: string): Promise<TokenResult> {
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const r = await consumeToken(trx, token, 'reset_password');
		if (!r.ok) return r;
		await trx
			.updateTable('app_user')
			.set({
				password_hash: passwordHash,
				// The link reached the mailbox, so the address is confirmed too.
				email_verified_at: sql`coalesce(email_verified_at, now())`,
				updated_at: sql`now()`
			})
			.where('id', '=', r.userId)
			.execute();
		await invalidateUserSessions(trx, r.userId);
		return r;
	});
}

export type ChangePasswordResult =
	| { ok: true; token: string; session: Session }
	| { ok: false; error: 'wrong_password' }
	| { ok: false; error: 'throttled'; retryAfter: number };

/**
 * Changes the password of a signed-in person: every session and every outstanding reset link
 * ends, and a new session starts here. Wrong current passwords are slowed down per account, as
 * at sign-in, so a borrowed session cannot be used to guess the password.
 */
export async function changePassword(
	db: Db,
	userId: string,
	current: string,
	next: string,
	sessionDays: number
): Promise<ChangePasswordResult> {
	const key = passwordChangeKey(userId);
	const wait = await secondsUntilAllowed(db, [key]);
	if (wait > 0) return { ok: false, error: 'throttled', retryAfter: wait };
	const user = await db
		.selectFrom('app_user')
		.select('password_hash')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	if (!user.password_hash || !(await verifyPassword(user.password_hash, current))) {
		await recordFailure(db, [key.key]);
		return { ok: false, error: 'wrong_password' };
	}
	const passwordHash = await hashPassword(next);
	return db.transaction().execute(async (trx) => {
		await trx
			.updateTable('app_user')
			.set({ password_hash: passwordHash, updated_at: sql`now()` })
			.where('id', '=', userId)
			.execute();
		await clearFailures(trx, [key.key]);
		await revokeResetLinks(trx, userId);
		await invalidateUserSessions(trx, userId);
		const { token, session } = await createSession(trx, userId, sessionDays);
		return { ok: true as const, token, session };
	});
}

/** Remembers the language a signed-in person chose. */
export async function setUserLocale(db: Executor, userId: string, locale: Locale): Promise<void> {
	await db.updateTable('app_user').set({ locale }).where('id', '=', userId).execute();
}

/** Used by staff-account creation: a set-password link valid for a week. */
export async function issueSetPasswordLink(
	db: Executor,
	origin: string,
	userId: string
): Promise<string> {
	const token = await issueEmailToken(db, userId, 'reset_password', INVITE_TTL_H);
	return `${origin}/auth/reset/${token}`;
}

/** Mails a fresh confirmation link (after a correct password on an unconfirmed account). */
export async function resendConfirmation(db: Db, origin: string, userId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('app_user')
			.select(['email', 'locale', 'email_verified_at'])
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!user || user.email_verified_at) return;
		const token = await issueEmailToken(trx, userId, 'verify_email', VERIFY_TTL_H);
		await enqueueMail(
			trx,
			renderMail('verify_email', user.locale as Locale, user.email, {
				url: `${origin}/auth/confirm/${token}`,
				hours: VERIFY_TTL_H
			})
		);
	});
}
