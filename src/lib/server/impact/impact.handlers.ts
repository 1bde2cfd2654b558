/**
 * How other modules feed the tracker: their events, handled here into impact's own rows. The
 * publishers never touch these tables and this module never reads theirs. Every handler is
 * idempotent, keyed on the source's ids (('conversation', id), ('conversation_finding', id),
 * ('survey', id), ('feedback_theme', id), ('panel', id), ('panel_point', id)): a redelivered event updates the same rows.
 */
import { defineHandler } from '../core/events';
import type { Tx } from '../core/db/database';
import type { ImpactTx } from './impact.db';
import { addContacts, upsertActivity, upsertFinding, withdrawFinding } from './impact.service';
import { eraseRecipients, recipientForAddress, setSourceContact } from './contacts';
import { forgetParticipant, recordParticipant } from './participants';
import { requestFollow } from './follow.service';
import { config } from '../core/config';

/**
 * The delivery hands core's transaction type; it is the one handle of the whole portal, which
 * has impact's tables too (Kysely's table type is compile-time only).
 */
const asImpact = (trx: Tx) => trx as unknown as ImpactTx;

export const findingRecorded = defineHandler({
	id: 'impact.conversation-finding',
	event: 'conversations.finding_recorded',
	async handle(trx, p) {
		const tx = asImpact(trx);
		const activityId = await upsertActivity(tx, {
			sourceType: 'conversation',
			sourceId: p.conversationId,
			topic: p.conversation.topic,
			description: p.conversation.description,
			startsOn: p.conversation.startedOn,
			endsOn: p.conversation.endedOn,
			tookPart: p.conversation.participants
		});
		const findingId = await upsertFinding(tx, {
			activityId,
			sourceType: 'conversation_finding',
			sourceId: String(p.findingId),
			kind: 'statement',
			body: p.body,
			note: p.note,
			recordedOn: p.recordedOn,
			evidence: [
				{
					label: p.body,
					count: p.votes,
					...(p.agreeShare === null ? {} : { share: p.agreeShare }),
					href: `/conversations/${p.conversationId}/report`
				}
			]
		});
		await addContacts(
			tx,
			findingId,
			p.participantUserIds.map((userId) => ({ userId }))
		);
	}
});

export const findingRemoved = defineHandler({
	id: 'impact.conversation-finding-removed',
	event: 'conversations.finding_removed',
	async handle(trx, p) {
		await withdrawFinding(asImpact(trx), 'conversation_finding', String(p.findingId));
	}
});

export const themeRecorded = defineHandler({
	id: 'impact.feedback-theme',
	event: 'feedback.theme_recorded',
	async handle(trx, p) {
		const tx = asImpact(trx);
		const activityId = await upsertActivity(tx, {
			sourceType: p.surveyId === null ? 'feedback' : 'survey',
			sourceId: p.surveyId === null ? `unit:${p.unitId}` : String(p.surveyId),
			topic: p.surveyName ?? p.title,
			startsOn: p.from,
			endsOn: p.to,
			municipalityCode: p.municipalityCode,
			organiserUnitId: p.unitId,
			tookPart: p.answers,
			serviceLineIds: [p.serviceLineId]
		});
		await upsertFinding(tx, {
			activityId,
			sourceType: 'feedback_theme',
			sourceId: p.themeId,
			kind: 'feedback_theme',
			body: p.title,
			note: p.description,
			recordedOn: p.to,
			evidence: [
				{
					label: p.title,
					count: p.mentions,
					...(p.answers > 0 ? { share: p.mentions / p.answers } : {})
				}
			]
		});
	}
});

