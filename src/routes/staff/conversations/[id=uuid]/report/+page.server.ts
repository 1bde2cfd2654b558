import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseInt4Id } from '$lib/validation';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	addFinding,
	conversationOr404,
	findingSchema,
	listStatements,
	loadReport,
	parseResultOrder,
	removeFinding
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
		const form = await event.request.formData();
		const parsed = findingSchema.safeParse({
			statementId: form.get('statementId'),
			note: String(form.get('note') ?? '')
		});
		if (!parsed.success) return fail(400, { error: parsed.error.issues[0].message });
		const ok = await addFinding(db, user.id, c.id, parsed.data.statementId, parsed.data.note);
		if (!ok) return fail(404, { error: 'conversations.errors.unknown_statement' });
		return { findingSaved: true };
	},
	removeFinding: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const { db } = await runtime();
		const c = await conversationOr404(db, event.params.id);
		const id = parseInt4Id(String((await event.request.formData()).get('findingId') ?? ''));
		if (id === null) return fail(400, { error: 'conversations.errors.badRequest' });
		await removeFinding(db, user.id, c.id, id);
		return { findingRemoved: true };
	}
};
