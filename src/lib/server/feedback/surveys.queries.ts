/** Reads of surveys, their versions and the units they are offered in. */
import type { FeedbackExecutor } from './feedback.db';
import type { Question } from './feedback.types';

export interface SurveyWithQuestions {
	id: number;
	code: string;
	kind: string;
	name_fi: string;
	name_sv: string;
	name_en: string;
	versionId: number;
	version: number;
	questions: Question[];
}

function baseQuery(db: FeedbackExecutor) {
	return db
		.selectFrom('feedback_survey as s')
		.innerJoin('feedback_survey_version as v', 'v.id', 's.current_version_id')
		.select([
			's.id',
			's.code',
			's.kind',
			's.name_fi',
			's.name_sv',
			's.name_en',
			'v.id as versionId',
			'v.version',
			'v.questions'
		]);
}

export function getSurveyByCode(db: FeedbackExecutor, code: string) {
	return baseQuery(db).where('s.code', '=', code).executeTakeFirst() as Promise<
		SurveyWithQuestions | undefined
	>;
}

export function getSurveyById(db: FeedbackExecutor, id: number) {
	return baseQuery(db).where('s.id', '=', id).executeTakeFirst() as Promise<
		SurveyWithQuestions | undefined
	>;
}

/** Active surveys offered in a unit: those linked to it, and county-wide ones (no links). */
export function surveysForUnit(db: FeedbackExecutor, unitId: number) {
	return baseQuery(db)
		.where('s.active', '=', true)
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('feedback_survey_unit as su')
						.whereRef('su.survey_id', '=', 's.id')
						.where('su.unit_id', '=', unitId)
				),
				eb.not(
					eb.exists(
						eb.selectFrom('feedback_survey_unit as su').whereRef('su.survey_id', '=', 's.id')
					)
				)
			])
		)
		.orderBy('s.id')
		.execute() as Promise<SurveyWithQuestions[]>;
}

export function listSurveys(db: FeedbackExecutor) {
	return baseQuery(db).orderBy('s.id').execute() as Promise<SurveyWithQuestions[]>;
}

export function getUnitByCode(db: FeedbackExecutor, code: string) {
	return db
		.selectFrom('unit')
		.selectAll()
		.where('code', '=', code)
		.where('active', '=', true)
		.executeTakeFirst();
}

export function getUnitById(db: FeedbackExecutor, id: number) {
	return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An active unit by id (the direct-feedback form's choice), or undefined. */
export function getActiveUnitId(db: FeedbackExecutor, id: number) {
	return db
		.selectFrom('unit')
		.select('id')
		.where('id', '=', id)
		.where('active', '=', true)
		.executeTakeFirst();
}
