/** Table types for migrations/2026-12-03T1200_textanalysis.ts. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';
import type { ModelJson } from '../../../../ml/text-analysis/model';
import type { Evaluation } from '../../../../ml/text-analysis/metrics';
import type { LabelTheme, ModelStatus, SourceType, ToneId, Trigger } from './textanalysis.types';

export interface TaThemeTable {
	id: string;
	name_fi: string;
	name_sv: Generated<string>;
	name_en: Generated<string>;
	active: Generated<boolean>;
	position: Generated<number>;
	created_at: Generated<Date>;
}

export interface TaModelTable {
	version: Generated<number>;
	status: ModelStatus;
	model: JSONColumnType<ModelJson, string, string>;
	trigger: Trigger;
	requested_by: string | null;
	train_rows: Generated<number>;
	holdout_rows: Generated<number>;
	score: number;
	compared_score: number | null;
	evaluation: JSONColumnType<Evaluation, string, string>;
	examples_per_label: JSONColumnType<Record<string, number>, string | undefined, string>;
	seconds: Generated<number>;
	created_at: Generated<Date>;
}

export interface TaRetrainRequestTable {
	id: Generated<number>;
	requested_by: string | null;
	requested_at: Generated<Date>;
	started_at: NullableTimestamp;
	finished_at: NullableTimestamp;
	result_version: number | null;
	error: string | null;
}

export interface TaLabelTable {
	source_type: SourceType;
	source_id: string;
	unit_id: number;
	service_line_id: number;
	received_at: ColumnType<Date, Date | string, Date | string>;
	tone: ToneId;
	tone_confidence: number;
	themes: JSONColumnType<LabelTheme[], string | undefined, string>;
	stage: string | null;
	stage_confidence: number | null;
	confidence: number;
	needs_review: boolean;
	model_version: number | null;
	status: Generated<'auto' | 'confirmed' | 'corrected'>;
	reviewed_by: string | null;
	reviewed_at: NullableTimestamp;
	labelled_at: Generated<Date>;
}

export interface TaTrainingExampleTable {
	source_type: SourceType;
	source_id: string;
	tone: ToneId;
	themes: JSONColumnType<string[], string | undefined, string>;
	stage: string | null;
	kind: 'confirmed' | 'corrected';
	labelled_by: string | null;
	labelled_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TextanalysisTables {
	ta_theme: TaThemeTable;
	ta_model: TaModelTable;
	ta_retrain_request: TaRetrainRequestTable;
	ta_label: TaLabelTable;
	ta_training_example: TaTrainingExampleTable;
}
