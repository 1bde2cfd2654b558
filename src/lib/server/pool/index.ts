/**
 * The resident pool's public surface: routes, tests and other modules import from here only
 * (the lint rule in eslint.config.js enforces it). Everything else in the folder is internal.
 */
export { poolManifest } from './manifest';
export type { PoolTables } from './pool.tables';
export type { PoolDb, PoolExecutor, PoolTx } from './pool.db';
export {
	searchMembers,
	searchMembers as queryMembers,
	applyFilters,
	memberTargets,
	memberContacts,
	countBy,
	countByServiceLine,
	listPopulation,
	listQuestions
} from './pool.queries';
export {
	answerSchema,
	confirmJoinSchema,
	eraseSchema,
	joinSchema,
	profileSchema,
	invitationSchema,
	memberImportSchema,
	ownAnswerSchema,
	populationSchema,
	questionSchema,
	questionToggleSchema,
	type InvitationForm
} from './pool.schemas';
export {
	AGE_BANDS,
	ANSWERS,
	CONSENT_VERSION,
	type MemberFilters,
	type MemberProfileInput
} from './pool.types';
export {
	createInvitation,
	sendReminders,
	closeInvitation,
	answerByToken,
	answerOwnInvitation,
	answerRecipient,
	invitationSummary,
	invitationReplies,
	invitationRepliesCsv,
	municipalityName,
	type ReplyAnswer,
	invitationsOfMember,
	listInvitations,
	recipientByToken,
	replyView,
	replyDeadlineOf,
	type InvitationInput,
	type AnswerResult
} from './invitation.service';
export {
	memberForUser,
	exportMember,
	eraseMember,
	joinPool,
	confirmMembership,
	confirmJoin,
	confirmOffer,
	type ConfirmJoinResult,
	type ConfirmOffer,
	confirmStay,
	setPaused,
	updateProfile
} from './member.service';
export { addQuestion, cleanBackground, parseOptions, setQuestionActive } from './question.service';
export {
	checkMemberCsv,
	importMembers,
	importPopulation,
	importSummary,
	MAX_IMPORT_BYTES
} from './import.service';
export { filtersFromUrl, profileOptions, unknownReferences } from './form-data';
export { joinLimiter, replyLimiter } from './rate-limit';
export { invitationDraft, sendInvitationForm, type InvitationDraft } from './invitation-draft';
export { exportMembersCsv } from './member-export';
export { representation } from './representation';
export { runRetention, retentionPolicy } from './retention.service';
export { seedPoolDemo } from './demo';
export { poolSettings, poolSettingsSchema, type PoolSettings } from './pool.settings';