/** A closed experience-expert assignment's finding: activity per request, finding per assignment. */
export const expertFindingRecorded = defineHandler({
	id: 'impact.expert-finding',
	event: 'experts.finding_recorded',
	async handle(trx, p) {
		const tx = asImpact(trx);
		const activityId = await upsertActivity(tx, {
			sourceType: 'expert_request',
			sourceId: String(p.requestId),
			topic: p.project,
			description: p.purpose,
			startsOn: p.startsOn,
			endsOn: p.endsOn,
			municipalityCode: p.municipalityCode,
			organiserUnitId: p.unitId,
			tookPart: p.experts
		});
		const findingId = await upsertFinding(tx, {
			activityId,
			sourceType: 'expert_finding',
			sourceId: String(p.assignmentId),
			kind: 'recommendation',
			body: p.finding,
			recordedOn: p.recordedOn,
			evidence: [{ label: p.project, count: p.experts }]
		});
		await addContacts(
			tx,
			findingId,
			(p.expertUserIds ?? []).map((userId) => ({ userId }))
		);
	}
});

/** A rising theme of the text analysis (issue 16): keyed on (theme, unit, month). */
export const themeRising = defineHandler({
	id: 'impact.text-analysis-theme',
	event: 'textanalysis.theme_rising',
	async handle(trx, p) {
		const tx = asImpact(trx);
		const activityId = await upsertActivity(tx, {
			sourceType: 'feedback',
			sourceId: `unit:${p.unitId}`,
			topic: p.title,
			startsOn: p.from,
			endsOn: p.to,
			organiserUnitId: p.unitId,
			tookPart: p.answers,
			serviceLineIds: [p.serviceLineId]
		});
		await upsertFinding(tx, {
			activityId,
			sourceType: 'text_analysis_theme',
			sourceId: p.key,
			kind: 'feedback_theme',
			body: p.title,
			note: '',
			recordedOn: p.to,
			evidence: [
				{
					label: p.title,
					count: p.mentions,
					...(p.answers > 0 ? { share: p.mentions / p.answers } : {})
				}
			]
		});
	}
});

/**
 * A statement a council approved in its meeting: the meeting is the activity
 * ('council_meeting', meeting id), the statement its finding ('council_statement', id).
 */
export const councilStatementApproved = defineHandler({
	id: 'impact.council-statement',
	event: 'councils.statement_approved',
	async handle(trx, p) {
		const tx = asImpact(trx);
		const activityId = await upsertActivity(tx, {
			sourceType: 'council_meeting',
			sourceId: String(p.meetingId),
			topic: p.bodyName,
			startsOn: p.meetingDay,
			endsOn: p.meetingDay,
			organiser: p.bodyName,
			tookPart: p.attended,
			serviceLineIds: p.serviceLineIds
		});
		const findingId = await upsertFinding(tx, {
			activityId,
			sourceType: 'council_statement',
			sourceId: String(p.statementId),
			kind: 'statement',
			body: p.body,
			recordedOn: p.approvedOn,
			evidence: [
				{
					label: p.bodyName,
					count: p.attended,
					href: `/councils/${p.bodyId}#statement-${p.statementId}`
				}
			]
		});
		await addContacts(
			tx,
			findingId,
			(p.memberUserIds ?? []).map((userId) => ({ userId }))
		);
	}
});

/** A panel's published recommendation: the panel as an activity, each point a finding. */
export const panelRecommendation = defineHandler({
	id: 'impact.panel-recommendation',
	event: 'panels.recommendation_published',
	async handle(trx, p) {
		const tx = asImpact(trx);
		const activityId = await upsertActivity(tx, {
			sourceType: 'panel',
			sourceId: String(p.panelId),
			topic: p.question,
			description: p.description,
			startsOn: p.startedOn,
			endsOn: p.publishedOn,
			tookPart: p.members,
			byGroup: p.byGroup
		});
		for (const point of p.points) {
			const findingId = await upsertFinding(tx, {
				activityId,
				sourceType: 'panel_point',
				sourceId: String(point.pointId),
				kind: 'recommendation',
				body: point.body,
				recordedOn: p.publishedOn,
				evidence: [
					{
						label: point.body,
						count: point.supporters,
						...(point.share === null ? {} : { share: point.share }),
						href: `/panels/${p.panelId}`
					}
				]
			});
			await addContacts(
				tx,
				findingId,
				p.memberUserIds.map((userId) => ({ userId }))
			);
		}
	}
});

