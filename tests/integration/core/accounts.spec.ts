import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	changePassword,
	confirmEmail,
	requestPasswordReset,
	resetPassword,
	signIn,
	signUp
} from '../../../src/lib/server/core/auth/account.service';
import { validateSessionToken } from '../../../src/lib/server/core/auth/session';

const ORIGIN = 'http://portal.test';

function tokenFrom(text: string, path: string): string {
	const m = new RegExp(`${path}/([a-z0-9]+)`).exec(text);
	if (!m) throw new Error(`no ${path} link in mail`);
	return m[1];
}

describe.each(BACKENDS)('accounts on %s', (backend) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(backend);
	});
	afterAll(() => t.close());

	const lastMailTo = (to: string) =>
		t.db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('to_address', '=', to)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();

	/** A signed-up and confirmed account of its own, so no test needs another test's account. */
	async function confirmedAccount(email: string) {
		await signUp(t.db, ORIGIN, { email, password: 'salasana-123', displayName: 'X', locale: 'fi' });
		const token = tokenFrom((await lastMailTo(email)).text_body, '/auth/confirm');
		expect((await confirmEmail(t.db, token)).ok).toBe(true);
		return email;
	}

	it('signs up, confirms once, and signs in', async () => {
		const email = 'Aino@Example.com';
		await signUp(t.db, ORIGIN, {
			email,
			password: 'salasana-123',
			displayName: 'Aino',
			locale: 'fi'
		});
		const user = await t.db
			.selectFrom('app_user')
			.selectAll()
			.where('email', '=', 'aino@example.com')
			.executeTakeFirstOrThrow();
		expect(user.email).toBe('aino@example.com');
		expect(user.password_hash).toMatch(/^\$argon2id\$/);
		expect(user.email_verified_at).toBeNull();
		const roles = await t.db
			.selectFrom('user_role')
			.select('role')
			.where('user_id', '=', user.id)
			.execute();
		expect(roles.map((r) => r.role)).toEqual(['resident']);

		const before = await signIn(t.db, {
			email,
			password: 'salasana-123',
			ip: '1.1.1.1',
			sessionDays: 30
		});
		expect(before).toMatchObject({ ok: false, error: 'email_not_confirmed' });

		const mail = await lastMailTo('aino@example.com');
		expect(mail.subject).toBe('Vahvista sähköpostiosoitteesi');
		const token = tokenFrom(mail.text_body, '/auth/confirm');
		// Only the hash of the token is stored.
		const stored = await t.db.selectFrom('email_token').select('id').execute();
		expect(stored.map((s) => s.id)).not.toContain(token);

		expect((await confirmEmail(t.db, token)).ok).toBe(true);
		expect(await confirmEmail(t.db, token)).toEqual({ ok: false, error: 'invalid_link' });

		const ok = await signIn(t.db, {
			email: 'aino@example.com',
			password: 'salasana-123',
			ip: '1.1.1.1',
			sessionDays: 30
		});
		expect(ok.ok).toBe(true);
	});

	it('a second sign-up with the same address creates nothing and mails the owner', async () => {
		const email = await confirmedAccount('toinen@example.com');
		const count = async () =>
			Number(
				(
					await t.db
						.selectFrom('app_user')
						.select(t.db.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		const n = await count();
		await signUp(t.db, ORIGIN, {
			email: 'TOINEN@example.com',
			password: 'toinen-salasana',
			displayName: 'X',
			locale: 'sv'
		});
		expect(await count()).toBe(n);
		const mail = await lastMailTo(email);
		expect(mail.category).toBe('account_exists');
		expect(mail.subject).toBe('Du har redan ett konto i tjänsten Osallistu');
	});

	it('rejects a wrong password and an unknown address alike, then slows down', async () => {
		const email = await confirmedAccount('kolmas@example.com');
		const wrong = await signIn(t.db, {
			email,
			password: 'väärä',
			ip: '2.2.2.2',
			sessionDays: 30
		});
		const unknown = await signIn(t.db, {
			email: 'nobody@example.com',
			password: 'väärä',
			ip: '2.2.2.2',
			sessionDays: 30
		});
		expect(wrong).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(unknown).toEqual({ ok: false, error: 'invalid_credentials' });
		await signIn(t.db, {
			email,
			password: 'väärä',
			ip: '3.3.3.3',
			sessionDays: 30
		});
		await signIn(t.db, {
			email,
			password: 'väärä',
			ip: '4.4.4.4',
			sessionDays: 30
		});
		// Three failures for this address (from different IPs): even the right password must wait.
		const throttled = await signIn(t.db, {
			email,
			password: 'salasana-123',
			ip: '5.5.5.5',
			sessionDays: 30
		});
		expect(throttled).toMatchObject({ ok: false, error: 'throttled' });
		// The throttle table holds hashes, not addresses.
		const keys = await t.db.selectFrom('auth_throttle').select('key').execute();
		expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key))).toBe(true);
		await t.db.deleteFrom('auth_throttle').execute();
	});

	it('sessions slide, and a password change ends every other session', async () => {
		const email = await confirmedAccount('neljas@example.com');
		const a = await signIn(t.db, {
			email,
			password: 'salasana-123',
			ip: '6.6.6.6',
			sessionDays: 30
		});
		const b = await signIn(t.db, {
			email,
			password: 'salasana-123',
			ip: '6.6.6.6',
			sessionDays: 30
		});
		if (!a.ok || !b.ok) throw new Error('sign-in failed');
		expect(
			await t.db
				.selectFrom('user_session')
				.select('id')
				.where('id', '=', a.token)
				.executeTakeFirst()
		).toBeUndefined();

		// Near expiry the session is renewed.
		await t.db
			.updateTable('user_session')
			.set({ expires_at: sql`now() + interval '1 day'` })
			.where('id', '=', a.session.id)
			.execute();
		const renewed = await validateSessionToken(t.db, a.token, 30);
		expect(renewed!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
		// An expired one is gone.
		await t.db
			.updateTable('user_session')
			.set({ expires_at: sql`now() - interval '1 second'` })
			.where('id', '=', b.session.id)
			.execute();
		expect(await validateSessionToken(t.db, b.token, 30)).toBeNull();

		expect(await changePassword(t.db, a.userId, 'väärä', 'uusi-salasana-1', 30)).toEqual({
			ok: false,
			error: 'wrong_password'
		});
		const changed = await changePassword(t.db, a.userId, 'salasana-123', 'uusi-salasana-1', 30);
		if (!changed.ok) throw new Error('change failed');
		expect(await validateSessionToken(t.db, a.token, 30)).toBeNull();
		expect(await validateSessionToken(t.db, changed.token, 30)).not.toBeNull();
	});

	it('resets a password by link, once, and says nothing about unknown addresses', async () => {
		const email = await confirmedAccount('viides@example.com');
		const mailsBefore = await t.db.selectFrom('mail_outbox').select('id').execute();
		await requestPasswordReset(t.db, ORIGIN, 'nobody@example.com', 'fi');
		expect((await t.db.selectFrom('mail_outbox').select('id').execute()).length).toBe(
			mailsBefore.length
		);

		await requestPasswordReset(t.db, ORIGIN, email, 'fi');
		const mail = await lastMailTo(email);
		const token = tokenFrom(mail.text_body, '/auth/reset');
		expect((await resetPassword(t.db, token, 'kolmas-salasana')).ok).toBe(true);
		expect(await resetPassword(t.db, token, 'neljas-salasana')).toEqual({
			ok: false,
			error: 'invalid_link'
		});
		expect(
			(
				await signIn(t.db, {
					email,
					password: 'kolmas-salasana',
					ip: '7.7.7.7',
					sessionDays: 30
				})
			).ok
		).toBe(true);

		// An expired link is refused.
		await requestPasswordReset(t.db, ORIGIN, email, 'fi');
		const late = tokenFrom((await lastMailTo(email)).text_body, '/auth/reset');
		await t.db
			.updateTable('email_token')
			.set({ expires_at: sql`now() - interval '1 minute'` })
			.where('used_at', 'is', null)
			.execute();
		expect(await resetPassword(t.db, late, 'viides-salasana')).toEqual({
			ok: false,
			error: 'invalid_link'
		});
	});
});
