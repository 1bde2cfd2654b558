/* Feedback case handling (issue 11): a case number the resident sees in the receipt mail, the
   handler a case is assigned to, how the reply was given (e-mail or a phone call recorded by the
   handler) and notes that only staff see. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// Numbers existing cases in the order they arrived, then counts on.
	await sql`alter table feedback_case add column case_no integer`.execute(db);
	await sql`update feedback_case c set case_no = n.no from (select id, row_number() over (order by created_at, id) as no from feedback_case) n where n.id = c.id`.execute(
		db
	);
	await sql`create sequence feedback_case_no_seq owned by feedback_case.case_no`.execute(db);
	await sql`select setval('feedback_case_no_seq', coalesce((select max(case_no) from feedback_case), 0) + 1, false)`.execute(
		db
	);
	await sql`alter table feedback_case alter column case_no set default nextval('feedback_case_no_seq'), alter column case_no set not null`.execute(
		db
	);
	await sql`alter table feedback_case add constraint feedback_case_no_uq unique (case_no)`.execute(
		db
	);
	await db.schema
		.alterTable('feedback_case')
		.addColumn('assigned_to', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.execute();
	await db.schema
		.alterTable('feedback_case')
		.addColumn('answer_channel', 'text', (c) => c.check(sql`answer_channel in ('email', 'phone')`))
		.execute();
	await sql`create index feedback_case_assigned_idx on feedback_case (assigned_to)`.execute(db);

	await db.schema
		.createTable('feedback_case_note')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('case_id', 'uuid', (c) =>
			c.notNull().references('feedback_case.id').onDelete('cascade')
		)
		.addColumn('author_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index feedback_case_note_case_idx on feedback_case_note (case_id, created_at)`.execute(
		db
	);
	await sql`create index feedback_case_note_author_idx on feedback_case_note (author_user_id)`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('feedback_case_note').execute();
	await db.schema
		.alterTable('feedback_case')
		.dropColumn('answer_channel')
		.dropColumn('assigned_to')
		.dropColumn('case_no')
		.execute();
}
