import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	addFinding,
	conversationOr404,
	findingSchema,
	listStatements,
	loadReport,
	parseResultOrder,
	removeFinding,
	removeFindingSchema
} from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'conversation_moderator');
	const { db } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	const statements = await listStatements(db, c.id, ['accepted', 'pending']);
	return {
		conversation: { id: c.id, topic: c.topic },
		report: await loadReport(db, c, null, parseResultOrder(event.url.searchParams)),
		statements: statements.map((s) => ({ id: Number(s.id), tid: s.tid, body: s.body }))
	};
};

export const actions: Actions = {
	addFinding: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await superValidate(event.request, zod4(findingSchema));
		if (!form.valid)
			return fail(400, {
				error: form.errors.statementId?.[0] ?? form.errors.note?.[0] ?? 'validation.invalid'
			});
		const ok = await addFinding(db, user.id, c.id, form.data.statementId, form.data.note);
		if (!ok) return fail(404, { error: 'conversations.errors.unknown_statement' });
		return { findingSaved: true };
	},
	removeFinding: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const form = await superValidate(event.request, zod4(removeFindingSchema));
		if (!form.valid) return fail(400, { error: 'conversations.errors.badRequest' });
		await removeFinding(db, user.id, c.id, form.data.findingId);
		return { findingRemoved: true };
	}
};
