import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { INT4_MAX } from '$lib/validation';
import {
	conversationOr404,
	findParticipant,
	identityOf,
	nextStatement,
	statementLimiter,
	statementSchema,
	submitStatement,
	voteAs,
	voteLimiter,
	VOTE_WORDS,
	MAP_MIN_VOTES
} from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	const identity = identityOf(event, c.id, false);
	const pid = identity ? await findParticipant(db, c.id, identity) : null;
	const next = await nextStatement(db, c, pid);
	const canTakePart = !!event.locals.user || c.allow_anonymous;
	return {
		conversation: {
			id: c.id,
			topic: c.topic,
			description: c.description,
			status: c.status,
			allowStatements: c.allow_statements,
			moderation: c.moderation
		},
		canTakePart,
		statement: next.statement ? { tid: next.statement.tid, body: next.statement.body } : null,
		// A fresh id per rendered form: a resubmitted form is the same vote, stored once.
		clientId: crypto.randomUUID(),
		voted: next.voted,
		total: next.total,
		mapThreshold: Math.min(MAP_MIN_VOTES, next.total)
	};
};

export const actions: Actions = {
	vote: async (event) => {
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		if (!voteLimiter.take(`ip:${event.locals.clientIp}`)) {
			return fail(429, { voteError: 'conversations.errors.rateLimited' });
		}
		const form = await event.request.formData();
		const word = String(form.get('vote') ?? '');
		const tid = Number(form.get('tid'));
		const clientId = String(form.get('clientId') ?? '');
		if (
			!(word in VOTE_WORDS) ||
			!Number.isInteger(tid) ||
			tid < 0 ||
			tid > INT4_MAX ||
			!/^[A-Za-z0-9_-]{8,64}$/.test(clientId)
		) {
			return fail(400, { voteError: 'conversations.errors.badVote' });
		}
		const identity = identityOf(event, c.id, true)!;
		const r = await voteAs(db, c.id, identity, [
			{ tid, vote: VOTE_WORDS[word as keyof typeof VOTE_WORDS], clientId }
		]);
		if (!r.ok)
			return fail(r.error === 'sign_in' ? 401 : 409, {
				voteError: `conversations.errors.${r.error}`
			});
		return { voted: true };
	},
	statement: async (event) => {
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await event.request.formData();
		const body = String(form.get('body') ?? '');
		if (!statementLimiter.take(`ip:${event.locals.clientIp}`)) {
			return fail(429, { body, statementError: 'conversations.errors.rateLimited' });
		}
		const parsed = statementSchema.safeParse({
			body,
			clientId: String(form.get('clientId') ?? '') || undefined
		});
		if (!parsed.success) {
			return fail(400, { body, statementError: parsed.error.issues[0].message });
		}
		const identity = identityOf(event, c.id, true)!;
		const r = await submitStatement(db, c.id, identity, parsed.data.body, parsed.data.clientId);
		if (!r.ok) return fail(409, { body, statementError: `conversations.errors.${r.error}` });
		return { statementSent: c.moderation };
	}
};
