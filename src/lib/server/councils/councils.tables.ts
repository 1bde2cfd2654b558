/** Table types for migrations/2026-12-03T0910_councils.ts. */
import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../core/db/core.tables';
import type { BodyKind, MemberRole } from './councils.types';

/** `date` columns, written as 'YYYY-MM-DD' and selected through `isoDay()` (councils.queries.ts). */
type DateColumn = ColumnType<string, string, string>;
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface CouncilBodyTable {
	id: Generated<number>;
	kind: BodyKind;
	name: string;
	purpose: Generated<string>;
	service_line_ids: ColumnType<number[], number[] | undefined, number[]>;
	term_starts_on: DateColumn;
	term_ends_on: NullableDateColumn;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface CouncilCoordinatorTable {
	body_id: number;
	user_id: string;
}

export interface CouncilMemberTable {
	id: Generated<number>;
	body_id: number;
	pool_member_id: string | null;
	user_id: string | null;
	name: string;
	email: string;
	phone: string | null;
	role: MemberRole;
	starts_on: DateColumn;
	ends_on: NullableDateColumn;
	end_reason: Generated<string>;
	created_at: Generated<Date>;
}

export interface CouncilCandidateTable {
	id: Generated<number>;
	body_id: number;
	pool_member_id: string;
	invitation_id: number;
	answer: 'yes' | 'no' | 'maybe';
	answered_at: Generated<Date>;
	member_id: number | null;
}

export type MeetingStatus = 'planned' | 'closed';

export interface CouncilMeetingTable {
	id: Generated<number>;
	body_id: number;
	starts_at: Timestamp;
	place: Generated<string>;
	online_url: Generated<string>;
	minutes: Generated<string>;
	status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
	invited_at: NullableTimestamp;
	reminded_at: NullableTimestamp;
	closed_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export type RequestStatus = 'open' | 'accepted' | 'declined' | 'answered';

export interface CouncilRequestTable {
	id: Generated<number>;
	body_id: number;
	asked_by: string | null;
	topic: string;
	description: Generated<string>;
	status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>;
	decline_reason: Generated<string>;
	answer: Generated<string>;
	created_at: Generated<Date>;
	decided_at: NullableTimestamp;
	answered_at: NullableTimestamp;
}

export interface CouncilAgendaItemTable {
	id: Generated<number>;
	meeting_id: number;
	position: number;
	service: Generated<string>;
	question: string;
	brought_by: Generated<string>;
	request_id: number | null;
}

export interface CouncilMaterialTable {
	id: Generated<number>;
	meeting_id: number;
	title: string;
	url: string;
	created_at: Generated<Date>;
}

export interface CouncilAttendanceTable {
	meeting_id: number;
	member_id: number;
	recorded_at: Generated<Date>;
}

export type StatementStatus = 'draft' | 'approved';

export interface CouncilStatementTable {
	id: Generated<number>;
	meeting_id: number;
	drafted_by: number | null;
	body: string;
	status: ColumnType<StatementStatus, StatementStatus | undefined, StatementStatus>;
	approved_at: NullableTimestamp;
	created_at: Generated<Date>;
	updated_at: Generated<Date>;
}

export interface CouncilFeeTable {
	fee_record_id: number;
	meeting_id: number;
	member_id: number;
	kind: string;
}

export interface CouncilsTables {
	council_body: CouncilBodyTable;
	council_coordinator: CouncilCoordinatorTable;
	council_member: CouncilMemberTable;
	council_candidate: CouncilCandidateTable;
	council_meeting: CouncilMeetingTable;
	council_request: CouncilRequestTable;
	council_agenda_item: CouncilAgendaItemTable;
	council_material: CouncilMaterialTable;
	council_attendance: CouncilAttendanceTable;
	council_statement: CouncilStatementTable;
	council_fee: CouncilFeeTable;
}
