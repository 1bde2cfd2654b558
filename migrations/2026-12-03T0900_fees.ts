/* The shared fee schedule and fee records (issue 14, reused by panels #13 and experience experts
   #15): rates with validity periods, one row per payee and event with the rate frozen in it,
   closed payroll months, and the corrections payees report. */
import { sql, type Kysely } from 'kysely';

const RATE_KINDS = `('meeting_fee_chair','meeting_fee_member','hourly','travel_km')`;
const FEE_KINDS = `('meeting_fee_chair','meeting_fee_member','hourly','travel_km','travel_ticket','other')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('fee_rate')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in ${RATE_KINDS}`)))
		.addColumn('cents', 'integer', (c) => c.notNull().check(sql`cents >= 0`))
		.addColumn('valid_from', 'date', (c) => c.notNull())
		// Inclusive; null = until further notice. Overlaps per kind are refused by the service.
		.addColumn('valid_to', 'date')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('fee_rate_dates_ck', sql`valid_to is null or valid_to >= valid_from`)
		.execute();
	await sql`create index fee_rate_kind_idx on fee_rate (kind, valid_from)`.execute(db);
	await sql`create index fee_rate_created_by_idx on fee_rate (created_by)`.execute(db);

	await db.schema
		.createTable('fee_month')
		// 'YYYY-MM': a closed payroll month. Its rows never change afterwards.
		.addColumn('month', 'text', (c) => c.primaryKey().check(sql`month ~ '^[0-9]{4}-[0-9]{2}$'`))
		.addColumn('closed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('closed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index fee_month_closed_by_idx on fee_month (closed_by)`.execute(db);

	await db.schema
		.createTable('fee_record')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('payee_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		// Frozen for payroll: a later name change does not rewrite an exported month.
		.addColumn('payee_name', 'text', (c) => c.notNull())
		// The event the fee is for: ('council_meeting', id), ('panel_session', id), ('expert_assignment', id).
		.addColumn('source_type', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('event_on', 'date', (c) => c.notNull())
		// The payroll month the row is paid in: the event's, or the next open one when that was closed.
		.addColumn('month', 'text', (c) => c.notNull().check(sql`month ~ '^[0-9]{4}-[0-9]{2}$'`))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in ${FEE_KINDS}`)))
		.addColumn('quantity', 'numeric(10, 2)', (c) => c.notNull())
		.addColumn('unit_cents', 'integer', (c) => c.notNull().check(sql`unit_cents >= 0`))
		.addColumn('amount_cents', 'integer', (c) => c.notNull())
		.addColumn('rate_id', 'integer', (c) => c.references('fee_rate.id').onDelete('restrict'))
		.addColumn('service_line_id', 'integer', (c) =>
			c.references('service_line.id').onDelete('set null')
		)
		.addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('adjustment_of', 'integer', (c) =>
			c.references('fee_record.id').onDelete('restrict')
		)
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// Ordinary rows are positive; only adjustments may take money back.
		.addCheckConstraint(
			'fee_record_sign_ck',
			sql`adjustment_of is not null or (quantity > 0 and amount_cents >= 0)`
		)
		.execute();
	await sql`create index fee_record_payee_idx on fee_record (payee_user_id, event_on)`.execute(db);
	await sql`create index fee_record_source_idx on fee_record (source_type, source_id)`.execute(db);
	await sql`create index fee_record_month_idx on fee_record (month)`.execute(db);
	await sql`create index fee_record_rate_idx on fee_record (rate_id)`.execute(db);
	await sql`create index fee_record_service_line_idx on fee_record (service_line_id)`.execute(db);
	await sql`create index fee_record_adjustment_idx on fee_record (adjustment_of)`.execute(db);
	await sql`create index fee_record_created_by_idx on fee_record (created_by)`.execute(db);

	await db.schema
		.createTable('fee_correction')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('cascade'))
		.addColumn('fee_record_id', 'integer', (c) =>
			c.references('fee_record.id').onDelete('set null')
		)
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('resolved_at', 'timestamptz')
		.addColumn('resolved_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index fee_correction_user_idx on fee_correction (user_id)`.execute(db);
	await sql`create index fee_correction_fee_idx on fee_correction (fee_record_id)`.execute(db);
	await sql`create index fee_correction_resolved_by_idx on fee_correction (resolved_by)`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['fee_correction', 'fee_record', 'fee_month', 'fee_rate'])
		await db.schema.dropTable(t).execute();
}
