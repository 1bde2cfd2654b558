/**
 * The one Kysely instance: `pg` against a real PostgreSQL server when DATABASE_URL is set,
 * embedded PGlite (a data folder on disk) otherwise. Same migrations and queries on both.
 */
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type pg from 'pg';
import type { CoreTables } from './core.tables';

/**
 * Core's handle knows core's tables only; each module types its own as core's and its tables
 * (`<module>.db.ts`), and the composition root's full handle (src/lib/server/db.ts) is
 * assignable to all of them.
 */
export type Db = Kysely<CoreTables>;
export type Tx = Transaction<CoreTables>;
/** Query functions take either the root handle or a transaction: the caller owns the transaction. */
export type Executor = Db | Tx;

export interface DatabaseOptions {
	databaseUrl?: string;
	pgliteDataDir?: string;
	poolSize?: number;
}

/** `T`: the tables of the whole portal, named by the composition root. */
export async function createDatabase<T extends CoreTables>(
	opts: DatabaseOptions
): Promise<Kysely<T>> {
	if (opts.databaseUrl) {
		const pg = await import('pg');
		// int8 (COUNT, bigserial) as JS numbers: our counts stay far below 2^53.
		pg.default.types.setTypeParser(20, (v: string) => Number(v));
		pg.default.types.setTypeParser(1700, (v: string) => Number(v));
		const pool = new pg.default.Pool({
			connectionString: opts.databaseUrl,
			max: opts.poolSize ?? 10
		});
		const db = new Kysely<T>({ dialect: new PostgresDialect({ pool }) });
		pools.set(db, pool);
		return db;
	}
	const { PGlite, types } = await import('@electric-sql/pglite');
	const { PGliteDialect } = await import('kysely-pglite-dialect');
	const extensions = await pgliteExtensions();
	const dir = opts.pgliteDataDir ?? 'memory://';
	if (!dir.startsWith('memory://')) {
		const fs = await import('node:fs');
		fs.mkdirSync(dir, { recursive: true });
	}
	const pglite = await PGlite.create(dir, {
		extensions,
		parsers: {
			[types.INT8]: (v: string) => Number(v),
			[types.NUMERIC]: (v: string) => Number(v)
		}
	});
	return new Kysely<T>({ dialect: new PGliteDialect(pglite) });
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * The `pg` pool under a PostgreSQL handle (undefined on PGlite), for the few libraries that talk
 * to PostgreSQL themselves (the shared rate limiter).
 */
export function pgPoolOf(db: Db): pg.Pool | undefined {
	return pools.get(db);
}

/** PGlite's extensions the migrations create (pg_trgm for the pool's member search). */
export async function pgliteExtensions() {
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	return { pg_trgm };
}
