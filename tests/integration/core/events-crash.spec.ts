/**
 * Events survive a crash and are handled once, with real processes killed by SIGKILL
 * (tests/helpers/event-child.ts). A child commits a change with its event and is killed before
 * any delivery; a second child starts delivering and is killed inside the handler, before its
 * transaction commits; a third, started again on the same database, delivers the event: it is
 * then handled exactly once. On PostgreSQL, two delivery processes on one database share a
 * stream of events and handle each exactly once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { PGlite } from '@electric-sql/pglite';
import {
	createDatabase,
	pgliteExtensions,
	type Db
} from '../../../src/lib/server/core/db/database';
import { publish } from '../../../src/lib/server/core/events';

interface Child {
	process: ChildProcess;
	/** Resolves with the first line of output that starts with `prefix`. */
	line(prefix: string): Promise<string>;
	exited: Promise<number | null>;
}

function child(...args: string[]): Child {
	// `node --import tsx`, not the tsx wrapper: the kill must hit the process that writes.
	const p = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/event-child.ts', ...args], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const lines: string[] = [];
	const waiting: { prefix: string; resolve: (l: string) => void }[] = [];
	let buffer = '';
	p.stdout!.on('data', (chunk: Buffer) => {
		buffer += chunk.toString();
		const parts = buffer.split('\n');
		buffer = parts.pop()!;
		for (const l of parts) {
			lines.push(l);
			for (const w of waiting.filter((w) => l.startsWith(w.prefix))) w.resolve(l);
		}
	});
	const exited = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
	return {
		process: p,
		exited,
		line: (prefix) =>
			new Promise((resolve, reject) => {
				const seen = lines.find((l) => l.startsWith(prefix));
				if (seen) return resolve(seen);
				waiting.push({ prefix, resolve });
				void exited.then((code) => reject(new Error(`child exited (${code}) before "${prefix}"`)));
			})
	};
}

async function kill(c: Child) {
	c.process.kill('SIGKILL');
	await c.exited;
}

async function eventState(db: Db, id: number) {
	const event = await db
		.selectFrom('event_outbox')
		.select(['delivered_at', 'attempts'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	const handled = await db
		.selectFrom('event_handled')
		.select('handler_id')
		.where('event_id', '=', id)
		.execute();
	const { rows } = await sql<{
		worker: string;
	}>`select worker from test_effect where event_id = ${id}`.execute(db);
	return {
		delivered: event.delivered_at !== null,
		attempts: event.attempts,
		handled: handled.map((h) => h.handler_id),
		effects: rows.map((r) => r.worker)
	};
}

describe.each(BACKENDS)('events across crashes on %s', (backend) => {
	let t: TestDb | undefined;
	let dir: string | undefined;
	let target: string;
	beforeEach(async () => {
		if (backend === 'postgres') {
			t = await createTestDb('postgres');
			target = t.url!;
		} else {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-events-'));
			target = `pglite:${dir}`;
			// The migrated snapshot of global-setup, unpacked into the folder: the children then
			// find nothing to migrate.
			const snapshot = process.env.TEST_PGLITE_SNAPSHOT;
			if (snapshot) {
				const lite = await PGlite.create(dir, {
					loadDataDir: new Blob([fs.readFileSync(snapshot)]),
					extensions: await pgliteExtensions()
				});
				await lite.close();
			}
		}
	});
	afterEach(async () => {
		await t?.close();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
		t = dir = undefined;
	});

	/** The test's own look at the database: the PGlite folder only while no child has it open. */
	async function inspect<T>(look: (db: Db) => Promise<T>): Promise<T> {
		if (t) return look(t.db);
		const db = await createDatabase({ pgliteDataDir: dir });
		try {
			return await look(db);
		} finally {
			await db.destroy();
		}
	}

	it('an event committed before a SIGKILL is handled exactly once after the restart', async () => {
		// 1. The change and its event commit; the process dies before any delivery.
		const writer = child('commit', target);
		const id = Number((await writer.line('committed ')).split(' ')[1]);
		await kill(writer);
		expect(await inspect((db) => eventState(db, id))).toEqual({
			delivered: false,
			attempts: 0,
			handled: [],
			effects: []
		});

		// 2. A delivery starts and dies inside the handler, its write not yet committed.
		const crashing = child('hang', target);
		expect(await crashing.line('in-handler ')).toBe(`in-handler ${id}`);
		await kill(crashing);
		expect(await inspect((db) => eventState(db, id))).toEqual({
			delivered: false,
			attempts: 1,
			handled: [],
			effects: []
		});

		// 3. Started again, the delivery takes the event once its lease (1 s) is over.
		const restarted = child('drain', target);
		await restarted.line('drained');
		expect(await restarted.exited).toBe(0);
		expect(await inspect((db) => eventState(db, id))).toEqual({
			delivered: true,
			attempts: 2,
			handled: ['test.effect'],
			effects: ['drain']
		});
	}, 180_000);

	it.runIf(backend === 'postgres')(
		'two delivery processes on one PostgreSQL handle each event exactly once',
		async () => {
			const db = t!.db;
			const workers = [child('serve', target, 'one'), child('serve', target, 'two')];
			await Promise.all(workers.map((w) => w.line('ready')));
			// Events arrive while both poll, in many small commits, as from web requests.
			const count = 300;
			for (let i = 0; i < count / 10; i++) {
				await db.transaction().execute(async (trx) => {
					const u = await trx
						.insertInto('app_user')
						.values({ email: `many-${i}@example.fi`, display_name: 'M' })
						.returning('id')
						.executeTakeFirstOrThrow();
					for (let j = 0; j < 10; j++) await publish(trx, 'user.registered', { userId: u.id });
				});
			}
			const undelivered = async () =>
				Number(
					(
						await db
							.selectFrom('event_outbox')
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.where('delivered_at', 'is', null)
							.executeTakeFirstOrThrow()
					).n
				);
			for (let i = 0; i < 600 && (await undelivered()) > 0; i++)
				await new Promise((r) => setTimeout(r, 100));
			for (const w of workers) w.process.kill('SIGTERM');
			expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

			expect(await undelivered()).toBe(0);
			const { rows } = await sql<{
				event_id: number;
				worker: string;
			}>`select event_id, worker from test_effect`.execute(db);
			expect(rows).toHaveLength(count);
			expect(new Set(rows.map((r) => r.event_id)).size).toBe(count);
			const handled = await db
				.selectFrom('event_handled')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(handled.n)).toBe(count);
			// Both processes took part: the events were shared, not drained by one.
			const byWorker = new Map<string, number>();
			for (const r of rows) byWorker.set(r.worker, (byWorker.get(r.worker) ?? 0) + 1);
			expect(byWorker.get('one')).toBeGreaterThan(0);
			expect(byWorker.get('two')).toBeGreaterThan(0);
		},
		180_000
	);
});
