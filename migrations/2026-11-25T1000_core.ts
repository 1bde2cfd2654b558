/* Core tables: organisation (service lines, units, municipalities), people, roles, sessions,
   one-time e-mail tokens, sign-in throttling, audit log and the mail outbox. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('municipality')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('name_fi', 'text', (c) => c.notNull())
		.addColumn('name_sv', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('service_line')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name_fi', 'text', (c) => c.notNull())
		.addColumn('name_sv', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	// Units form a tree under a service line (parent_id null = directly under the line).
	await db.schema
		.createTable('unit')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('service_line_id', 'integer', (c) =>
			c.notNull().references('service_line.id').onDelete('restrict')
		)
		.addColumn('parent_id', 'integer', (c) => c.references('unit.id').onDelete('restrict'))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name_fi', 'text', (c) => c.notNull())
		.addColumn('name_sv', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('municipality_code', 'text', (c) => c.references('municipality.code'))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.execute();
	await db.schema
		.createIndex('unit_service_line_idx')
		.on('unit')
		.column('service_line_id')
		.execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('fi'))
		.addColumn('email_verified_at', 'timestamptz')
		.addColumn('disabled_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create unique index app_user_email_uq on app_user (lower(email))`.execute(db);

	// Seam for OpenID Connect sign-in (Suomi.fi for residents, Entra ID for staff).
	await db.schema
		.createTable('user_identity')
		.addColumn('provider', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('user_identity_pk', ['provider', 'subject'])
		.execute();

	await db.schema
		.createTable('user_role')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('service_line_id', 'integer', (c) =>
			c.references('service_line.id').onDelete('cascade')
		)
		.addColumn('unit_id', 'integer', (c) => c.references('unit.id').onDelete('cascade'))
		.addColumn('granted_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('user_role_one_scope', sql`service_line_id is null or unit_id is null`)
		.execute();
	await sql`create unique index user_role_uq on user_role
		(user_id, role, coalesce(service_line_id, 0), coalesce(unit_id, 0))`.execute(db);

	// Lucia-guide sessions: the id is the SHA-256 of the cookie token, never the token itself.
	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('user_session_user_idx')
		.on('user_session')
		.column('user_id')
		.execute();

	// One-time links (confirm e-mail, reset password): only the hash of the token is stored.
	await db.schema
		.createTable('email_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// Failed sign-ins per hashed key (e-mail or IP): used to slow down guessing.
	await db.schema
		.createTable('auth_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_failure_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('actor_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('audit_log_created_idx')
		.on('audit_log')
		.column('created_at')
		.execute();
	await db.schema
		.createIndex('audit_log_entity_idx')
		.on('audit_log')
		.columns(['entity_type', 'entity_id'])
		.execute();

	// Durable mail outbox: written in the same transaction as the change that causes the mail.
	await db.schema
		.createTable('mail_outbox')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text')
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('sent_at', 'timestamptz')
		.execute();
	await sql`create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'pending'`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'mail_outbox',
		'audit_log',
		'auth_throttle',
		'email_token',
		'user_session',
		'user_role',
		'user_identity',
		'app_user',
		'unit',
		'service_line',
		'municipality'
	]) {
		await db.schema.dropTable(t).execute();
	}
}
