/** The resident pool's public surface: other modules import from here only. */
export { searchMembers as queryMembers, memberTargets, countBy } from './pool.queries';
export {
	createInvitation,
	sendReminders,
	closeInvitation,
	answerByToken,
	invitationSummary,
	type InvitationInput,
	type AnswerResult
} from './invitation.service';
export { memberForUser, exportMember, eraseMember } from './member.service';
export { representation } from './representation';
export { runRetention, retentionPolicy } from './retention.service';
export { poolSettings, poolSettingsSchema, type PoolSettings } from './pool.settings';
export type { MemberFilters } from './pool.types';
