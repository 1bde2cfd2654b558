import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

describe('embedded database durability', () => {
	it('keeps every acknowledged commit when the process is killed mid-write', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
		// `node --import tsx`, not the tsx wrapper: the kill must hit the process that writes.
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'tests/helpers/crash-writer.ts', dir],
			{
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		let acknowledged = 0;
		await new Promise<void>((resolve) => {
			child.stdout.on('data', (chunk: Buffer) => {
				const lines = chunk.toString().trim().split('\n');
				acknowledged = Math.max(acknowledged, Number(lines[lines.length - 1]));
				if (acknowledged >= 200) {
					child.kill('SIGKILL');
					resolve();
				}
			});
		});
		await new Promise((r) => child.once('exit', r));
		const db = await PGlite.create(dir);
		const { rows } = await db.query<{ n: number }>('select n from saved order by n');
		await db.close();
		fs.rmSync(dir, { recursive: true, force: true });
		const saved = new Set(rows.map((r) => r.n));
		for (let n = 1; n <= acknowledged; n++) expect(saved.has(n), `row ${n}`).toBe(true);
	});
});
