/**
 * One-step joining: the pool's confirmation link confirms the membership and, for an address
 * with no account, makes one from the password given there (already confirmed, signed in), once.
 * Driven through the confirmation page's own load and action, as the browser posts it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { formEvent, loadEvent, outcome, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { confirmJoin, joinPool, memberForUser } from '../../../src/lib/server/pool';
import { hashPassword, verifyPassword } from '../../../src/lib/server/core/auth';
import { validateSessionToken } from '../../../src/lib/server/core/auth/session';
import { lastLinkTo, ORIGIN, profile } from './helpers';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));

const page = await import('../../../src/routes/pool/confirm/[token]/+page.server');

const PASSWORD = 'pitka-salasana-123';

describe.each(BACKENDS)('confirming a pool membership with a password on %s', (backend) => {
	let t: TestDb;
	const cookies: { name: string; value: string }[] = [];

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		rt.current = { db: t.db, config: { origin: ORIGIN, sessionDays: 30 } };
		cookies.length = 0;
	});
	afterEach(() => t.close());

	/** Joins with the address and returns the token of the mailed confirmation link. */
	async function join(email: string, over: Parameters<typeof profile>[0] = {}) {
		await joinPool(t.db, ORIGIN, profile({ email, ...over }));
		return lastLinkTo(t.db, email, '/pool/confirm');
	}

	function offer(token: string, signedIn: ReturnType<typeof user> | null = null) {
		return page.load(
			loadEvent(`/pool/confirm/${token}`, { user: signedIn, params: { token } }) as never
		) as Promise<{ offer: { usable: boolean; offerPassword?: boolean } }>;
	}

	/** Presses the page's button with these fields, as a browser without JavaScript does. */
	function post(
		token: string,
		fields: [string, string][],
		signedIn: ReturnType<typeof user> | null = null
	) {
		const event = formEvent(`/pool/confirm/${token}`, fields, {
			user: signedIn,
			params: { token }
		});
		event.cookies.set = ((name: string, value: string) => {
			cookies.push({ name, value });
		}) as never;
		return outcome(page.actions.default(event as never));
	}

	const accounts = (email: string) =>
		t.db
			.selectFrom('app_user')
			.selectAll()
			.where(sql<string>`lower(email)`, '=', email)
			.execute();
	const memberOf = (email: string) =>
		t.db
			.selectFrom('pool_member')
			.select(['id', 'status', 'user_id'])
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
	const mailsTo = (email: string) =>
		t.db.selectFrom('mail_outbox').select('category').where('to_address', '=', email).execute();

	it('a password makes a confirmed account, linked and signed in, with no second mail', async () => {
		const email = 'uusi@example.fi';
		const token = await join(email, { name: 'Uusi Jäsen', locale: 'sv' });
		expect((await offer(token)).offer).toEqual({ usable: true, offerPassword: true });

		const res = await post(token, [
			['password', PASSWORD],
			['passwordConfirm', PASSWORD]
		]);
		expect(res).toMatchObject({ status: 303, location: '/account/pool?joined=1' });

		const [account] = await accounts(email);
		expect(account.display_name).toBe('Uusi Jäsen');
		expect(account.locale).toBe('sv');
		expect(account.email_verified_at).not.toBeNull();
		expect(await verifyPassword(account.password_hash!, PASSWORD)).toBe(true);
		const roles = await t.db
			.selectFrom('user_role')
			.select('role')
			.where('user_id', '=', account.id)
			.execute();
		expect(roles).toEqual([{ role: 'resident' }]);
		const member = await memberOf(email);
		expect(member).toMatchObject({ status: 'active', user_id: account.id });
		// Only the pool's confirmation mail: the click proved the address, no account mail follows.
		expect(await mailsTo(email)).toEqual([{ category: 'pool.mail.confirm' }]);

		// The cookie set is a working session of the new account, whose pool page finds the member.
		const session = cookies.find((c) => c.name === 'session');
		const validated = await validateSessionToken(t.db, session!.value, 30);
		expect(validated?.user).toMatchObject({ id: account.id, email });
		expect((await memberForUser(t.db, validated!.user))?.id).toBe(member.id);

		// The link is used up: the page no longer offers anything and a second post changes nothing.
		expect((await offer(token)).offer).toEqual({ usable: false });
		const again = await post(token, [
			['password', 'toinen-salasana-456'],
			['passwordConfirm', 'toinen-salasana-456']
		]);
		expect(again).toMatchObject({
			status: 400,
			data: { form: { message: { key: 'pool.confirm.invalid' } } }
		});
		const after = await accounts(email);
		expect(after).toHaveLength(1);
		expect(after[0].password_hash).toBe(account.password_hash);
	});

	it('a weak or mistyped password is refused with 400 and uses up nothing', async () => {
		const email = 'heikko@example.fi';
		const token = await join(email);
		expect(
			await post(token, [
				['password', 'lyhyt'],
				['passwordConfirm', 'lyhyt']
			])
		).toMatchObject({
			status: 400,
			data: { form: { errors: { password: ['validation.passwordLength'] } } }
		});
		const mismatch = await post(token, [
			['password', PASSWORD],
			['passwordConfirm', `${PASSWORD}x`]
		]);
		expect(mismatch).toMatchObject({
			status: 400,
			data: { form: { errors: { passwordConfirm: ['validation.passwordMismatch'] } } }
		});
		// The password never travels back to the browser.
		expect(JSON.stringify(mismatch)).not.toContain(PASSWORD);
		expect(
			await post(token, [
				['password', ''],
				['passwordConfirm', PASSWORD]
			])
		).toMatchObject({ status: 400, data: { form: { errors: { password: expect.any(Array) } } } });
		expect(await accounts(email)).toEqual([]);
		expect((await memberOf(email)).status).toBe('pending');
		expect((await offer(token)).offer).toEqual({ usable: true, offerPassword: true });
		expect(cookies).toEqual([]);
	});

	it('without a password the membership is confirmed and no account is made', async () => {
		const email = 'ilman@example.fi';
		const token = await join(email);
		expect(
			await post(token, [
				['password', ''],
				['passwordConfirm', '']
			])
		).toMatchObject({ account: 'none' });
		expect((await memberOf(email)).status).toBe('active');
		expect(await accounts(email)).toEqual([]);
		// The used link cannot make an account afterwards either.
		expect(
			await post(token, [
				['password', PASSWORD],
				['passwordConfirm', PASSWORD]
			])
		).toMatchObject({ status: 400 });
		expect(await accounts(email)).toEqual([]);
	});

	it('an existing account is linked, never given the password typed, and not signed in', async () => {
		const email = 'olemassa@example.fi';
		const ownHash = await hashPassword('omistajan-salasana');
		const owner = await t.db
			.insertInto('app_user')
			.values({
				email,
				display_name: 'Omistaja',
				password_hash: ownHash,
				email_verified_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const token = await join(email);
		expect((await offer(token)).offer).toEqual({ usable: true, offerPassword: false });
		// A crafted post with a password anyway.
		expect(
			await post(token, [
				['password', PASSWORD],
				['passwordConfirm', PASSWORD]
			])
		).toMatchObject({ account: 'existing' });
		const [account] = await accounts(email);
		expect(account.password_hash).toBe(ownHash);
		expect((await memberOf(email)).user_id).toBe(owner.id);
		expect(cookies).toEqual([]);
		expect(
			await t.db.selectFrom('user_session').select('id').where('user_id', '=', owner.id).execute()
		).toEqual([]);
	});

	it('an unconfirmed account with the address is neither linked nor taken over', async () => {
		// Someone signed up with the address and never confirmed it: their password stays theirs.
		const email = 'vahvistamaton@example.fi';
		const otherHash = await hashPassword('jonkun-muun-salasana');
		await t.db
			.insertInto('app_user')
			.values({ email, display_name: 'Joku', password_hash: otherHash })
			.execute();
		const token = await join(email);
		expect((await offer(token)).offer).toEqual({ usable: true, offerPassword: false });
		const res = await confirmJoin(t.db, token, { password: PASSWORD, sessionDays: 30 });
		expect(res).toEqual({ ok: true, account: 'existing' });
		const [account] = await accounts(email);
		expect(account.password_hash).toBe(otherHash);
		expect(account.email_verified_at).toBeNull();
		expect((await memberOf(email)).user_id).toBeNull();
	});

	it('a person who joined signed in needs no password and goes to their pool page', async () => {
		const email = 'kirjautunut@example.fi';
		const u = await t.db
			.insertInto('app_user')
			.values({ email, display_name: 'K', email_verified_at: new Date() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const signedIn = { ...user(u.id, []), email };
		await joinPool(t.db, ORIGIN, profile({ email }), { userId: u.id, userEmail: email });
		const token = await lastLinkTo(t.db, email, '/pool/confirm');
		expect((await offer(token, signedIn)).offer).toEqual({ usable: true, offerPassword: false });
		expect(await post(token, [], signedIn)).toMatchObject({
			status: 303,
			location: '/account/pool?joined=1'
		});
		expect(await memberOf(email)).toMatchObject({ status: 'active', user_id: u.id });
		expect(await accounts(email)).toHaveLength(1);
		expect(cookies).toEqual([]);
	});

	it('a wrong link offers nothing and is refused with 400', async () => {
		expect((await offer('abc123')).offer).toEqual({ usable: false });
		expect(await post('abc123', [])).toMatchObject({ status: 400 });
	});
});
