import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink';
import {
	enqueueMail,
	enqueueMails,
	folderSender,
	outboxCounts,
	processOutboxBatch,
	readMailFolder,
	renderMail,
	retryDelaySeconds,
	smtpSender
} from '../../../src/lib/server/core/mail';

describe('retry delay', () => {
	it('backs off exponentially and caps at an hour', () => {
		expect([1, 2, 3].map(retryDelaySeconds)).toEqual([5, 10, 20]);
		expect(retryDelaySeconds(30)).toBe(3600);
	});
});

describe('mail templates', () => {
	it('renders in the recipient language and escapes HTML', () => {
		// The sign-up confirmation carries no name any more: a staff-written invitation does.
		const m = renderMail('pool.mail.invitation', 'sv', 'a@example.com', {
			title: 'Panel',
			message: '<b>Anna</b>',
			deadline: '1.1.2027',
			url: 'http://x/y'
		});
		expect(m.subject).toBe('Inbjudan: Panel');
		expect(m.text).toContain('Hej!\n\n<b>Anna</b>');
		expect(m.html).toContain('&#60;b&#62;Anna');
		expect(m.html).toContain('<a href="http://x/y">');
	});
});

describe.each(BACKENDS)('mail outbox on %s', (backend) => {
	let t: TestDb;
	let sink: SmtpSink;
	beforeAll(async () => {
		sink = await startSmtpSink();
	});
	afterAll(() => sink.stop());
	// A fresh database per test: the outbox counts below are each test's own.
	beforeEach(async () => {
		t = await createTestDb(backend);
	});
	afterEach(() => t.close());

	it('a mail in a rolled-back transaction is never sent', async () => {
		await t.db
			.transaction()
			.execute(async (trx) => {
				await enqueueMail(trx, { to: 'x@example.com', subject: 's', text: 't', category: 'test' });
				throw new Error('rollback');
			})
			.catch(() => {});
		expect(await outboxCounts(t.db)).toEqual({});
	});

	it('delivers every mail through a real SMTP server, across a server restart', async () => {
		const n = 300;
		await enqueueMails(
			t.db,
			Array.from({ length: n }, (_, i) => ({
				to: `m${i}@example.com`,
				subject: `S${i}`,
				text: `Body ${i}`,
				category: 'test'
			}))
		);
		const sender = smtpSender(`smtp://127.0.0.1:${sink.port}`, 2);
		const first = await processOutboxBatch(t.db, sender, 'Osallistu <noreply@example.com>', 100);
		expect(first).toEqual({ claimed: 100, sent: 100, failed: 0 });

		await sink.stop();
		sender.close();
		const down = smtpSender(`smtp://127.0.0.1:${sink.port}`, 2);
		const failed = await processOutboxBatch(t.db, down, 'x@example.com', 50);
		expect(failed.failed).toBe(50);
		down.close();
		const errored = await t.db
			.selectFrom('mail_outbox')
			.select(['attempts', 'last_error'])
			.where('last_error', 'is not', null)
			.execute();
		expect(errored).toHaveLength(50);

		await sink.start();
		// Failed rows wait for their retry time; make them due now instead of sleeping.
		await t.db
			.updateTable('mail_outbox')
			.set({ next_attempt_at: new Date(0) })
			.where('status', '=', 'pending')
			.execute();
		const up = smtpSender(`smtp://127.0.0.1:${sink.port}`, 2);
		let round;
		do round = await processOutboxBatch(t.db, up, 'x@example.com', 100);
		while (round.claimed > 0);
		up.close();

		expect(await outboxCounts(t.db)).toEqual({ sent: n });
		const addresses = new Set(sink.received.flatMap((r) => r.to));
		expect(addresses.size).toBe(n);
		expect(sink.received.find((r) => r.to[0] === 'm7@example.com')!.raw).toContain('Body 7');
	});

	it('a claimed batch is not claimed again by a second worker', async () => {
		await enqueueMails(
			t.db,
			[1, 2, 3].map((i) => ({ to: `w${i}@example.com`, subject: 's', text: 't', category: 'test' }))
		);
		const slow = {
			concurrency: 1,
			close() {},
			send: () => new Promise<void>((r) => setTimeout(r, 200))
		};
		const [a, b] = await Promise.all([
			processOutboxBatch(t.db, slow, 'x', 10),
			new Promise((r) => setTimeout(r, 50)).then(() => processOutboxBatch(t.db, slow, 'x', 10))
		]);
		expect(a.claimed + b.claimed).toBe(3);
	});
});

describe('folder sender', () => {
	it('writes complete JSON files that the dev page reads back newest first', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-'));
		const s = folderSender(dir);
		await s.send({ from: 'f', to: 'a@example.com', subject: 'first', text: 'x' });
		await s.send({ from: 'f', to: 'b@example.com', subject: 'second', text: 'y' });
		const mails = await readMailFolder(dir);
		expect(mails.map((m) => m.subject)).toEqual(['second', 'first']);
		expect(fs.readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
		fs.rmSync(dir, { recursive: true });
	});
});
