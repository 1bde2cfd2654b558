/**
 * Outbox throughput through a real local SMTP server (smtp-server), and no loss when that server
 * is stopped and restarted half-way: every queued mail must arrive (at least once).
 */
import { sql } from 'kysely';
import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../src/lib/server/db';
import { enqueueMails, processOutboxBatch, smtpSender } from '../../src/lib/server/core/mail';

const N = 5000;

function startSmtp(port: number, received: Map<string, number>) {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		size: 1024 * 1024,
		onData(stream, _session, cb) {
			let head = '';
			stream.on('data', (c: Buffer) => {
				if (head.length < 4000) head += c.toString('utf8');
			});
			stream.on('end', () => {
				const m = /Subject: bench (\d+)/.exec(head);
				if (m) received.set(m[1], (received.get(m[1]) ?? 0) + 1);
				cb();
			});
		}
	});
	return new Promise<SMTPServer>((resolve) =>
		server.listen(port, '127.0.0.1', () => resolve(server))
	);
}

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const p = (s.address() as net.AddressInfo).port;
			s.close(() => resolve(p));
		});
	});
}

async function pending(db: Db) {
	const r = await db
		.selectFrom('mail_outbox')
		.select(sql<number>`count(*)`.as('n'))
		.where('status', '=', 'pending')
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

async function run(db: Db, label: string, interrupt: boolean) {
	await db.deleteFrom('mail_outbox').execute();
	await enqueueMails(
		db,
		Array.from({ length: N }, (_, i) => ({
			to: `member${i}@bench.example`,
			subject: `bench ${i}`,
			text: `Hei!\n\nKutsu numero ${i}.\nhttp://localhost:3000/pool/reply/abcdefghijklmnop${i}\n`,
			category: 'bench'
		}))
	);
	const port = await freePort();
	const received = new Map<string, number>();
	let server = await startSmtp(port, received);
	const sender = smtpSender(`smtp://127.0.0.1:${port}`, 5);
	let stopped = false;
	let outageMs = 0;
	const t0 = performance.now();
	while ((await pending(db)) > 0) {
		if (interrupt && !stopped && received.size >= N / 2) {
			stopped = true;
			const s0 = performance.now();
			await new Promise<void>((r) => server.close(() => r()));
			// Some batches fail while it is down; then it comes back on the same port.
			const failedBatch = await processOutboxBatch(db, sender, 'bench@localhost', 200);
			await new Promise((r) => setTimeout(r, 1000));
			server = await startSmtp(port, received);
			outageMs = performance.now() - s0;
			console.log(
				`  SMTP server stopped at ${received.size} received; batch while down: ${failedBatch.failed} failed; restarted after ${f(outageMs)} ms`
			);
			continue;
		}
		const r = await processOutboxBatch(db, sender, 'bench@localhost', 200);
		// Failed rows wait for their backoff (5 s after the first failure).
		if (r.claimed === 0) await new Promise((res) => setTimeout(res, 200));
	}
	const ms = performance.now() - t0;
	sender.close();
	await new Promise<void>((r) => server.close(() => r()));
	const dupes = [...received.values()].filter((n) => n > 1).length;
	const missing = N - received.size;
	const sent = await db
		.selectFrom('mail_outbox')
		.select(sql<number>`count(*)`.as('n'))
		.where('status', '=', 'sent')
		.executeTakeFirstOrThrow();
	console.log(
		`  ${interrupt ? 'with stop/restart' : 'uninterrupted   '}: ${N} mails in ${f(ms)} ms = ${f((N * 1000) / ms)} mails/s` +
			(interrupt
				? ` (${f((N * 1000) / (ms - outageMs))} mails/s with the outage itself subtracted; the 5 s retry backoff is still included)`
				: '') +
			`; received ${received.size} distinct, missing ${missing}, duplicates ${dupes}, outbox sent ${Number(sent.n)}`
	);
}

const f = (n: number) => n.toFixed(0);

export async function mailBench(db: Db, label: string) {
	console.log(
		`\n[${label}] mail outbox → local SMTP (smtp-server), ${N} mails, 5 pooled connections`
	);
	await run(db, label, false);
	await run(db, label, true);
}
