/**
 * A member's own life in the pool: join with consent, confirm the e-mail, edit, pause, export
 * and erase. Answers never reveal whether an address is already in the pool.
 */
import { sql } from 'kysely';
import type { PoolDb, PoolExecutor } from './pool.db';
import { enqueueMail, renderMail } from '../core/mail';
import { forgetInEvents, publish } from '../core/events';
import { forgetInAudit, recordAudit } from '../core/audit';
import { generateToken, tokenId } from '../core/auth/tokens';
import { hashPassword } from '../core/auth/password';
import { createConfirmedAccount, findUserByEmail } from '../core/auth/account.service';
import { createSession, type Session } from '../core/auth/session';
import { isLocale, type Locale } from '$lib/i18n';
import { CONSENT_VERSION, type MemberProfileInput } from './pool.types';
import { bumpStat } from './pool.queries';

const DAY = 24 * 60 * 60 * 1000;
export const CONFIRM_TTL_DAYS = 7;

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

function loc(v: string | null | undefined): Locale {
	return isLocale(v) ? v : 'fi';
}

/** The columns a profile writes: every personal field lives in pool_member. */
export function profileColumns(p: MemberProfileInput) {
	return {
		name: p.name.trim(),
		phone: p.phone.trim() || null,
		municipality_code: p.municipality,
		birth_year: p.birthYear,
		gender: p.gender || null,
		mother_tongue: p.motherTongue || null,
		locale: loc(p.locale),
		service_line_ids: [...new Set(p.serviceLines)],
		topics: p.topics.trim() || null,
		modes: [...new Set(p.modes)],
		accessibility_needs: p.accessibility.trim() || null,
		background: JSON.stringify(p.background ?? {})
	};
}

export async function issueMemberToken(
	db: PoolExecutor,
	memberId: string,
	purpose: 'confirm' | 'stay',
	ttlDays: number,
	now = new Date()
): Promise<string> {
	const token = generateToken();
	await db
		.insertInto('pool_token')
		.values({
			id: tokenId(token),
			member_id: memberId,
			purpose,
			expires_at: new Date(now.getTime() + ttlDays * DAY)
		})
		.execute();
	return token;
}

