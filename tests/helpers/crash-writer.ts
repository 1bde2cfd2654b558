/**
 * Child process for the crash test: commits numbered rows to a PGlite data folder and prints
 * each number only after its commit returned ("the user was told it was saved").
 */
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
const db = await PGlite.create(dir);
await db.exec('create table if not exists saved (n integer primary key, body text not null)');
for (let n = 1; ; n++) {
	await db.transaction(async (tx) => {
		await tx.query('insert into saved (n, body) values ($1, $2)', [n, 'x'.repeat(2000)]);
	});
	process.stdout.write(`${n}\n`);
}
