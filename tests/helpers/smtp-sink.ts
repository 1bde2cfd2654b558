/** A real SMTP server on loopback (smtp-server) that records what it receives. */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	raw: string;
}

export interface SmtpSink {
	port: number;
	received: ReceivedMail[];
	stop(): Promise<void>;
	start(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
	const received: ReceivedMail[] = [];
	let server: SMTPServer | null = null;
	let boundPort = port;
	const start = () =>
		new Promise<void>((resolve, reject) => {
			server = new SMTPServer({
				authOptional: true,
				disabledCommands: ['STARTTLS'],
				logger: false,
				onData(stream, session, cb) {
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						received.push({
							to: session.envelope.rcptTo.map((r) => r.address),
							raw: Buffer.concat(chunks).toString('utf8')
						});
						cb();
					});
				}
			});
			server.on('error', reject);
			server.listen(boundPort, '127.0.0.1', () => {
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				boundPort = ((server as any).server.address() as { port: number }).port;
				resolve();
			});
		});
	await start();
	return {
		get port() {
			return boundPort;
		},
		received,
		start,
		stop: () =>
			new Promise<void>((resolve) => {
				if (!server) return resolve();
				server.close(() => resolve());
				server = null;
			})
	};
}
