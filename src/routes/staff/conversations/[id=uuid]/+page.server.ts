import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { hasRole } from '$lib/server/core/auth/roles';
import {
	addSeedStatements,
	conversationOr404,
	listStatements,
	makeXidLinks,
	moderateSchema,
	moderateStatement,
	seedFormSchema,
	seedLines,
	setConversationStatus,
	setXidAllowed,
	xidLinksSchema,
	xidSettingSchema
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

export const actions: Actions = {
	moderate: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await superValidate(event.request, zod4(moderateSchema));
		if (!form.valid) return fail(400, { error: 'conversations.errors.badRequest' });
		const ok = await moderateStatement(db, user.id, c.id, form.data.statementId, form.data.action);
		if (!ok) return fail(404, { error: 'conversations.errors.unknown_statement' });
		return { moderated: true };
	},
	seed: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await superValidate(event.request, zod4(seedFormSchema));
		if (!form.valid)
			return fail(400, { seeds: form.data.seeds, seedError: form.errors.seeds?.[0] ?? '' });
		const seeds = seedLines.parse(form.data.seeds);
		await addSeedStatements(db, user.id, c.id, seeds);
		return { seeded: seeds.length };
	},
	xid: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await superValidate(event.request, zod4(xidSettingSchema));
		await setXidAllowed(db, user.id, c.id, form.data.allowXid);
		return { xidSaved: true };
	},
	xidLinks: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db, config } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await superValidate(event.request, zod4(xidLinksSchema));
		const xids = form.data.xids;
		if (!form.valid) return fail(400, { xids, xidError: 'validation.tooLong' });
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
