/** Table types for migrations/2026-11-25T1200_feedback.ts and 2026-12-03T1400_feedback_case_handling.ts. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';
import type { AnswerValue, Question } from './feedback.types';
import type { VisitTables } from './visits.tables';

export interface FeedbackSurveyTable {
	id: Generated<number>;
	code: string;
	kind: string;
	name_fi: string;
	name_sv: string;
	name_en: string;
	active: Generated<boolean>;
	current_version_id: number | null;
	created_at: Generated<Date>;
}

export interface FeedbackSurveyVersionTable {
	id: Generated<number>;
	survey_id: number;
	version: number;
	questions: JSONColumnType<Question[], string, string>;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface FeedbackSurveyUnitTable {
	survey_id: number;
	unit_id: number;
}

export interface FeedbackResponseTable {
	id: Generated<number>;
	client_id: string;
	survey_id: number;
	survey_version_id: number;
	unit_id: number;
	service_line_id: number;
	channel: string;
	nps: number | null;
	answers: JSONColumnType<Record<string, AnswerValue>, string | undefined, string>;
	open_text: string | null;
	locale: Generated<string>;
	answered_at: ColumnType<Date, Date | string | undefined, Date | string>;
	received_at: Generated<Date>;
	text_analysis: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string>;
}

type Count = ColumnType<number, number | undefined, number>;
export interface FeedbackRollupDailyTable {
	day: ColumnType<string, string, string>;
	unit_id: number;
	service_line_id: number;
	survey_id: number;
	channel: string;
	responses: Count;
	nps_0: Count;
	nps_1: Count;
	nps_2: Count;
	nps_3: Count;
	nps_4: Count;
	nps_5: Count;
	nps_6: Count;
	nps_7: Count;
	nps_8: Count;
	nps_9: Count;
	nps_10: Count;
	s1_sum: Count;
	s1_n: Count;
	s2_sum: Count;
	s2_n: Count;
	s3_sum: Count;
	s3_n: Count;
	s4_sum: Count;
	s4_n: Count;
	s5_sum: Count;
	s5_n: Count;
	s6_sum: Count;
	s6_n: Count;
}

export interface FeedbackCaseTable {
	id: Generated<string>;
	client_id: string;
	unit_id: number;
	service_line_id: number;
	kind: string;
	body: string;
	reply_requested: Generated<boolean>;
	status: string;
	locale: Generated<string>;
	due_at: NullableTimestamp;
	reminded_at: NullableTimestamp;
	escalated_at: NullableTimestamp;
	answer: string | null;
	answered_by: string | null;
	closed_at: NullableTimestamp;
	created_at: Generated<Date>;
	text_analysis: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string>;
	/** The number the resident sees in the receipt mail. */
	case_no: Generated<number>;
	/** The handler the case is assigned to. */
	assigned_to: string | null;
	/** How the reply was given: 'email' or 'phone' (a call the handler recorded). */
	answer_channel: string | null;
}

/** Notes on a case that only staff see. */
export interface FeedbackCaseNoteTable {
	id: Generated<number>;
	case_id: string;
	author_user_id: string | null;
	body: string;
	created_at: Generated<Date>;
}

export interface FeedbackContactTable {
	case_id: string;
	name: string | null;
	email: string | null;
	phone: string | null;
	erase_after: NullableTimestamp;
}

/** The SMS survey tables (issue 17) live in visits.tables.ts. */
export interface FeedbackTables extends VisitTables {
	feedback_survey: FeedbackSurveyTable;
	feedback_survey_version: FeedbackSurveyVersionTable;
	feedback_survey_unit: FeedbackSurveyUnitTable;
	feedback_response: FeedbackResponseTable;
	feedback_rollup_daily: FeedbackRollupDailyTable;
	feedback_case: FeedbackCaseTable;
	feedback_contact: FeedbackContactTable;
	feedback_case_note: FeedbackCaseNoteTable;
}
