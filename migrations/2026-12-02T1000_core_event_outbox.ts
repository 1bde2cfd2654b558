/* The event outbox: a module writes its event in the same transaction as the change, and the
   delivery loop (src/lib/server/core/events) hands it to every registered handler at least once.
   `event_handled` records each (event, handler) that succeeded, so a handler that has run is not
   run again when another handler of the same event fails and the event is retried. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('event_outbox')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('payload', 'jsonb', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// When a delivery loop may claim the event next: now for a new event, the end of the
		// claim's lease while one is delivering it, the backoff after a handler failed.
		.addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		// Set once every handler has handled the event; only delivered events are purged.
		.addColumn('delivered_at', 'timestamptz')
		.execute();
	await sql`create index event_outbox_due_idx on event_outbox (next_attempt_at) where delivered_at is null`.execute(
		db
	);
	await sql`create index event_outbox_delivered_idx on event_outbox (delivered_at) where delivered_at is not null`.execute(
		db
	);

	await db.schema
		.createTable('event_handled')
		.addColumn('event_id', 'bigint', (c) =>
			c.notNull().references('event_outbox.id').onDelete('cascade')
		)
		.addColumn('handler_id', 'text', (c) => c.notNull())
		.addColumn('handled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('event_handled_pkey', ['event_id', 'handler_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('event_handled').execute();
	await db.schema.dropTable('event_outbox').execute();
}
