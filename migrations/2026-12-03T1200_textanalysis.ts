/* AI-assisted analysis of open feedback (issue 16): the editable theme taxonomy, model versions
   with their computed evaluation, the labels of every open answer (tone, themes, stage, with
   confidences and a review state), and staff labels as training data (who and when). Texts stay
   in feedback's tables: this module keeps references, never a copy. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('ta_theme')
		.addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^[a-z][a-z0-9_-]{1,39}$'`))
		.addColumn('name_fi', 'text', (c) => c.notNull())
		.addColumn('name_sv', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('ta_model')
		.addColumn('version', 'serial', (c) => c.primaryKey())
		// active: the one in use; rejected: scored below the active one on held-out rows;
		// retired: replaced by a later version.
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('active', 'rejected', 'retired')`)
		)
		.addColumn('model', 'jsonb', (c) => c.notNull())
		.addColumn('trigger', 'text', (c) =>
			c.notNull().check(sql`trigger in ('shipped', 'schedule', 'manual')`)
		)
		.addColumn('requested_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('train_rows', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('holdout_rows', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('score', 'real', (c) => c.notNull())
		.addColumn('compared_score', 'real')
		.addColumn('evaluation', 'jsonb', (c) => c.notNull())
		.addColumn('examples_per_label', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('seconds', 'real', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create unique index ta_model_one_active_uq on ta_model ((true)) where status = 'active'`.execute(
		db
	);

	// A retraining asked for on the model page; the job picks it up in the background.
	await db.schema
		.createTable('ta_retrain_request')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('requested_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('started_at', 'timestamptz')
		.addColumn('finished_at', 'timestamptz')
		.addColumn('result_version', 'integer', (c) => c.references('ta_model.version'))
		.addColumn('error', 'text')
		.execute();

	await db.schema
		.createTable('ta_label')
		.addColumn('source_type', 'text', (c) =>
			c.notNull().check(sql`source_type in ('response', 'case')`)
		)
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
		.addColumn('service_line_id', 'integer', (c) => c.notNull())
		.addColumn('received_at', 'timestamptz', (c) => c.notNull())
		.addColumn('tone', 'text', (c) =>
			c.notNull().check(sql`tone in ('negative', 'neutral', 'positive', 'mixed')`)
		)
		.addColumn('tone_confidence', 'real', (c) => c.notNull())
		// [{"id": "access", "confidence": 0.91}, ...]
		.addColumn('themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('stage', 'text')
		.addColumn('stage_confidence', 'real')
		.addColumn('confidence', 'real', (c) => c.notNull())
		.addColumn('needs_review', 'boolean', (c) => c.notNull())
		.addColumn('model_version', 'integer', (c) =>
			c.references('ta_model.version').onDelete('set null')
		)
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('auto')
				.check(sql`status in ('auto', 'confirmed', 'corrected')`)
		)
		.addColumn('reviewed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('reviewed_at', 'timestamptz')
		.addColumn('labelled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('ta_label_pkey', ['source_type', 'source_id'])
		.execute();
	await sql`create index ta_label_review_idx on ta_label (received_at desc) where needs_review and status = 'auto'`.execute(
		db
	);
	await sql`create index ta_label_unit_time_idx on ta_label (unit_id, received_at)`.execute(db);

	// Staff labels: training data. One current label per answer (a later correction replaces
	// it; the audit log keeps the history), with who and when.
	await db.schema
		.createTable('ta_training_example')
		.addColumn('source_type', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('tone', 'text', (c) =>
			c.notNull().check(sql`tone in ('negative', 'neutral', 'positive', 'mixed')`)
		)
		.addColumn('themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('stage', 'text')
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('confirmed', 'corrected')`))
		.addColumn('labelled_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('labelled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('ta_training_example_pkey', ['source_type', 'source_id'])
		.execute();
	// An index under every foreign key (deletes of users and versions stay cheap).
	for (const [table, column] of [
		['ta_label', 'model_version'],
		['ta_label', 'reviewed_by'],
		['ta_model', 'requested_by'],
		['ta_retrain_request', 'requested_by'],
		['ta_retrain_request', 'result_version'],
		['ta_training_example', 'labelled_by']
	]) {
		await sql.raw(`create index ${table}_${column}_idx on ${table} (${column})`).execute(db);
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'ta_training_example',
		'ta_label',
		'ta_retrain_request',
		'ta_model',
		'ta_theme'
	]) {
		await db.schema.dropTable(t).ifExists().execute();
	}
}
