import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import {
	contentLanguage,
	conversationOr404,
	identityOf,
	identityRefusal,
	nextStatement,
	statementFormAction,
	followFormAction,
	viewerParticipant,
	voteFormAction,
	mapThreshold
} from '$lib/server/conversations';
import { processPhase, sourceProgress } from '$lib/server/impact';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	const identity = identityOf(event, c, false);
	// A personal link that is forged or no longer allowed is said so, not silently ignored.
	const refusal = identity?.kind === 'xid' ? identityRefusal(c, identity) : null;
	const pid = await viewerParticipant(db, c, identity);
	const next = await nextStatement(db, c, pid);
	const progress = await sourceProgress(db, 'conversation', c.id);
	const canTakePart =
		!!event.locals.user || (identity?.kind === 'xid' ? !refusal : c.allow_anonymous);
	return {
		conversation: {
			id: c.id,
			topic: c.topic,
			description: c.description,
			contentLang: contentLanguage(c.languages),
			status: c.status,
			allowStatements: c.allow_statements,
			moderation: c.moderation
		},
		phase: processPhase(c.status === 'open' ? 0 : 1, progress),
		impactHref: progress ? `/sanoitte-teimme/${progress.activityId}` : null,
		canTakePart,
		// Signed-in participants hear what comes of it through their account.
		canFollow: !event.locals.user && next.voted > 0 && !refusal,
		identityError: refusal ? `conversations.errors.${refusal}` : null,
		statement: next.statement ? { tid: next.statement.tid, body: next.statement.body } : null,
		// A fresh id per rendered form: a resubmitted form is the same vote, stored once.
		clientId: crypto.randomUUID(),
		voted: next.voted,
		total: next.total,
		mapThreshold: mapThreshold(next.total)
	};
};

export const actions: Actions = {
	vote: async (event) => voteFormAction((await runtime()).db, event),
	statement: async (event) => statementFormAction((await runtime()).db, event),
	follow: async (event) => followFormAction((await runtime()).db, event)
};
