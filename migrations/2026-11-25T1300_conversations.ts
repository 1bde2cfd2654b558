/* Opinion conversations (Polis-style): conversations, statements, pseudonymous participants,
   votes (latest per participant and statement) with an append-only history that also makes
   retried votes idempotent by client id, the stored opinion map, and findings. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('conversation')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('topic', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{fi}'::text[]`))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('allow_statements', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('allow_anonymous', 'boolean', (c) => c.notNull().defaultTo(true))
		// 'pre': participants' statements wait for a moderator; 'post': shown at once, may be removed.
		.addColumn('moderation', 'text', (c) => c.notNull().defaultTo('pre'))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('closed_at', 'timestamptz')
		.addCheckConstraint('conversation_status_ck', sql`status in ('open', 'closed')`)
		.addCheckConstraint('conversation_moderation_ck', sql`moderation in ('pre', 'post')`)
		.execute();

	await db.schema
		.createTable('conversation_participant')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('conversation_id', 'uuid', (c) =>
			c.notNull().references('conversation.id').onDelete('cascade')
		)
		// Exactly one way to recognise the participant: anonymous cookie key, external id, account.
		.addColumn('anon_key', 'text')
		.addColumn('xid', 'text')
		// Seam for the pool module: a signed-in member's participation shows in their history.
		.addColumn('app_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('conversation_participant_anon_uq', ['conversation_id', 'anon_key'])
		.addUniqueConstraint('conversation_participant_xid_uq', ['conversation_id', 'xid'])
		.addUniqueConstraint('conversation_participant_user_uq', ['conversation_id', 'app_user_id'])
		.execute();

	await db.schema
		.createTable('conversation_statement')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('conversation_id', 'uuid', (c) =>
			c.notNull().references('conversation.id').onDelete('cascade')
		)
		// Polis comment id: 0, 1, 2 … within the conversation (kept on import).
		.addColumn('tid', 'integer', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('author_participant_id', 'bigint', (c) =>
			c.references('conversation_participant.id').onDelete('set null')
		)
		.addColumn('is_seed', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('is_meta', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('client_id', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('moderated_at', 'timestamptz')
		.addUniqueConstraint('conversation_statement_tid_uq', ['conversation_id', 'tid'])
		.addUniqueConstraint('conversation_statement_client_uq', ['conversation_id', 'client_id'])
		.addCheckConstraint(
			'conversation_statement_status_ck',
			sql`status in ('pending', 'accepted', 'rejected')`
		)
		.execute();

	// Latest vote per participant and statement (+1 agree, -1 disagree, 0 pass: Polis export sign).
	await db.schema
		.createTable('conversation_vote')
		.addColumn('participant_id', 'bigint', (c) =>
			c.notNull().references('conversation_participant.id').onDelete('cascade')
		)
		.addColumn('statement_id', 'bigint', (c) =>
			c.notNull().references('conversation_statement.id').onDelete('cascade')
		)
		.addColumn('conversation_id', 'uuid', (c) => c.notNull())
		.addColumn('vote', 'smallint', (c) => c.notNull())
		.addColumn('history_id', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('conversation_vote_pk', ['participant_id', 'statement_id'])
		.addCheckConstraint('conversation_vote_ck', sql`vote in (-1, 0, 1)`)
		.execute();
	await db.schema
		.createIndex('conversation_vote_conv_idx')
		.on('conversation_vote')
		.columns(['conversation_id', 'statement_id'])
		.execute();

	// Every vote as it arrived; (participant, client_id) unique makes a retried request a no-op.
	await db.schema
		.createTable('conversation_vote_history')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('conversation_id', 'uuid', (c) => c.notNull())
		.addColumn('participant_id', 'bigint', (c) =>
			c.notNull().references('conversation_participant.id').onDelete('cascade')
		)
		.addColumn('statement_id', 'bigint', (c) =>
			c.notNull().references('conversation_statement.id').onDelete('cascade')
		)
		.addColumn('vote', 'smallint', (c) => c.notNull())
		.addColumn('client_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('conversation_vote_history_client_uq', ['participant_id', 'client_id'])
		.execute();
	await db.schema
		.createIndex('conversation_vote_history_conv_idx')
		.on('conversation_vote_history')
		.columns(['conversation_id', 'id'])
		.execute();

	// Latest opinion map per conversation: engine result and warm-start state as JSON.
	await db.schema
		.createTable('conversation_map')
		.addColumn('conversation_id', 'uuid', (c) =>
			c.primaryKey().references('conversation.id').onDelete('cascade')
		)
		.addColumn('last_history_id', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('statements_version', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('result', 'jsonb', (c) => c.notNull())
		.addColumn('state', 'jsonb', (c) => c.notNull())
		.addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// Statements the county chose as findings; read later by the participation-impact tracker.
	await db.schema
		.createTable('conversation_finding')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('conversation_id', 'uuid', (c) =>
			c.notNull().references('conversation.id').onDelete('cascade')
		)
		.addColumn('statement_id', 'bigint', (c) =>
			c.notNull().references('conversation_statement.id').onDelete('cascade')
		)
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('conversation_finding_uq', ['conversation_id', 'statement_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'conversation_finding',
		'conversation_map',
		'conversation_vote_history',
		'conversation_vote',
		'conversation_statement',
		'conversation_participant',
		'conversation'
	]) {
		await db.schema.dropTable(t).execute();
	}
}
