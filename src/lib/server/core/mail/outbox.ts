/**
 * The durable outbox: mail is a row written with the caller's executor, so it commits or rolls
 * back together with the change that causes it. The worker (mail-worker.ts) sends it later.
 */
import type { Executor } from '../db/database';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** What kind of mail this is (e.g. 'verify_email'): for counts, never personal data. */
	category: string;
}

export async function enqueueMail(db: Executor, mail: OutgoingMail): Promise<void> {
	await enqueueMails(db, [mail]);
}

/** Many mails in one statement per 1 000: invitations to thousands of members stay fast. */
export async function enqueueMails(db: Executor, mails: OutgoingMail[]): Promise<void> {
	for (let i = 0; i < mails.length; i += 1000) {
		const chunk = mails.slice(i, i + 1000);
		if (chunk.length === 0) break;
		await db
			.insertInto('mail_outbox')
			.values(
				chunk.map((m) => ({
					to_address: m.to,
					subject: m.subject,
					text_body: m.text,
					html_body: m.html ?? null,
					category: m.category
				}))
			)
			.execute();
	}
}

export async function outboxCounts(db: Executor) {
	const rows = await db
		.selectFrom('mail_outbox')
		.select(['status', db.fn.countAll<number>().as('n')])
		.groupBy('status')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}
