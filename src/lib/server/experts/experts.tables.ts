/** Table types for migrations/2026-12-03T1100_experts.ts. */
import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';

/** `date` columns, written as 'YYYY-MM-DD'; queries read them through `isoDay()`. */
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type DateColumn = ColumnType<string, string, string>;
type Money = ColumnType<number | null, number | null | undefined, number | null>;

export interface ExpertProfileTable {
	id: Generated<number>;
	user_id: string;
	kind: 'expert' | 'developer_customer';
	first_name: string;
	phone: Generated<string>;
	areas: Generated<string[]>;
	pending_areas: string[] | null;
	services: Generated<string>;
	languages: Generated<string[]>;
	municipalities: Generated<string[]>;
	ways: Generated<string[]>;
	meeting: Generated<string[]>;
	available_from: NullableDateColumn;
	available_until: NullableDateColumn;
	paused: Generated<boolean>;
	status: Generated<'pending' | 'approved'>;
	approved_at: NullableTimestamp;
	approved_by: string | null;
	created_at: Generated<Date>;
	updated_at: Generated<Date>;
}

export interface ExpertTrainingTable {
	id: Generated<number>;
	profile_id: number;
	name: string;
	completed_on: DateColumn;
}

export interface ExpertRequestTable {
	id: Generated<number>;
	requested_by: string | null;
	unit_id: number;
	project: string;
	purpose: string;
	area: string;
	format: string;
	language: string;
	starts_at: Date;
	ends_at: Date;
	experts_needed: number;
	budget: Money;
	status: Generated<'open' | 'filled' | 'done' | 'cancelled'>;
	created_at: Generated<Date>;
}

export interface ExpertAssignmentTable {
	id: Generated<number>;
	request_id: number;
	profile_id: number;
	status: 'proposed' | 'accepted' | 'declined' | 'withdrawn' | 'closed';
	token_hash: string | null;
	starts_at: Date;
	ends_at: Date;
	proposed_by: string | null;
	proposed_at: Generated<Date>;
	answered_at: NullableTimestamp;
	hours: Money;
	fee: Money;
	travel: Money;
	fee_record_id: number | null;
	finding: Generated<string>;
	staff_feedback: Generated<string>;
	expert_feedback: Generated<string>;
	closed_at: NullableTimestamp;
	closed_by: string | null;
}

export interface ExpertsTables {
	expert_profile: ExpertProfileTable;
	expert_training: ExpertTrainingTable;
	expert_request: ExpertRequestTable;
	expert_assignment: ExpertAssignmentTable;
}
