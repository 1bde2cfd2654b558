/**
 * Security fixes on the paths users take: the route handlers and the request hook, on the app's
 * own runtime (in-memory PGlite). The services behind them run on both backends in accounts.spec.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/lib/server/db';
import type { SessionUser } from '../../../src/lib/server/core/auth/roles';
import { confirmEmail, signUp } from '../../../src/lib/server/core/auth/account.service';
import { grantRole } from '../../../src/lib/server/core/auth/people.service';
import { fakeEvent, settle, testRuntime } from '../../helpers/app-runtime';
import { POST as languagePost } from '../../../src/routes/language/+server';
import { load as personLoad } from '../../../src/routes/admin/people/[id=uuid]/+page.server';
import { actions as accountActions } from '../../../src/routes/account/+page.server';
import { handle } from '../../../src/hooks.server';
import { createSession } from '../../../src/lib/server/core/auth/session';
import { loadConfig } from '../../../src/lib/server/core/config';

const ORIGIN = 'http://portal.test';
let db: Db;
let rt: Awaited<ReturnType<typeof testRuntime>>;

async function person(email: string, name: string): Promise<SessionUser> {
	await signUp(db, ORIGIN, { email, password: 'salasana-123', displayName: name, locale: 'fi' });
	const mail = await db
		.selectFrom('mail_outbox')
		.select('text_body')
		.where('to_address', '=', email)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	const token = /\/auth\/confirm\/([a-z0-9]+)/.exec(mail.text_body)![1];
	const r = await confirmEmail(db, token);
	if (!r.ok) throw new Error('confirm failed');
	return { id: r.userId, email, displayName: name, locale: 'fi', roles: [] };
}

beforeAll(async () => {
	rt = await testRuntime();
	db = rt.db;
});

describe('language switch', () => {
	it('never redirects to another site, however the target is spelt', async () => {
		for (const target of [
			'/\\evil.example',
			'//evil.example',
			'/\t/evil.example',
			'https://evil.example/',
			'/\\/evil.example'
		]) {
			const event = fakeEvent({ path: '/language', form: { lang: 'sv', redirectTo: target } });
			const r = await settle(() => languagePost(event));
			expect(r, JSON.stringify(target)).toEqual({ kind: 'redirect', status: 303, location: '/' });
			expect(event.cookies.jar.get('lang')).toBe('sv');
		}
		const ok = fakeEvent({ path: '/language', form: { lang: 'en', redirectTo: '/pool?x=1' } });
		expect(await settle(() => languagePost(ok))).toEqual({
			kind: 'redirect',
			status: 303,
			location: '/pool?x=1'
		});
	});
});

describe('admin person page', () => {
	it('shows the roles of exactly that person, not of one whose e-mail contains it', async () => {
		const admin = await person('admin-p@x.fi', 'Admin');
		admin.roles = [{ role: 'admin', serviceLineId: null, unitId: null }];
		const ann = await person('ann@x.fi', 'Ann');
		// Sorts before Ann, so a search for ann@x.fi would list Joann first.
		const joann = await person('joann@x.fi', 'Aa Joann');
		await grantRole(db, admin.id, {
			userId: joann.id,
			role: 'feedback_handler',
			serviceLineId: null,
			unitId: null
		});
		const load = (id: string) =>
			personLoad(
				fakeEvent({
					path: `/admin/people/${id}`,
					routeId: '/admin/people/[id=uuid]',
					params: { id },
					user: admin
				}) as never
			) as Promise<{ person: { email: string }; roles: { role: string }[] }>;
		const annPage = await load(ann.id);
		expect(annPage.person.email).toBe('ann@x.fi');
		expect(annPage.roles.map((r) => r.role)).toEqual(['resident']);
		const joannPage = await load(joann.id);
		expect(joannPage.roles.map((r) => r.role).sort()).toEqual(['feedback_handler', 'resident']);
	});
});

describe('change password on /account', () => {
	it('slows down guessing the current password, with a message in the user language', async () => {
		const me = await person('arvaaja@x.fi', 'Arvaaja');
		const post = (current: string) =>
			accountActions.password(
				fakeEvent({
					path: '/account?/password',
					routeId: '/account',
					user: me,
					form: {
						currentPassword: current,
						password: 'uusi-salasana-9',
						passwordConfirm: 'uusi-salasana-9'
					}
				}) as never
			) as Promise<{ status: number; data: { form: { message: { key: string } } } }>;
		for (let i = 0; i < 3; i++) {
			const r = await post(`arvaus-${i}`);
			expect(r.status).toBe(400);
			expect(r.data.form.message.key).toBe('core.account.wrongPassword');
		}
		const limited = await post('salasana-123');
		expect(limited.status).toBe(429);
		expect(limited.data.form.message).toMatchObject({ key: 'core.auth.throttled' });
	});
});

describe('response headers', () => {
	const through = async (path: string, cookies: Record<string, string> = {}) => {
		const event = fakeEvent({ path, cookies });
		const response = await handle({
			event,
			resolve: async () => new Response('<p>ok</p>', { headers: { 'content-type': 'text/html' } })
		});
		return response.headers;
	};

	it('no-store for signed-in people and for the personal areas and their exports', async () => {
		const me = await person('valimuisti@x.fi', 'Välimuisti');
		const { token } = await createSession(db, me.id, 30);
		const anon = await through('/');
		expect(anon.get('cache-control')).toBeNull();
		expect(anon.get('x-content-type-options')).toBe('nosniff');
		expect((await through('/', { session: token })).get('cache-control')).toBe('no-store');
		expect((await through('/pool', { session: token })).get('cache-control')).toBe('no-store');
		for (const path of [
			'/account',
			'/account/pool/data.json',
			'/staff/pool/export.csv',
			'/staff/feedback/export',
			'/admin/people'
		])
			expect((await through(path)).get('cache-control'), path).toBe('no-store');
		expect((await through('/staffing')).get('cache-control')).toBeNull();
	});

	it('HSTS only when the origin is https or HSTS_MAX_AGE is set', async () => {
		expect((await through('/')).get('strict-transport-security')).toBeNull();
		expect(loadConfig({ ORIGIN: 'https://osallistu.example.fi' }).hstsMaxAge).toBe(31_536_000);
		expect(loadConfig({ ORIGIN: 'http://localhost:3000' }).hstsMaxAge).toBe(0);
		expect(loadConfig({ ORIGIN: 'https://x.fi', HSTS_MAX_AGE: '0' }).hstsMaxAge).toBe(0);
		expect(loadConfig({ HSTS_MAX_AGE: '600' }).hstsMaxAge).toBe(600);
		const before = rt.config.hstsMaxAge;
		rt.config.hstsMaxAge = 600;
		try {
			expect((await through('/')).get('strict-transport-security')).toBe('max-age=600');
		} finally {
			rt.config.hstsMaxAge = before;
		}
	});
});
