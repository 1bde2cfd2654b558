/** Rules of conversations: staff actions are audited in the same transaction as the change. */
import type { ConversationsDb, ConversationsExecutor, ConversationsTx } from './conversations.db';
import type { FindingRecordedEvent } from './conversations.events';
import { recordAudit } from '../core/audit';
import { publish } from '../core/events';
import { helsinkiDay } from '../core/time';
import { MIN_VOTES_FOR_SHARE } from './map-view';
import { maskPersonalData } from '../core/privacy/mask';
import {
	createConversationSchema,
	type CreateConversationForm,
	type CreateConversationInput
} from './conversations.schemas';
import type {
	IdentityRefusal,
	ParticipantIdentity,
	StatementStatus,
	VoteValue
} from './conversations.types';
import { lockForNewStatements, nextTid } from './conversations.queries';
import {
	ensureParticipant,
	findParticipant,
	joinParticipant,
	rememberedParticipant
} from './participants';
import { accessSettings, forgetAccessSettings, identityRefusal } from './access';
import { newXidSecret, XID_PATTERN, xidLink } from './xid';
import { castVote, VoteRefused } from './votes';
import { castVotes } from './vote-intake';

/** Creates a conversation from the moderator's form (seeds split into statements). */
export async function createConversationFromForm(
	db: ConversationsDb,
	actorUserId: string,
	form: CreateConversationForm
): Promise<string> {
	return createConversation(db, actorUserId, createConversationSchema.parse(form));
}

export async function createConversation(
	db: ConversationsDb,
	actorUserId: string,
	input: CreateConversationInput
): Promise<string> {
	return db.transaction().execute(async (trx) => {
		const c = await trx
			.insertInto('conversation')
			.values({
				topic: input.topic,
				description: input.description,
				languages: input.languages,
				allow_statements: input.allowStatements,
				allow_anonymous: input.allowAnonymous,
				moderation: input.moderation,
				xid_secret: newXidSecret(),
				created_by: actorUserId
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await insertSeeds(trx, c.id, input.seeds);
		await recordAudit(trx, {
			actorUserId,
			action: 'conversation.create',
			entityType: 'conversation',
			entityId: c.id,
			details: { seeds: input.seeds.length }
		});
		return c.id;
	});
}

async function insertSeeds(trx: ConversationsExecutor, conversationId: string, bodies: string[]) {
	if (bodies.length === 0) return;
	const first = await nextTid(trx, conversationId);
	await trx
		.insertInto('conversation_statement')
		.values(
			bodies.map((body, i) => ({
				conversation_id: conversationId,
				tid: first + i,
				// Staff type seeds, but often paste them from residents' feedback.
				body: maskPersonalData(body),
				is_seed: true,
				status: 'accepted' as const,
				moderated_at: new Date()
			}))
		)
		.execute();
}

export async function addSeedStatements(
	db: ConversationsDb,
	actorUserId: string,
	conversationId: string,
	bodies: string[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (!(await lockForNewStatements(trx, conversationId))) throw new Error('no such conversation');
		await insertSeeds(trx, conversationId, bodies);
		await recordAudit(trx, {
			actorUserId,
			action: 'conversation.seed',
			entityType: 'conversation',
			entityId: conversationId,
			details: { seeds: bodies.length }
		});
	});
}

export type SubmitError = 'unknown_conversation' | 'closed' | 'not_allowed' | IdentityRefusal;

/**
 * A participant's own statement: pending under pre-moderation, visible at once under
 * post-moderation. The author agrees with it, as in Polis. A retried client id stores it once.
 * The conversation is checked only once its row is locked: a close that commits meanwhile makes
 * this wait and then refuse, instead of adding a statement to a closed conversation.
 */
export async function submitStatement(
	db: ConversationsDb,
	conversationId: string,
	identity: ParticipantIdentity,
	body: string,
	clientId?: string
): Promise<{ ok: true; tid: number } | { ok: false; error: SubmitError }> {
	return db.transaction().execute(async (trx) => {
		const c = await lockForNewStatements(trx, conversationId);
		if (!c) return { ok: false as const, error: 'unknown_conversation' as const };
		if (c.status !== 'open') return { ok: false as const, error: 'closed' as const };
		if (!c.allow_statements) return { ok: false as const, error: 'not_allowed' as const };
		const refusal = identityRefusal(c, identity);
		if (refusal) return { ok: false as const, error: refusal };
		const pid = await ensureParticipant(trx, conversationId, identity);
		if (clientId) {
			const dup = await trx
				.selectFrom('conversation_statement')
				.select('tid')
				.where('conversation_id', '=', conversationId)
				.where('client_id', '=', clientId)
				.executeTakeFirst();
			if (dup) return { ok: true as const, tid: dup.tid };
		}
		const tid = await nextTid(trx, conversationId);
		await trx
			.insertInto('conversation_statement')
			.values({
				conversation_id: conversationId,
				tid,
				// Masked before it is stored: moderators and the public never see codes or phones.
				body: maskPersonalData(body),
				author_participant_id: pid,
				client_id: clientId ?? null,
				status: 'pending'
			})
			.execute();
		if (c.moderation === 'post') {
			await castVote(trx, {
				conversationId,
				participantId: pid,
				tid,
				vote: 1,
				clientId: `author-${tid}`
			});
		}
		return { ok: true as const, tid };
	});
}

export async function moderateStatement(
	db: ConversationsDb,
	actorUserId: string,
	conversationId: string,
	statementId: number,
	action: 'accept' | 'reject' | 'meta' | 'unmeta'
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const patch: { status?: StatementStatus; is_meta?: boolean } =
			action === 'accept'
				? { status: 'accepted' }
				: action === 'reject'
					? { status: 'rejected' }
					: { is_meta: action === 'meta' };
		const r = await trx
			.updateTable('conversation_statement')
			.set({ ...patch, moderated_at: new Date() })
			.where('id', '=', statementId)
			.where('conversation_id', '=', conversationId)
			.returning(['tid', 'author_participant_id'])
			.executeTakeFirst();
		if (!r) return false;
		// Under pre-moderation the author's own agree vote is cast when the statement goes live.
		if (action === 'accept' && r.author_participant_id != null) {
			await castVote(trx, {
				conversationId,
				participantId: Number(r.author_participant_id),
				tid: r.tid,
				vote: 1,
				clientId: `author-${r.tid}`
			});
		}
		await recordAudit(trx, {
			actorUserId,
			action: `conversation.statement.${action}`,
			entityType: 'conversation_statement',
			entityId: statementId,
			details: { conversationId }
		});
		return true;
	});
}

