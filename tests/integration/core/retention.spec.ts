import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { signIn, signUp, requestPasswordReset } from '../../../src/lib/server/core/auth';
import { createSession } from '../../../src/lib/server/core/auth/session';
import { enqueueMail } from '../../../src/lib/server/core/mail';
import { coreJobs } from '../../../src/lib/server/core/runtime';
import { loadConfig } from '../../../src/lib/server/core/config';

const ORIGIN = 'http://portal.test';

describe.each(BACKENDS)('core retention job on %s', (backend) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(backend);
	});
	afterAll(() => t.close());

	it('purges old sent and failed mail, expired sessions, links and throttle rows', async () => {
		await signUp(t.db, ORIGIN, {
			email: 'sailo@example.com',
			password: 'salasana-123',
			displayName: 'S',
			locale: 'fi'
		});
		const user = await t.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
		await requestPasswordReset(t.db, ORIGIN, 'sailo@example.com', 'fi');
		await signIn(t.db, { email: 'x@example.com', password: 'x', ip: '1.2.3.4', sessionDays: 30 });
		const live = await createSession(t.db, user.id, 30);
		const old = await createSession(t.db, user.id, 30);
		await t.db
			.updateTable('user_session')
			.set({ expires_at: sql`now() - interval '1 minute'` })
			.where('id', '=', old.session.id)
			.execute();
		// Mail: the sign-up confirmation (sent long ago), a reset (sent yesterday), one failed long
		// ago, and one still pending from long ago (never purged: it has not gone out yet).
		const mails = await t.db.selectFrom('mail_outbox').select('id').orderBy('id').execute();
		await t.db
			.updateTable('mail_outbox')
			.set({ status: 'sent', sent_at: sql`now() - interval '31 days'` })
			.where('id', '=', mails[0].id)
			.execute();
		await t.db
			.updateTable('mail_outbox')
			.set({ status: 'sent', sent_at: sql`now() - interval '1 day'` })
			.where('id', '=', mails[1].id)
			.execute();
		for (const status of ['failed', 'pending'] as const) {
			await enqueueMail(t.db, {
				to: `${status}@example.com`,
				subject: 's',
				text: 'palautteen yhteystiedot 040 1234567',
				category: 'feedback.reply'
			});
			await t.db
				.updateTable('mail_outbox')
				.set({ status, created_at: sql`now() - interval '60 days'` })
				.where('to_address', '=', `${status}@example.com`)
				.execute();
		}
		// One confirmation link expired; the reset link still valid.
		await t.db
			.updateTable('email_token')
			.set({ expires_at: sql`now() - interval '1 minute'` })
			.where('purpose', '=', 'verify_email')
			.execute();
		await t.db
			.updateTable('auth_throttle')
			.set({ last_failure_at: sql`now() - interval '25 hours'` })
			.execute();
		await signIn(t.db, { email: 'y@example.com', password: 'y', ip: '5.6.7.8', sessionDays: 30 });
		const throttlesBefore = (await t.db.selectFrom('auth_throttle').select('key').execute()).length;

		// The registered job, as the server runs it.
		const job = coreJobs().find((j) => j.name === 'core.retention');
		expect(job).toBeDefined();
		await job!.run(t.db);

		const leftMail = await t.db
			.selectFrom('mail_outbox')
			.select(['id', 'status', 'to_address'])
			.orderBy('id')
			.execute();
		expect(leftMail.map((m) => m.status)).toEqual(['sent', 'pending']);
		expect(leftMail[0].id).toBe(mails[1].id);
		const sessions = await t.db.selectFrom('user_session').select('id').execute();
		expect(sessions.map((s) => s.id)).toEqual([live.session.id]);
		const tokens = await t.db.selectFrom('email_token').select('purpose').execute();
		expect(tokens.map((x) => x.purpose)).toEqual(['reset_password']);
		const throttles = await t.db.selectFrom('auth_throttle').select('key').execute();
		expect(throttles.length).toBeGreaterThan(0);
		expect(throttles.length).toBeLessThan(throttlesBefore);
	});

	it('reads the outbox period from OUTBOX_RETENTION_DAYS (default 30)', () => {
		expect(loadConfig({}).outboxRetentionDays).toBe(30);
		expect(loadConfig({ OUTBOX_RETENTION_DAYS: '7' }).outboxRetentionDays).toBe(7);
		expect(() => loadConfig({ OUTBOX_RETENTION_DAYS: 'x' })).toThrow('OUTBOX_RETENTION_DAYS');
	});
});
