/* Signed external ids (XIDs) per conversation: the moderator turns them on (`allow_xid`, off by
   default, so an id in a link is no longer accepted anywhere by itself) and every conversation
   has its own random key (`xid_secret`, 32 bytes as hex) that signs its XID links with
   HMAC-SHA256. Existing conversations get a fresh key here; gen_random_uuid() is in core
   PostgreSQL 13+ and in PGlite and draws from the strong random source, so two of them give
   244 random bits. */
import { sql, type Kysely } from 'kysely';

const RANDOM_KEY = sql`encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('conversation')
		.addColumn('allow_xid', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
	await db.schema.alterTable('conversation').addColumn('xid_secret', 'text').execute();
	await sql`update conversation set xid_secret = ${RANDOM_KEY}`.execute(db);
	// The application generates the key itself on creation; the default covers any other insert.
	await db.schema
		.alterTable('conversation')
		.alterColumn('xid_secret', (c) => c.setDefault(RANDOM_KEY))
		.execute();
	await db.schema
		.alterTable('conversation')
		.alterColumn('xid_secret', (c) => c.setNotNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('conversation').dropColumn('xid_secret').execute();
	await db.schema.alterTable('conversation').dropColumn('allow_xid').execute();
}