export async function setConversationStatus(
	db: ConversationsDb,
	actorUserId: string,
	conversationId: string,
	status: 'open' | 'closed'
): Promise<boolean> {
	const changed = await db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('conversation')
			.set({ status, closed_at: status === 'closed' ? new Date() : null })
			.where('id', '=', conversationId)
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) return false;
		await recordAudit(trx, {
			actorUserId,
			action: `conversation.${status === 'closed' ? 'close' : 'reopen'}`,
			entityType: 'conversation',
			entityId: conversationId
		});
		return true;
	});
	// After the commit: this process takes no newcomer into a closed conversation from the cache.
	forgetAccessSettings(conversationId);
	return changed;
}

export type VoteAsError =
	'unknown_conversation' | 'closed' | 'unknown_statement' | 'bad_request' | IdentityRefusal;

/**
 * Votes from one person: resolves (or creates) the participant, then stores all or nothing.
 * An XID is checked on every request (its signature, and that the conversation takes XIDs), not
 * only when the participant is new: knowing someone's id must not let anyone vote as them.
 */
export async function voteAs(
	db: ConversationsDb,
	conversationId: string,
	identity: ParticipantIdentity,
	votes: Array<{ tid: number; vote: VoteValue; clientId: string }>
): Promise<
	| { ok: true; participantId: number; stored: number; duplicates: number }
	| { ok: false; error: VoteAsError; index?: number }
> {
	// Cached for 2 s (access.ts): on the vote path this costs no round trip.
	const settings = await accessSettings(db, conversationId);
	if (!settings) return { ok: false, error: 'unknown_conversation' };
	if (identity.kind === 'xid') {
		const refusal = identityRefusal(settings, identity);
		if (refusal) return { ok: false, error: refusal };
	}
	let pid = rememberedParticipant(conversationId, identity);
	if (pid === null) {
		// Someone new may join only an open conversation that takes their kind of identity; someone
		// who already has a row goes on as before (the vote statement checks the status itself).
		const refusal = settings.status !== 'open' ? 'closed' : identityRefusal(settings, identity);
		pid = refusal
			? await findParticipant(db, conversationId, identity)
			: await joinParticipant(db, conversationId, identity);
		if (pid === null) return { ok: false, error: refusal! };
	}
	try {
		const r = await castVotes(db, conversationId, pid, votes);
		return { ok: true, participantId: pid, ...r };
	} catch (e) {
		if (e instanceof VoteRefused) return { ok: false, error: e.reason, index: e.index };
		throw e;
	}
}

/** The moderator turns signed XID links on or off for one conversation (audited). */
export async function setXidAllowed(
	db: ConversationsDb,
	actorUserId: string,
	conversationId: string,
	allowed: boolean
): Promise<boolean> {
	const ok = await db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('conversation')
			.set({ allow_xid: allowed })
			.where('id', '=', conversationId)
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) return false;
		await recordAudit(trx, {
			actorUserId,
			action: `conversation.xid.${allowed ? 'allow' : 'disallow'}`,
			entityType: 'conversation',
			entityId: conversationId
		});
		return true;
	});
	// After the commit, so that no request re-reads the old setting into the cache meanwhile.
	forgetAccessSettings(conversationId);
	return ok;
}

export const MAX_XIDS = 1000;

