/**
 * The feedback module's public surface: routes, tests and other modules import from here only
 * (the lint rule in eslint.config.js enforces it). Everything else in the folder is internal.
 */
export { feedbackManifest } from './manifest';
export type { FeedbackTables } from './feedback.tables';
export type { FeedbackDb, FeedbackExecutor, FeedbackTx } from './feedback.db';
export { submitResponses, rebuildRollups, IntakeError, NATIONAL_CODE } from './intake.service';
export {
	submitCase,
	submitDirectFeedback,
	answerCase,
	runCaseDeadlines,
	listCases,
	getCase,
	assignCase,
	addCaseNote,
	recordPhoneReply,
	listCaseNotes,
	assigneeOptions,
	caseAssignees,
	caseNumber,
	countOpenCases
} from './cases.service';
export { publicSummary, publicBreakdown } from './public-stats.service';
export { figures, figuresBy } from './stats.queries';
export { npsFromCounts } from './nps';
export { feedbackConfig } from './feedback.config';
export {
	feedbackSettings,
	feedbackSettingsSchema,
	type FeedbackSettings
} from './feedback.settings';
export type { Channel, Question, ResponseInput } from './feedback.types';
export {
	answerCaseSchema,
	assignCaseSchema,
	caseNoteSchema,
	phoneReplySchema,
	caseFilterSchema,
	type CaseFilter,
	caseSchema,
	surveyCreateSchema,
	surveyEditSchema,
	responsesImportSchema,
	type CaseForm
} from './feedback.schemas';
export { exportCsv } from './csv-export';
export { importCsv, importCsvAsStaff } from './csv-import';
export { readFilter } from './dashboard-filter';
export { dashboard, selectedUnits } from './dashboard.service';
export { handleJsonIntake, handleSmsIntake } from './intake-http';
export { allowIntake } from './limits';
export { filterUnits, linesWithUnits } from './org-view';
export { countyPage, linePage, unitPage } from './public-pages';
export {
	loadPublicSurvey,
	publicQuestions,
	surveyFormAdapter,
	type PublicQuestion
} from './public-survey';
export { posterSvg, qrSvg, surveyLink } from './qr';
export { canHandleUnit, requireFeedbackScope } from './staff-scope';
export {
	getSurveyByCode,
	getSurveyById,
	getUnitByCode,
	listSurveys,
	surveysForUnit
} from './surveys.queries';
export {
	createSurvey,
	createSurveyFromForm,
	parseQuestions,
	saveSurvey,
	editSurvey,
	surveyForEditing,
	type SurveyEditOutcome,
	type SurveyFormProblem
} from './surveys.service';
export {
	EDITABLE_TYPES,
	lockedQuestions,
	type DraftQuestion,
	type DraftErrors,
	type EditableType
} from './survey-editor';
export { recordTheme, themeSchema, type ThemeInput } from './themes.service';
// SMS surveys after a visit (issue 17).
export { handleVisitIntake } from './visits-http';
export { handleSmsReply } from './sms-replies-http';
export { recordVisits, recordVisitsCsv, sourceByToken, type VisitProblem } from './visits.service';
export { receiveSmsReply, finishStaleConversations } from './sms-replies.service';
export { runSmsSending, type SendRunResult } from './sms-send.service';
export { httpGateway, type SmsGateway, type OutgoingSms } from './sms-gateway';
export { startFakeGateway, type FakeGateway, type FakeSms } from './sms-fake-gateway';
export { smsOverview, listVisitSources, type SmsOverview } from './sms-stats.queries';
export { createVisitSource, rotateVisitSourceToken } from './visit-sources.service';
export { visitCsvUploadSchema, visitSourceSchema } from './visits.schemas';
export {
	AGE_BANDS,
	EXCLUSION_REASONS,
	exclusionReason,
	flagExclusion,
	isStopReply,
	keyedHash,
	maySendAt,
	normalisePhone,
	parseScore,
	sendAfter,
	surveyLocale,
	type ExclusionReason
} from './visits.rules';
export {
	openTexts,
	openTextRefsSince,
	setTextAnalysis,
	type OpenText,
	type OpenTextRef
} from './open-text';
export { canReadUnit } from './staff-scope';
