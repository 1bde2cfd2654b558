/**
 * Table types for migrations/2026-12-02T1300_impact.ts, 2026-12-03T1500_impact_contacts.ts and
 * 2026-12-04T0900_impact_milestones.ts.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';
import type { Evidence, FindingKind, Status } from './impact.types';

/**
 * `date` columns, written as 'YYYY-MM-DD'. The pg driver reads them as a Date at local midnight,
 * so queries select them through `isoDay()` (impact.queries.ts) and get the string on both drivers.
 */
type DateColumn = ColumnType<string, string, string>;
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface ImpactActivityTable {
	id: Generated<number>;
	source_type: string;
	source_id: string | null;
	topic: string;
	description: Generated<string>;
	municipality_code: string | null;
	organiser_unit_id: number | null;
	organiser: Generated<string>;
	starts_on: DateColumn;
	ends_on: NullableDateColumn;
	invited: number | null;
	took_part: number | null;
	by_group: JSONColumnType<Record<string, number>, string | undefined, string>;
	created_at: Generated<Date>;
	updated_at: Generated<Date>;
}

export interface ImpactActivityServiceLineTable {
	activity_id: number;
	service_line_id: number;
}

export interface ImpactDecisionTable {
	id: Generated<number>;
	parent_id: number | null;
	title_fi: string;
	title_sv: Generated<string>;
	title_en: Generated<string>;
	progress: Generated<number>;
	decided_on: NullableDateColumn;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface ImpactMilestoneTable {
	id: Generated<number>;
	decision_id: number;
	title_fi: string;
	title_sv: Generated<string>;
	title_en: Generated<string>;
	reached_on: ColumnType<string, string, string>;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface ImpactFindingTable {
	id: Generated<number>;
	activity_id: number;
	source_type: string;
	source_id: string | null;
	kind: FindingKind;
	body: string;
	note: Generated<string>;
	evidence: JSONColumnType<Evidence[], string | undefined, string>;
	recorded_on: DateColumn;
	status: Generated<Status>;
	status_changed_at: Generated<Date>;
	owner_unit_id: number | null;
	owner_user_id: string | null;
	decision_id: number | null;
	reminded_at: NullableTimestamp;
	withdrawn_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export interface ImpactResponseTable {
	id: Generated<number>;
	finding_id: number;
	status: Status;
	owner_unit_id: number | null;
	owner_user_id: string | null;
	effective_on: DateColumn;
	explanation_fi: Generated<string>;
	explanation_sv: Generated<string>;
	explanation_en: Generated<string>;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface ImpactRecipientTable {
	id: Generated<number>;
	user_id: string | null;
	email: string | null;
	locale: Generated<string>;
	token: Generated<string>;
	opted_out_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export interface ImpactContactTable {
	finding_id: number;
	recipient_id: number;
}

export interface ImpactNoticeTable {
	response_id: number;
	recipient_id: number;
	created_at: Generated<Date>;
}

/** Someone who fed an activity or a finding, keyed on the source's ids (events come in any order). */
export interface ImpactSourceContactTable {
	scope: 'activity' | 'finding';
	source_type: string;
	source_id: string;
	recipient_id: number;
	created_at: Generated<Date>;
}

/** Where an address-only recipient came from, so an erasure at the source finds them. */
export interface ImpactRecipientOriginTable {
	origin_type: string;
	origin_id: string;
	recipient_id: number;
}

/** "Did you feel heard?" 1–5, once per person and activity; null recipient: erased since. */
export interface ImpactHeardTable {
	id: Generated<number>;
	activity_id: number;
	recipient_id: number | null;
	score: number;
	answered_at: Generated<Date>;
}

/**
 * A pool member who accepted an invitation to an activity, with their groups frozen at the
 * answer (`<dimension>:<value>`); null member: erased since, still counted.
 */
export interface ImpactParticipantTable {
	id: Generated<number>;
	source_type: string;
	source_id: string;
	invitation_id: number;
	member_id: string | null;
	groups: JSONColumnType<string[], string, string>;
	accepted_at: Generated<Date>;
}

/** An address left to hear what came of an activity, waiting for its mailed link (14 days). */
export interface ImpactFollowRequestTable {
	id: Generated<number>;
	token_hash: string;
	source_type: string;
	source_id: string;
	topic: string;
	email: string;
	locale: Generated<string>;
	created_at: Generated<Date>;
}

export interface ImpactTables {
	impact_activity: ImpactActivityTable;
	impact_activity_service_line: ImpactActivityServiceLineTable;
	impact_decision: ImpactDecisionTable;
	impact_milestone: ImpactMilestoneTable;
	impact_finding: ImpactFindingTable;
	impact_response: ImpactResponseTable;
	impact_recipient: ImpactRecipientTable;
	impact_contact: ImpactContactTable;
	impact_notice: ImpactNoticeTable;
	impact_source_contact: ImpactSourceContactTable;
	impact_recipient_origin: ImpactRecipientOriginTable;
	impact_heard: ImpactHeardTable;
	impact_participant: ImpactParticipantTable;
	impact_follow_request: ImpactFollowRequestTable;
}
