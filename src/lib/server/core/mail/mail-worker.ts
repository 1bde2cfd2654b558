/**
 * Sends the outbox. Each batch is claimed with FOR UPDATE SKIP LOCKED and leased for a while,
 * so several workers never send the same row and a crashed worker's rows come back. Delivery
 * is at least once: a crash between sending and marking sent can repeat one mail.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { MailSender } from './mail-sender';
import { pollingDrain } from '../batch/polling-drain';

const LEASE_S = 120;
const MAX_ATTEMPTS = 12;

/** Backoff after the n-th failed attempt: 5 s, 10 s, 20 s … capped at 1 h. */
export function retryDelaySeconds(attempts: number): number {
	return Math.min(5 * 2 ** (attempts - 1), 3600);
}

export interface BatchResult {
	claimed: number;
	sent: number;
	failed: number;
}

export async function processOutboxBatch(
	db: Db,
	sender: MailSender,
	from: string,
	batchSize = 200
): Promise<BatchResult> {
	const rows = await db
		.updateTable('mail_outbox')
		.set({
			attempts: sql`attempts + 1`,
			next_attempt_at: sql`now() + make_interval(secs => ${LEASE_S})`
		})
		.where(
			'id',
			'in',
			db
				.selectFrom('mail_outbox')
				.select('id')
				.where('status', '=', 'pending')
				.where('next_attempt_at', '<=', sql<Date>`now()`)
				.orderBy('id')
				.limit(batchSize)
				.forUpdate()
				.skipLocked()
		)
		.returning(['id', 'to_address', 'subject', 'text_body', 'html_body', 'attempts'])
		.execute();

	const sent: number[] = [];
	let failed = 0;
	let next = 0;
	const work = async () => {
		while (next < rows.length) {
			const row = rows[next++];
			try {
				await sender.send({
					from,
					to: row.to_address,
					subject: row.subject,
					text: row.text_body,
					html: row.html_body
				});
				sent.push(row.id);
			} catch (e) {
				failed++;
				const giveUp = row.attempts >= MAX_ATTEMPTS;
				await db
					.updateTable('mail_outbox')
					.set({
						status: giveUp ? 'failed' : 'pending',
						last_error: (e instanceof Error ? e.message : String(e)).slice(0, 500),
						next_attempt_at: sql`now() + make_interval(secs => ${retryDelaySeconds(row.attempts)})`
					})
					.where('id', '=', row.id)
					.execute();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(sender.concurrency, rows.length) }, work));
	if (sent.length) {
		await db
			.updateTable('mail_outbox')
			.set({ status: 'sent', sent_at: sql`now()`, last_error: null })
			.where('id', 'in', sent)
			.execute();
	}
	return { claimed: rows.length, sent: sent.length, failed };
}

export interface WorkerHandle {
	stop(): Promise<void>;
	/** Wakes the worker now instead of at the next poll (called after enqueueing). */
	poke(): void;
}

export function startMailWorker(
	db: Db,
	sender: MailSender,
	from: string,
	pollMs = 1000
): WorkerHandle {
	const drain = pollingDrain(
		async () => (await processOutboxBatch(db, sender, from)).claimed,
		pollMs,
		'mail worker'
	);
	return {
		poke: drain.poke,
		async stop() {
			await drain.stop();
			sender.close();
		}
	};
}
