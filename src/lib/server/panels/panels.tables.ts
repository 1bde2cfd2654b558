/** Table types for migrations/2026-12-03T1000_panels.ts. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';
import type { DrawState, MemberState, PanelStatus, StoredQuotaOutcome } from './panels.types';

/** `date` columns: written as 'YYYY-MM-DD', read through `to_char` (panels.queries.ts). */
type DateColumn = ColumnType<string, string, string>;

export interface PanelTable {
	id: Generated<number>;
	question: string;
	description: Generated<string>;
	size: number;
	categories: JSONColumnType<string[], string, string>;
	household_rule: Generated<boolean>;
	status: ColumnType<PanelStatus, PanelStatus | undefined, PanelStatus>;
	seed_rule: Generated<string>;
	commitment: string | null;
	committed_at: NullableTimestamp;
	seed: string | null;
	draw_state: ColumnType<DrawState, DrawState | undefined, DrawState>;
	draw_error: string | null;
	/** Written by the process running the draw (a dead process's draw is re-queued). */
	draw_heartbeat_at: NullableTimestamp;
	algorithm: string | null;
	engine: string | null;
	distribution_hash: string | null;
	min_probability: number | null;
	quota_table: JSONColumnType<StoredQuotaOutcome[] | null, string | null, string | null>;
	drawn_at: NullableTimestamp;
	published_at: NullableTimestamp;
	created_by: string | null;
	created_at: Generated<Date>;
	updated_at: Generated<Date>;
}

export interface PanelQuotaTable {
	panel_id: number;
	position: number;
	category: string;
	value: string;
	min: number;
	max: number;
}

export interface PanelVolunteerTable {
	id: Generated<number>;
	panel_id: number;
	ref: string;
	source: 'pool' | 'mail';
	pool_member_id: string | null;
	user_id: string | null;
	name: Generated<string>;
	email: string | null;
	locale: Generated<string>;
	attributes: JSONColumnType<Record<string, string>, string, string>;
	household: Generated<string>;
	probability: number | null;
	state: ColumnType<MemberState, MemberState | undefined, MemberState>;
	stay_in_pool: Generated<boolean>;
	replaces_id: number | null;
	invited_at: NullableTimestamp;
	answered_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export interface PanelPoolAnswerTable {
	panel_id: number;
	member_id: string;
	answer: string;
	answered_at: Generated<Date>;
}

export interface PanelSessionTable {
	id: Generated<number>;
	panel_id: number;
	title: string;
	held_on: DateColumn;
	agenda: Generated<string>;
	materials: Generated<string>;
	experts: Generated<string>;
	created_at: Generated<Date>;
}

export interface PanelAttendanceTable {
	session_id: number;
	volunteer_id: number;
}

export interface PanelPointTable {
	id: Generated<number>;
	panel_id: number;
	body: string;
	author_volunteer_id: number | null;
	removed_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export interface PanelSupportTable {
	point_id: number;
	volunteer_id: number;
}

export interface PanelsTables {
	panel: PanelTable;
	panel_quota: PanelQuotaTable;
	panel_volunteer: PanelVolunteerTable;
	panel_pool_answer: PanelPoolAnswerTable;
	panel_session: PanelSessionTable;
	panel_attendance: PanelAttendanceTable;
	panel_point: PanelPointTable;
	panel_support: PanelSupportTable;
}
