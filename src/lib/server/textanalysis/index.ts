/**
 * The text-analysis module's public surface: routes, tests and the composition root import
 * from here only. The engine is in ml/text-analysis; this module stores labels, staff labels
 * and model versions, and reads texts through feedback's index.
 */
export { textanalysisManifest } from './manifest';
export type { TextanalysisTables } from './textanalysis.tables';
export type { TextanalysisDb, TextanalysisExecutor, TextanalysisTx } from './textanalysis.db';
export {
	TONE_IDS,
	parseRef,
	refKey,
	type LabelTheme,
	type SourceRef,
	type ToneId
} from './textanalysis.types';
export {
	confirmSchema,
	correctSchema,
	retrainSchema,
	themeEditSchema,
	findingSchema,
	type CorrectInput,
	type ThemeEditInput
} from './textanalysis.schemas';
export {
	reviewQueue,
	listThemes,
	modelHistory,
	modelEvaluation,
	retrainPending,
	themeCounts,
	toneCounts,
	risingThemes,
	themeExamples,
	type QueueItem,
	type ThemeRow,
	type ModelVersionRow,
	type MonthCount,
	type Rising
} from './textanalysis.queries';
export { reviewAnswer, type ReviewError } from './review.service';
export { labelAnswers, activeThemeIds } from './labelling.service';
export {
	retrain,
	requestRetrain,
	runRetrainRequests,
	scheduledRetrain,
	staffExamples,
	trainingExamples,
	mayTeach,
	type TrainingOptions
} from './training.service';
export { runRetrain, type RetrainInput, type RetrainOutput } from './retrain.job';
export { saveTheme, ensureDefaultThemes, isAdmin } from './taxonomy.service';
export { sendRisingTheme } from './findings.service';
export { activeModel, shippedDefaultModel } from './model-store';
export { seedTextanalysisDemo } from './demo';
export { TEXTANALYSIS_HANDLERS, labelOpenTexts } from './textanalysis.handlers';
export { STAGES, DEFAULT_THEMES } from '../../../../ml/text-analysis/taxonomy';
