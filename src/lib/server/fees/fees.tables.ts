/** Table types for migrations/2026-12-03T0900_fees.ts. */
import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';
import type { FeeKind, RateKind } from './fees.types';

/** `date` columns, written as 'YYYY-MM-DD' and read through `isoDay()` (fees.queries.ts). */
type DateColumn = ColumnType<string, string, string>;
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface FeeRateTable {
	id: Generated<number>;
	kind: RateKind;
	cents: number;
	valid_from: DateColumn;
	valid_to: NullableDateColumn;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface FeeMonthTable {
	month: string;
	closed_by: string | null;
	closed_at: Generated<Date>;
}

export interface FeeRecordTable {
	id: Generated<number>;
	payee_user_id: string | null;
	payee_name: string;
	source_type: string;
	source_id: string;
	event_on: DateColumn;
	month: string;
	kind: FeeKind;
	quantity: number;
	unit_cents: number;
	amount_cents: number;
	rate_id: number | null;
	service_line_id: number | null;
	label: Generated<string>;
	adjustment_of: number | null;
	note: Generated<string>;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface FeeCorrectionTable {
	id: Generated<number>;
	user_id: string | null;
	fee_record_id: number | null;
	body: string;
	resolved_at: NullableTimestamp;
	resolved_by: string | null;
	created_at: Generated<Date>;
}

export interface FeesTables {
	fee_rate: FeeRateTable;
	fee_month: FeeMonthTable;
	fee_record: FeeRecordTable;
	fee_correction: FeeCorrectionTable;
}