/**
 * Signed participation links for a list of XIDs (one per line). The audit entry records how many
 * links were made, not the ids: they may identify people in another register.
 */
export async function makeXidLinks(
	db: ConversationsDb,
	actorUserId: string,
	conversationId: string,
	origin: string,
	lines: string
): Promise<
	{ ok: true; links: Array<{ xid: string; link: string }> } | { ok: false; error: 'xidList' }
> {
	const xids = [
		...new Set(
			lines
				.split(/\r?\n/)
				.map((l) => l.trim())
				.filter((l) => l.length > 0)
		)
	];
	if (xids.length === 0 || xids.length > MAX_XIDS || !xids.every((x) => XID_PATTERN.test(x))) {
		return { ok: false, error: 'xidList' };
	}
	return db.transaction().execute(async (trx) => {
		const c = await trx
			.selectFrom('conversation')
			.select(['id', 'xid_secret'])
			.where('id', '=', conversationId)
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId,
			action: 'conversation.xid.links',
			entityType: 'conversation',
			entityId: conversationId,
			details: { links: xids.length }
		});
		return {
			ok: true as const,
			links: xids.map((xid) => ({ xid, link: xidLink(origin, c.id, c.xid_secret, xid) }))
		};
	});
}

export async function addFinding(
	db: ConversationsDb,
	actorUserId: string,
	conversationId: string,
	statementId: number,
	note: string
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const s = await trx
			.selectFrom('conversation_statement')
			.select('id')
			.where('id', '=', statementId)
			.where('conversation_id', '=', conversationId)
			.executeTakeFirst();
		if (!s) return false;
		const f = await trx
			.insertInto('conversation_finding')
			.values({
				conversation_id: conversationId,
				statement_id: statementId,
				note,
				created_by: actorUserId
			})
			.onConflict((oc) => oc.columns(['conversation_id', 'statement_id']).doUpdateSet({ note }))
			.returning(['id', 'created_at'])
			.executeTakeFirstOrThrow();
		await publish(trx, 'conversations.finding_recorded', await findingEvent(trx, f, statementId));
		await recordAudit(trx, {
			actorUserId,
			action: 'conversation.finding.add',
			entityType: 'conversation',
			entityId: conversationId,
			details: { statementId }
		});
		return true;
	});
}

/**
 * What the impact tracker gets of a finding: the statement, its agreement share (only from
 * MIN_VOTES_FOR_SHARE votes up, as on the report), the conversation, its signed-in participants.
 */
async function findingEvent(
	trx: ConversationsTx,
	f: { id: number; created_at: Date },
	statementId: number
): Promise<FindingRecordedEvent> {
	const s = await trx
		.selectFrom('conversation_finding as f')
		.innerJoin('conversation_statement as s', 's.id', 'f.statement_id')
		.innerJoin('conversation as c', 'c.id', 'f.conversation_id')
		.select((eb) => [
			'f.conversation_id',
			'f.note',
			's.body',
			'c.topic',
			'c.description',
			'c.created_at',
			'c.closed_at',
			eb
				.selectFrom('conversation_vote as v')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('v.statement_id', '=', 's.id')
				.as('votes'),
			eb
				.selectFrom('conversation_vote as v')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('v.statement_id', '=', 's.id')
				.where('v.vote', '=', 1)
				.as('agrees'),
			eb
				.selectFrom('conversation_participant as p')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('p.conversation_id', '=', 'c.id')
				.as('participants')
		])
		.where('f.id', '=', f.id)
		.executeTakeFirstOrThrow();
	const users = await trx
		.selectFrom('conversation_participant')
		.select('app_user_id')
		.distinct()
		.where('conversation_id', '=', s.conversation_id)
		.where('app_user_id', 'is not', null)
		.execute();
	const votes = Number(s.votes ?? 0);
	return {
		findingId: f.id,
		conversationId: s.conversation_id,
		statementId,
		body: s.body,
		note: s.note,
		agreeShare: votes >= MIN_VOTES_FOR_SHARE ? Number(s.agrees ?? 0) / votes : null,
		votes,
		recordedOn: helsinkiDay(f.created_at),
		conversation: {
			topic: s.topic,
			description: s.description,
			startedOn: helsinkiDay(s.created_at),
			endedOn: s.closed_at ? helsinkiDay(s.closed_at) : null,
			participants: Number(s.participants ?? 0)
		},
		participantUserIds: users.map((u) => u.app_user_id!)
	};
}

export async function removeFinding(
	db: ConversationsDb,
	actorUserId: string,
	conversationId: string,
	findingId: number
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const gone = await trx
			.deleteFrom('conversation_finding')
			.where('id', '=', findingId)
			.where('conversation_id', '=', conversationId)
			.returning('id')
			.executeTakeFirst();
		if (gone) await publish(trx, 'conversations.finding_removed', { findingId, conversationId });
		await recordAudit(trx, {
			actorUserId,
			action: 'conversation.finding.remove',
			entityType: 'conversation',
			entityId: conversationId,
			details: { findingId }
		});
	});
}
