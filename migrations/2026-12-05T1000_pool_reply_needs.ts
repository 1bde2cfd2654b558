/* Pool, issue 11 ("invitation replies an organiser can use ... accessibility and diet needs asked
   in the invitation"): what a member who says yes needs for this activity (a special diet, an
   interpreter, step-free access), beside the standing needs of their profile. Erased with the
   recipient row. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('pool_recipient')
		.addColumn('reply_needs', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('pool_recipient').dropColumn('reply_needs').execute();
}
