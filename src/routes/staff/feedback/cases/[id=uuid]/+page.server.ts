import { error, fail } from '@sveltejs/kit';
import { superValidate, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { answerCaseSchema, answerCase, getCase, canHandleUnit } from '$lib/server/feedback';
import { localName } from '$lib/i18n';
import type { FormMessage } from '$lib/forms';
import { helsinkiDay } from '$lib/server/core/time';

async function loadOwnCase(event: { params: { id: string }; locals: App.Locals; url: URL }) {
	// The role first (403 for everyone else), then the case's own unit.
	const user = requireRole(event, 'feedback_handler');
	// The `uuid` matcher lets only a well-formed id reach here.
	const { db } = await runtime();
	const c = await getCase(db, event.params.id);
	if (!c) error(404, 'not found');
	if (!canHandleUnit(user, { id: c.unit_id, service_line_id: c.service_line_id }))
		error(403, 'forbidden');
	return { user, c, db };
}

export const load: PageServerLoad = async (event) => {
	const { c } = await loadOwnCase(event);
	return {
		form: await superValidate(zod4(answerCaseSchema)),
		c: {
			id: c.id,
			kind: c.kind,
			status: c.status,
			body: c.body,
			replyRequested: c.reply_requested,
			// Finnish calendar days: a case sent at 01:30 in Finland belongs to that day.
			due: c.due_at ? helsinkiDay(new Date(c.due_at)) : null,
			created: helsinkiDay(new Date(c.created_at)),
			answer: c.answer,
			unit: localName(c, event.locals.locale),
			contact:
				c.contact_email || c.contact_name || c.contact_phone
					? { name: c.contact_name, email: c.contact_email, phone: c.contact_phone }
					: null
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, c, db } = await loadOwnCase(event);
		const form = await superValidate(event.request, zod4(answerCaseSchema));
		if (!form.valid) return fail(400, { form });
		const result = await answerCase(db, user.id, c.id, form.data.answer);
		if (result !== 'answered')
			return message(form, { type: 'error', key: 'feedback.cases.notOpen' } satisfies FormMessage, {
				status: 409
			});
		return message(form, { type: 'success', key: 'feedback.cases.answered' } satisfies FormMessage);
	}
};
