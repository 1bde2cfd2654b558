/**
 * A fake SMS gateway on loopback for tests, the benchmark and local trials: a real HTTP server
 * speaking the interface of sms-gateway.ts. It keeps what it received in memory, delivers each
 * (reference, text) once however often it is posted, and can be switched "down" (503).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSms {
	id: string;
	reference: string;
	to: string | null;
	text: string;
}

export interface FakeGateway {
	url: string;
	token: string;
	/** Delivered messages, in order (a repeated post is not delivered again). */
	messages: FakeSms[];
	/** Posts received, repeats included. */
	posts: number;
	/** While true every post gets 503. */
	down: boolean;
	/** The number a conversation's first message went to (what a real gateway remembers). */
	numberOf(reference: string): string | null;
	close(): Promise<void>;
}

export async function startFakeGateway(token = 'fake-gateway-token'): Promise<FakeGateway> {
	const delivered = new Map<string, FakeSms>();
	const numbers = new Map<string, string>();
	let seq = 0;
	const state: FakeGateway = {
		url: '',
		token,
		messages: [],
		posts: 0,
		down: false,
		numberOf: (reference) => numbers.get(reference) ?? null,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const reply = (status: number, body: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			state.posts++;
			if (req.method !== 'POST' || req.url !== '/messages') return reply(404, {});
			if (req.headers.authorization !== `Bearer ${token}`) return reply(401, {});
			if (state.down) return reply(503, { error: 'down' });
			let m: { reference?: unknown; to?: unknown; text?: unknown };
			try {
				m = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				return reply(400, { error: 'json' });
			}
			if (typeof m.reference !== 'string' || typeof m.text !== 'string' || !m.text)
				return reply(400, { error: 'reference and text' });
			const to = typeof m.to === 'string' ? m.to : null;
			if (to) numbers.set(m.reference, to);
			else if (!numbers.has(m.reference)) return reply(400, { error: 'unknown conversation' });
			const key = `${m.reference}\u0000${m.text}`;
			let sms = delivered.get(key);
			if (!sms) {
				sms = { id: `fake-${++seq}`, reference: m.reference, to, text: m.text };
				delivered.set(key, sms);
				state.messages.push(sms);
			}
			reply(201, { id: sms.id });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return state;
}
