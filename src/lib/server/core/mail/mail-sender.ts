/**
 * Where mail goes: a real SMTP server (nodemailer, pooled connections) when SMTP_URL is set,
 * otherwise a folder of JSON files that the dev mail page shows.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
	from: string;
	to: string;
	subject: string;
	text: string;
	html?: string | null;
}

export interface MailSender {
	send(msg: MailMessage): Promise<void>;
	close(): void;
	/** How many mails the worker may send at once. */
	concurrency: number;
}

export function smtpSender(smtpUrl: string, maxConnections = 5): MailSender {
	const url = new URL(smtpUrl);
	const transport = nodemailer.createTransport({
		host: url.hostname,
		port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
		secure: url.protocol === 'smtps:',
		auth: url.username
			? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
			: undefined,
		pool: true,
		maxConnections,
		maxMessages: Infinity,
		connectionTimeout: 5000,
		greetingTimeout: 5000,
		socketTimeout: 10000,
		// Loopback test servers have no certificate; real relays are reached over TLS as configured.
		tls: { rejectUnauthorized: url.searchParams.get('tlsVerify') !== 'false' }
	});
	return {
		concurrency: maxConnections * 4,
		async send(msg) {
			await transport.sendMail({
				from: msg.from,
				to: msg.to,
				subject: msg.subject,
				text: msg.text,
				html: msg.html ?? undefined
			});
		},
		close: () => transport.close()
	};
}

export interface StoredMail extends MailMessage {
	id: string;
	date: string;
}

export function folderSender(dir: string): MailSender {
	return {
		concurrency: 4,
		async send(msg) {
			await fs.mkdir(dir, { recursive: true });
			const date = new Date().toISOString();
			const id = `${date.replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}`;
			const stored: StoredMail = { ...msg, id, date };
			// Write then rename, so a reader never sees half a file.
			const tmp = path.join(dir, `.${id}.tmp`);
			await fs.writeFile(tmp, JSON.stringify(stored, null, 2));
			await fs.rename(tmp, path.join(dir, `${id}.json`));
		},
		close: () => {}
	};
}

/** The captured mails, newest first (dev mail page and end-to-end tests). */
export async function readMailFolder(dir: string, limit = 100): Promise<StoredMail[]> {
	let files: string[];
	try {
		files = (await fs.readdir(dir)).filter((f) => f.endsWith('.json'));
	} catch {
		return [];
	}
	files.sort().reverse();
	const out: StoredMail[] = [];
	for (const f of files.slice(0, limit)) {
		out.push(JSON.parse(await fs.readFile(path.join(dir, f), 'utf8')) as StoredMail);
	}
	return out;
}
