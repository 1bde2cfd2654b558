/** The feedback module's public surface for other modules and routes. */
export { submitResponses, rebuildRollups, IntakeError, NATIONAL_CODE } from './intake.service';
export { submitCase, answerCase, runCaseDeadlines, listCases, getCase } from './cases.service';
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
