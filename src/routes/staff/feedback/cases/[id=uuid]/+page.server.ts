import { error, fail } from '@sveltejs/kit';
import { superValidate, message, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	addCaseNote,
	answerCaseSchema,
	answerCase,
	assignCase,
	assignCaseSchema,
	assigneeOptions,
	canHandleUnit,
	caseNoteSchema,
	caseNumber,
	getCase,
	listCaseNotes,
	phoneReplySchema,
	recordPhoneReply
} from '$lib/server/feedback';
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
	const { c, db } = await loadOwnCase(event);
	const notes = await listCaseNotes(db, c.id);
	return {
		form: await superValidate(zod4(answerCaseSchema)),
		assignForm: await superValidate({ assignee: c.assigned_to ?? '' }, zod4(assignCaseSchema), {
			errors: false,
			id: 'assign'
		}),
		noteForm: await superValidate(zod4(caseNoteSchema), { id: 'note' }),
		phoneForm: await superValidate(zod4(phoneReplySchema), { id: 'phone' }),
		assignees: await assigneeOptions(db, { id: c.unit_id, service_line_id: c.service_line_id }),
		notes: notes.map((n) => ({
			id: n.id,
			body: n.body,
			author: n.author,
			at: new Date(n.created_at).toISOString()
		})),
		c: {
			id: c.id,
			number: caseNumber(c.case_no),
			kind: c.kind,
			status: c.status,
			body: c.body,
			replyRequested: c.reply_requested,
			// Finnish calendar days: a case sent at 01:30 in Finland belongs to that day.
			due: c.due_at ? helsinkiDay(new Date(c.due_at)) : null,
			created: helsinkiDay(new Date(c.created_at)),
			answer: c.answer,
			answerChannel: c.answer_channel,
			unit: localName(c, event.locals.locale),
			contact:
				c.contact_email || c.contact_name || c.contact_phone
					? { name: c.contact_name, email: c.contact_email, phone: c.contact_phone }
					: null
		}
	};
};

const notOpen = { type: 'error', key: 'feedback.cases.notOpen' } satisfies FormMessage;

export const actions: Actions = {
	answer: async (event) => {
		const { user, c, db } = await loadOwnCase(event);
		const form = await superValidate(event.request, zod4(answerCaseSchema));
		if (!form.valid) return fail(400, { form });
		const result = await answerCase(db, user.id, c.id, form.data.answer);
		if (result !== 'answered') return message(form, notOpen, { status: 409 });
		return message(form, { type: 'success', key: 'feedback.cases.answered' } satisfies FormMessage);
	},
	phone: async (event) => {
		const { user, c, db } = await loadOwnCase(event);
		const form = await superValidate(event.request, zod4(phoneReplySchema), { id: 'phone' });
		if (!form.valid) return fail(400, { phoneForm: form });
		const result = await recordPhoneReply(db, user.id, c.id, form.data.summary);
		if (result !== 'recorded') return message(form, notOpen, { status: 409 });
		return message(form, {
			type: 'success',
			key: 'feedback.cases.phoneRecorded'
		} satisfies FormMessage);
	},
	assign: async (event) => {
		const { user, c, db } = await loadOwnCase(event);
		const form = await superValidate(event.request, zod4(assignCaseSchema), { id: 'assign' });
		if (!form.valid) return fail(400, { assignForm: form });
		const result = await assignCase(db, user.id, c.id, form.data.assignee || null);
		if (result === 'not_found') error(404, 'not found');
		if (result === 'not_handler') return setError(form, 'assignee', 'feedback.errors.assignee');
		return message(form, { type: 'success', key: 'feedback.cases.assigned' } satisfies FormMessage);
	},
	note: async (event) => {
		const { user, c, db } = await loadOwnCase(event);
		const form = await superValidate(event.request, zod4(caseNoteSchema), { id: 'note' });
		if (!form.valid) return fail(400, { noteForm: form });
		if ((await addCaseNote(db, user.id, c.id, form.data.note)) === 'not_found')
			error(404, 'not found');
		form.data.note = '';
		return message(form, { type: 'success', key: 'feedback.cases.noted' } satisfies FormMessage);
	}
};
