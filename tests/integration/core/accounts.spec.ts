import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	changePassword,
	confirmEmail,
	requestPasswordReset,
	resendConfirmation,
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

	it('mails an unconfirmed address no text the requester chose', async () => {
		const name = 'Voita palkinto https://evil.example/prize';
		await signUp(t.db, ORIGIN, {
			email: 'victim@example.com',
			password: 'salasana-123',
			displayName: name,
			locale: 'en'
		});
		// A correct password on the unconfirmed account mails the link again.
		const again = await signIn(t.db, {
			email: 'victim@example.com',
			password: 'salasana-123',
			ip: '1.1.1.2',
			sessionDays: 30
		});
		if (again.ok || again.error !== 'email_not_confirmed') throw new Error('expected unconfirmed');
		await resendConfirmation(t.db, ORIGIN, again.userId);
		const mails = await t.db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('to_address', '=', 'victim@example.com')
			.execute();
		expect(mails).toHaveLength(2);
		for (const m of mails) {
			for (const body of [m.subject, m.text_body, m.html_body ?? '']) {
				expect(body).not.toContain('evil.example');
				expect(body).not.toContain('Voita palkinto');
			}
			expect(m.text_body).toContain(`${ORIGIN}/auth/confirm/`);
		}
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
			displayName: 'Klikkaa https://evil.example/x',
			locale: 'sv'
		});
		expect(await count()).toBe(n);
		const mail = await lastMailTo(email);
		expect(mail.category).toBe('account_exists');
		expect(mail.subject).toBe('Du har redan ett konto i tjänsten Osallistu');
		expect(`${mail.text_body}${mail.html_body}`).not.toContain('evil.example');
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
		for (let i = 0; i < 2; i++)
			await signIn(t.db, {
				email,
				password: 'väärä',
				ip: '2.2.2.2',
				sessionDays: 30
			});
		// Three failures for this address from this IP: from here even the right password waits.
		const throttled = await signIn(t.db, {
			email,
			password: 'salasana-123',
			ip: '2.2.2.2',
			sessionDays: 30
		});
		expect(throttled).toMatchObject({ ok: false, error: 'throttled' });
		// The throttle table holds hashes, not addresses.
		const keys = await t.db.selectFrom('auth_throttle').select('key').execute();
		expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key))).toBe(true);
		await t.db.deleteFrom('auth_throttle').execute();
	});

	it('failures from other IPs never lock the owner out; the owner is told once', async () => {
		const email = 'omistaja@example.com';
		await signUp(t.db, ORIGIN, {
			email,
			password: 'oikea-salasana',
			displayName: 'O',
			locale: 'fi'
		});
		expect(
			(await confirmEmail(t.db, tokenFrom((await lastMailTo(email)).text_body, '/auth/confirm'))).ok
		).toBe(true);
		const attempt = (ip: string, password = 'arvaus-https://evil.example') =>
			signIn(t.db, { email, password, ip, sessionDays: 30 });
		// One attacker IP: slowed after three tries, the right password included.
		for (let i = 0; i < 3; i++)
			expect(await attempt('9.9.9.9')).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(await attempt('9.9.9.9', 'oikea-salasana')).toMatchObject({ error: 'throttled' });
		// Many attacker IPs: each fails, none is throttled yet, and the owner gets one mail.
		for (let i = 1; i <= 12; i++)
			expect(await attempt(`10.9.0.${i}`)).toEqual({ ok: false, error: 'invalid_credentials' });
		const warnings = await t.db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('to_address', '=', email)
			.where('category', '=', 'sign_in_failures')
			.execute();
		expect(warnings).toHaveLength(1);
		expect(warnings[0].text_body).toContain('10 kertaa');
		for (const text of ['9.9.9.9', '10.9.0', 'evil.example', 'arvaus'])
			expect(`${warnings[0].text_body}${warnings[0].html_body}`).not.toContain(text);
		// The owner, from a fresh IP, signs in at once.
		expect((await attempt('8.8.8.8', 'oikea-salasana')).ok).toBe(true);
	});

	it('slows down one IP trying many accounts', async () => {
		for (let i = 0; i < 20; i++)
			expect(
				await signIn(t.db, {
					email: `spray${i}@example.com`,
					password: 'Salasana1',
					ip: '6.6.6.7',
					sessionDays: 30
				})
			).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(
			await signIn(t.db, {
				email: 'spray99@example.com',
				password: 'Salasana1',
				ip: '6.6.6.7',
				sessionDays: 30
			})
		).toMatchObject({ ok: false, error: 'throttled' });
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

		// Any used link kills the person's older ones.
		await requestPasswordReset(t.db, ORIGIN, 'aino@example.com', 'fi');
		const older = tokenFrom((await lastMailTo('aino@example.com')).text_body, '/auth/reset');
		await requestPasswordReset(t.db, ORIGIN, 'aino@example.com', 'fi');
		const newer = tokenFrom((await lastMailTo('aino@example.com')).text_body, '/auth/reset');
		expect((await resetPassword(t.db, newer, 'kolmas-salasana')).ok).toBe(true);
		expect(await resetPassword(t.db, older, 'pahis-salasana')).toEqual({
			ok: false,
			error: 'invalid_link'
		});

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

	it('a password change kills outstanding reset links and wrong guesses are slowed', async () => {
		await signUp(t.db, ORIGIN, {
			email: 'vaihtaja@example.com',
			password: 'alku-salasana',
			displayName: 'V',
			locale: 'fi'
		});
		const confirm = tokenFrom(
			(await lastMailTo('vaihtaja@example.com')).text_body,
			'/auth/confirm'
		);
		const confirmed = await confirmEmail(t.db, confirm);
		if (!confirmed.ok) throw new Error('confirm failed');
		const userId = confirmed.userId;
		await requestPasswordReset(t.db, ORIGIN, 'vaihtaja@example.com', 'fi');
		const link = tokenFrom((await lastMailTo('vaihtaja@example.com')).text_body, '/auth/reset');
		expect((await changePassword(t.db, userId, 'alku-salasana', 'toka-salasana', 30)).ok).toBe(
			true
		);
		expect(await resetPassword(t.db, link, 'pahis-salasana')).toEqual({
			ok: false,
			error: 'invalid_link'
		});

		for (let i = 0; i < 3; i++)
			expect(await changePassword(t.db, userId, `arvaus-${i}`, 'x-salasana-1', 30)).toEqual({
				ok: false,
				error: 'wrong_password'
			});
		expect(await changePassword(t.db, userId, 'toka-salasana', 'x-salasana-1', 30)).toMatchObject({
			ok: false,
			error: 'throttled'
		});
	});
});