export const councilStatementReopened = defineHandler({
	id: 'impact.council-statement-reopened',
	event: 'councils.statement_reopened',
	async handle(trx, p) {
		await withdrawFinding(asImpact(trx), 'council_statement', String(p.statementId));
	}
});

export const IMPACT_HANDLERS = [
	findingRecorded,
	findingRemoved,
	themeRecorded,
	expertFindingRecorded,
	panelRecommendation,
	themeRising,
	councilStatementApproved,
	councilStatementReopened
];

/**
 * A pool member who accepted (or took back) an invitation to an activity: told when the
 * activity's findings move, including findings recorded later. The pool's (activityType,
 * activityId) is the activity's source key here: ('workshop', <impact id>) for a hand-entered
 * one, ('conversation', <uuid>) and the other modules' own keys otherwise. An erased member's
 * event arrives with memberId null and is ignored.
 */
export const poolContact = defineHandler({
	id: 'impact.pool-contact',
	event: 'pool.activity_contact',
	async handle(trx, p) {
		if (!p.memberId || !p.email) return;
		const tx = asImpact(trx);
		const recipientId = await recipientForAddress(tx, p.email, p.locale, {
			type: 'pool_member',
			id: p.memberId
		});
		await setSourceContact(
			tx,
			{ scope: 'activity', sourceType: p.activityType, sourceId: p.activityId },
			recipientId,
			p.attending
		);
	}
});

/**
 * An anonymous conversation participant left an address (conversations/follow.ts): mail them the
 * link that makes it count (follow.service.ts). The event is emptied once delivered.
 */
export const conversationFollow = defineHandler({
	id: 'impact.conversation-follow',
	event: 'conversations.follow_requested',
	async handle(trx, p) {
		if (!p.email) return;
		await requestFollow(
			asImpact(trx),
			{
				sourceType: 'conversation',
				sourceId: p.conversationId,
				topic: p.topic,
				email: p.email,
				locale: p.locale
			},
			config().origin
		);
	}
});

/** A feedback giver behind a theme who asked for a reply: told when the theme's finding moves. */
export const feedbackContact = defineHandler({
	id: 'impact.feedback-contact',
	event: 'feedback.theme_contact',
	async handle(trx, p) {
		if (!p.caseId || !p.email) return;
		const tx = asImpact(trx);
		const recipientId = await recipientForAddress(tx, p.email, p.locale, {
			type: 'feedback_case',
			id: p.caseId
		});
		await setSourceContact(
			tx,
			{ scope: 'finding', sourceType: 'feedback_theme', sourceId: p.themeId },
			recipientId
		);
	}
});

/**
 * A pool member's answer to an invitation to an activity: a "yes" counts them as taking part, in
 * the groups the pool froze into the answer (participants.ts); a later "no" takes it back.
 */
export const poolParticipant = defineHandler({
	id: 'impact.pool-participant',
	event: 'pool.invitation_answered',
	async handle(trx, p) {
		await recordParticipant(asImpact(trx), p);
	}
});

/**
 * Erasure in the pool: the member's recipient row goes, with its contacts and pending notices;
 * their participation stays counted, no longer linked to them.
 */
export const poolMemberErased = defineHandler({
	id: 'impact.pool-member-erased',
	event: 'pool.member_erased',
	async handle(trx, p) {
		if (!p.memberId) return;
		await eraseRecipients(asImpact(trx), { originType: 'pool_member', originId: p.memberId });
		await forgetParticipant(asImpact(trx), p.memberId);
	}
});

/** An account erased: its recipient row goes (the foreign key cascades too when the row is deleted). */
export const userErased = defineHandler({
	id: 'impact.user-erased',
	event: 'user.erased',
	async handle(trx, p) {
		if (!p.userId) return;
		await eraseRecipients(asImpact(trx), { userId: p.userId });
	}
});

/**
 * The people who fed the tracker and their erasure (kept apart from IMPACT_HANDLERS, which the
 * source modules' handlers join; the manifest registers both lists).
 */
export const CONTACT_HANDLERS = [
	poolContact,
	poolParticipant,
	conversationFollow,
	feedbackContact,
	poolMemberErased,
	userErased
];
