/** The resident pool's public surface: other modules import from here only. */
export { searchMembers as queryMembers, memberTargets, countBy } from './pool.queries';
export {
	createInvitation,
	sendReminders,
	closeInvitation,
	answerByToken,
	answerOwnInvitation,
	invitationsOfMember,
	invitationSummary,
	replyView,
	type InvitationInput,
	type AnswerResult
} from './invitation.service';
export { invitationDraft, sendInvitationForm, type InvitationDraft } from './invitation-draft';
export { memberForUser, exportMember, eraseMember } from './member.service';
export { exportMembersCsv } from './member-export';
export { filtersFromUrl } from './form-data';
export {
	answerSchema,
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
export { replyLimiter } from './rate-limit';
export { checkMemberCsv, importMembers, importPopulation, importSummary } from './import.service';
export { representation } from './representation';
export { runRetention, retentionPolicy } from './retention.service';
export type { MemberFilters } from './pool.types';
