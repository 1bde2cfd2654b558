import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { hasRole } from '$lib/server/core/auth/roles';
import {
	addSeedStatements,
	conversationOr404,
	listStatements,
	makeXidLinks,
	moderateStatement,
	seedLines,
	setConversationStatus,
	setXidAllowed
} from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'conversation_moderator');
	const { db, config } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	// "Invite from the pool" opens the pool's invitation form filled in for this conversation.
	const poolInvite = `/staff/pool/invitations/new?${new URLSearchParams({
		activityType: 'conversation',
		activityId: c.id,
		title: c.topic,
		link: `/conversations/${c.id}`
	})}`;
	const statements = await listStatements(db, c.id);
	const link = `${config.origin}/conversations/${c.id}`;
	return {
		conversation: {
			id: c.id,
			topic: c.topic,
			status: c.status,
			moderation: c.moderation,
			allowStatements: c.allow_statements,
			allowAnonymous: c.allow_anonymous,
			allowXid: c.allow_xid,
			languages: c.languages
		},
		statements: statements.map((s) => ({
			id: Number(s.id),
			tid: s.tid,
			body: s.body,
			status: s.status,
			isMeta: s.is_meta,
			isSeed: s.is_seed
		})),
		link,
		poolInvite,
		canInvite: hasRole(user, 'pool_coordinator'),
		qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1 }),
		created: event.url.searchParams.has('created')
	};
};

const MODERATION = ['accept', 'reject', 'meta', 'unmeta'] as const;

export const actions: Actions = {
	moderate: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await event.request.formData();
		const action = String(form.get('action'));
		const statementId = Number(form.get('statementId'));
		if (!(MODERATION as readonly string[]).includes(action) || !Number.isInteger(statementId)) {
			return fail(400, { error: 'conversations.errors.badRequest' });
		}
		const ok = await moderateStatement(
			db,
			user.id,
			c.id,
			statementId,
			action as (typeof MODERATION)[number]
		);
		if (!ok) return fail(404, { error: 'conversations.errors.unknown_statement' });
		return { moderated: true };
	},
	seed: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await event.request.formData();
		const raw = String(form.get('seeds') ?? '');
		const parsed = seedLines.safeParse(raw);
		if (!parsed.success)
			return fail(400, { seeds: raw, seedError: parsed.error.issues[0].message });
		await addSeedStatements(db, user.id, c.id, parsed.data);
		return { seeded: parsed.data.length };
	},
	xid: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await event.request.formData();
		await setXidAllowed(db, user.id, c.id, form.get('allowXid') === 'on');
		return { xidSaved: true };
	},
	xidLinks: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db, config } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await event.request.formData();
		const xids = String(form.get('xids') ?? '');
		const r = await makeXidLinks(db, user.id, c.id, config.origin, xids);
		if (!r.ok) return fail(400, { xids, xidError: `conversations.errors.${r.error}` });
		return { xids, links: r.links };
	},
	close: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		await setConversationStatus(db, user.id, c.id, 'closed');
		return { status: 'closed' };
	},
	reopen: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		await setConversationStatus(db, user.id, c.id, 'open');
		return { status: 'open' };
	}
};
