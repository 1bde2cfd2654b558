/** The feedback module's public surface for other modules and routes. */
export { submitResponses, rebuildRollups, IntakeError, NATIONAL_CODE } from './intake.service';
export {
	submitCase,
	submitDirectFeedback,
	answerCase,
	runCaseDeadlines,
	listCases,
	getCase
} from './cases.service';
export { publicSummary, publicBreakdown } from './public-stats.service';
export { figures, figuresBy } from './stats.queries';
export { npsFromCounts } from './nps';
export { feedbackConfig } from './feedback.config';
export type { Channel, Question, ResponseInput } from './feedback.types';
export { allowIntake } from './limits';
export { linesWithUnits } from './org-view';
export { getUnitByCode, listSurveys } from './surveys.queries';
export {
	createSurveyFromForm,
	saveSurveyFromForm,
	surveyForEditing,
	type SurveyFormProblem
} from './surveys.service';
export {
	answerCaseSchema,
	caseSchema,
	surveyCreateSchema,
	surveyEditSchema,
	responsesImportSchema,
	type CaseForm
} from './feedback.schemas';
export { importCsvAsStaff } from './csv-import';
export { requireFeedbackScope } from './staff-scope';