async function consumeMemberToken(db: PoolExecutor, token: string, purpose: 'confirm' | 'stay') {
	const row = await db
		.updateTable('pool_token')
		.set({ used_at: sql`now()` })
		.where('id', '=', tokenId(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', sql<Date>`now()`)
		.returning('member_id')
		.executeTakeFirst();
	return row?.member_id ?? null;
}

export function findMemberByEmail(db: PoolExecutor, email: string) {
	return db
		.selectFrom('pool_member')
		.selectAll()
		.where(sql<string>`lower(email)`, '=', normaliseEmail(email))
		.executeTakeFirst();
}

/**
 * Joins the pool: a pending member and a confirmation mail. For an address already in the pool
 * the owner gets a mail instead (a new confirmation link if still pending); the caller's answer
 * is the same either way.
 */
export async function joinPool(
	db: PoolDb,
	origin: string,
	input: MemberProfileInput,
	opts: { userId?: string | null; userEmail?: string | null } = {}
): Promise<void> {
	const email = normaliseEmail(input.email);
	const locale = loc(input.locale);
	await db.transaction().execute(async (trx) => {
		const existing = await findMemberByEmail(trx, email);
		if (existing) {
			if (existing.status === 'pending') {
				const token = await issueMemberToken(trx, existing.id, 'confirm', CONFIRM_TTL_DAYS);
				await enqueueMail(
					trx,
					renderMail('pool.mail.confirm', loc(existing.locale), existing.email, {
						url: `${origin}/pool/confirm/${token}`,
						days: CONFIRM_TTL_DAYS
					})
				);
			} else {
				await enqueueMail(
					trx,
					renderMail('pool.mail.alreadyMember', loc(existing.locale), existing.email, {
						url: `${origin}/account/pool`
					})
				);
			}
			return;
		}
		// Link to the signed-in account only when the addresses match (theirs is confirmed).
		const linkUser =
			opts.userId && opts.userEmail && normaliseEmail(opts.userEmail) === email
				? opts.userId
				: null;
		const member = await trx
			.insertInto('pool_member')
			.values({
				...profileColumns({ ...input, locale }),
				email,
				user_id: linkUser,
				consent_version: CONSENT_VERSION,
				consent_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('pool_consent')
			.values({ member_id: member.id, consent_version: CONSENT_VERSION })
			.execute();
		const token = await issueMemberToken(trx, member.id, 'confirm', CONFIRM_TTL_DAYS);
		await enqueueMail(
			trx,
			renderMail('pool.mail.confirm', locale, email, {
				url: `${origin}/pool/confirm/${token}`,
				days: CONFIRM_TTL_DAYS
			})
		);
	});
}

/** Confirms the e-mail: the member becomes active and is linked to an account with that address. */
export async function confirmMembership(db: PoolDb, token: string): Promise<boolean> {
	return (await confirmJoin(db, token, { sessionDays: 0 })).ok;
}

/**
 * What the confirmation page offers before its button is pressed (the link is only looked at,
 * not used: mail scanners open links). A password is offered when the address has no account
 * and no one is signed in: the click on the mailed link is what proves the address.
 */
export type ConfirmOffer = { usable: false } | { usable: true; offerPassword: boolean };

export async function confirmOffer(
	db: PoolExecutor,
	token: string,
	signedIn: boolean
): Promise<ConfirmOffer> {
	const member = await db
		.selectFrom('pool_token as t')
		.innerJoin('pool_member as m', 'm.id', 't.member_id')
		.select(['m.email', 'm.user_id'])
		.where('t.id', '=', tokenId(token))
		.where('t.purpose', '=', 'confirm')
		.where('t.used_at', 'is', null)
		.where('t.expires_at', '>', sql<Date>`now()`)
		.executeTakeFirst();
	if (!member) return { usable: false };
	const offerPassword = !signedIn && !member.user_id && !(await findUserByEmail(db, member.email));
	return { usable: true, offerPassword };
}

/**
 * How a confirmation ended for the account: `created` (the password given made an account,
 * signed in with `token`), `signedIn` (the membership belongs to the person signed in), `existing`
 * (an account has the address: sign in to see the details; a password given is not used) or
 * `none` (no account, none asked for).
 */
export type ConfirmJoinResult =
	| { ok: false; error: 'invalid_link' }
	| { ok: true; account: 'created'; token: string; session: Session }
	| { ok: true; account: 'signedIn' | 'existing' | 'none' };

/**
 * Uses the confirmation link once: the member becomes active, is linked to a confirmed account
 * with that address, and, when the address has no account and a password was given, gets one
 * (already confirmed: the link reached the mailbox) and a session. All in one transaction with
 * the link's use, so a second use of the link creates and changes nothing.
 */
export async function confirmJoin(
	db: PoolDb,
	token: string,
	opts: { password?: string; user?: { id: string } | null; sessionDays: number }
): Promise<ConfirmJoinResult> {
	// Hashed before the transaction (Argon2 takes a while); only for someone not signed in.
	const passwordHash = opts.password && !opts.user ? await hashPassword(opts.password) : null;
	return db.transaction().execute(async (trx): Promise<ConfirmJoinResult> => {
		const id = await consumeMemberToken(trx, token, 'confirm');
		if (!id) return { ok: false, error: 'invalid_link' };
		const m = await trx
			.updateTable('pool_member')
			.set({
				status: sql`case when status = 'pending' then 'active' else status end`,
				confirmed_at: sql`coalesce(confirmed_at, now())`,
				last_active_at: sql`now()`,
				updated_at: sql`now()`
			})
			.where('id', '=', id)
			.returning(['email', 'user_id', 'name', 'locale'])
			.executeTakeFirstOrThrow();
		await bumpStat(trx, 'joined');
		await publish(trx, 'pool.member_confirmed', { memberId: id });
		const userId = m.user_id ?? (await linkAccountByEmail(trx, id, m.email));
		if (userId) return { ok: true, account: opts.user?.id === userId ? 'signedIn' : 'existing' };
		// An account not linked (unconfirmed, or holding another membership) is not touched.
		if (await findUserByEmail(trx, m.email)) return { ok: true, account: 'existing' };
		if (!passwordHash) return { ok: true, account: 'none' };
		const newUser = await createConfirmedAccount(trx, {
			email: m.email,
			passwordHash,
			displayName: m.name,
			locale: loc(m.locale)
		});
		if (!newUser) return { ok: true, account: 'existing' };
		await trx.updateTable('pool_member').set({ user_id: newUser }).where('id', '=', id).execute();
		const session = await createSession(trx, newUser, opts.sessionDays);
		return { ok: true, account: 'created', ...session };
	});
}

async function linkAccountByEmail(
	db: PoolExecutor,
	memberId: string,
	email: string
): Promise<string | null> {
	const user = await db
		.selectFrom('app_user')
		.select('id')
		.where(sql<string>`lower(email)`, '=', normaliseEmail(email))
		.where('email_verified_at', 'is not', null)
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('pool_member').select('id').whereRef('user_id', '=', 'app_user.id')))
		)
		.executeTakeFirst();
	if (!user) return null;
	await db
		.updateTable('pool_member')
		.set({ user_id: user.id })
		.where('id', '=', memberId)
		.execute();
	return user.id;
}

/**
 * The member of a signed-in user: linked by id, or (first visit) by the account's confirmed
 * e-mail when that membership is confirmed too and not linked to anyone.
 */
export async function memberForUser(db: PoolExecutor, user: { id: string; email: string }) {
	const linked = await db
		.selectFrom('pool_member')
		.selectAll()
		.where('user_id', '=', user.id)
		.executeTakeFirst();
	if (linked) return linked;
	const byEmail = await findMemberByEmail(db, user.email);
	if (!byEmail || byEmail.user_id || byEmail.status === 'pending') return null;
	await db
		.updateTable('pool_member')
		.set({ user_id: user.id })
		.where('id', '=', byEmail.id)
		.execute();
	return { ...byEmail, user_id: user.id };
}

/** Edits the profile. The e-mail is the member's identity here and is changed only by re-joining. */
export async function updateProfile(db: PoolDb, memberId: string, input: MemberProfileInput) {
	await db
		.updateTable('pool_member')
		.set({ ...profileColumns(input), last_active_at: sql`now()`, updated_at: sql`now()` })
		.where('id', '=', memberId)
		.execute();
}

export async function setPaused(db: PoolDb, memberId: string, paused: boolean) {
	await db
		.updateTable('pool_member')
		.set({
			status: paused ? 'paused' : 'active',
			last_active_at: sql`now()`,
			updated_at: sql`now()`
		})
		.where('id', '=', memberId)
		.where('status', '!=', 'pending')
		.execute();
}

/** Everything the pool holds about a member, for the download and the readable page. */
export async function exportMember(db: PoolExecutor, memberId: string) {
	const member = await db
		.selectFrom('pool_member')
		.selectAll()
		.where('id', '=', memberId)
		.executeTakeFirst();
	if (!member) return null;
	const consents = await db
		.selectFrom('pool_consent')
		.select(['consent_version', 'given_at'])
		.where('member_id', '=', memberId)
		.orderBy('given_at')
		.execute();
	const invitations = await db
		.selectFrom('pool_recipient as r')
		.innerJoin('pool_invitation as i', 'i.id', 'r.invitation_id')
		.select([
			'i.title',
			'i.activity_type',
			'i.reply_deadline',
			'r.created_at as invited_at',
			'r.answer',
			'r.answered_at'
		])
		.where('r.member_id', '=', memberId)
		.orderBy('r.created_at', 'desc')
		.execute();
	// Internal columns (account link, search key) are not the member's data as such.
	const { user_id: _u, search_text: _s, ...personal } = member;
	void _u;
	void _s;
	return { member: personal, consents, invitations };
}

/**
 * Erases a member: the one row with personal fields goes, with consents and tokens (cascade);
 * invitation answers stay without a person (member_id set null) so activity counts still add up.
 * Only an anonymous monthly count of erasures is kept.
 */
export async function eraseMember(
	db: PoolDb,
	memberId: string,
	reason: 'erased' | 'left' | 'retention',
	actorUserId: string | null = null,
	now = new Date()
): Promise<boolean> {
	const done = await db.transaction().execute(async (trx) => {
		const gone = await trx
			.deleteFrom('pool_member')
			.where('id', '=', memberId)
			.returning(['id', 'email', 'user_id'])
			.executeTakeFirst();
		if (!gone) return false;
		// The log keeps that members were erased, not who: earlier entries about the member lose
		// the member's id, and the erasure itself names neither the member nor, when the person
		// erased themselves, their account. Staff who erase stay named: that is their action.
		await forgetInAudit(trx, { entityType: 'pool_member', entityId: memberId });
		// The pool's own mails to the person (sent or pending) hold the address and reply links.
		await trx
			.deleteFrom('mail_outbox')
			.where(sql<string>`lower(to_address)`, '=', normaliseEmail(gone.email))
			.where('category', 'like', 'pool.%')
			.execute();
		await bumpStat(trx, `removed_${reason}`, now);
		const bySelf = !!actorUserId && actorUserId === gone.user_id;
		await recordAudit(trx, {
			actorUserId: bySelf ? null : actorUserId,
			action: 'pool.member_erased',
			entityType: 'pool_member',
			entityId: null,
			details: { reason, bySelf }
		});
		// Earlier events keep what happened, not who (as the audit log); the erasure's own event
		// names the member for the handlers that hold copies, and is emptied once delivered.
		await forgetInEvents(trx, 'memberId', memberId);
		await forgetInEvents(trx, 'email', gone.email);
		await publish(trx, 'pool.member_erased', { memberId, reason }, { forgetOnDelivery: true });
		return true;
	});
	return done;
}

/** "I want to stay" from the retention mail. */
export async function confirmStay(db: PoolDb, token: string): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const id = await consumeMemberToken(trx, token, 'stay');
		if (!id) return false;
		await trx
			.updateTable('pool_member')
			.set({ last_active_at: sql`now()`, retention_asked_at: null })
			.where('id', '=', id)
			.execute();
		return true;
	});
}
