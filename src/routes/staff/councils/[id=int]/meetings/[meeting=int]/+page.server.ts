import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { STAFF_ROLES } from '$lib/server/core/auth/roles';
import { parseInt4Id } from '$lib/validation';
import {
	addAgendaItem,
	addMaterial,
	agendaSchema,
	attendanceSchema,
	closeMeeting,
	decideStatement,
	expenseSchema,
	recordExpense,
	materialSchema,
	meetingPage,
	minutesSchema,
	recordAttendance,
	saveDraft,
	saveMinutes,
	sendMeetingMail,
	sendSchema,
	statementActionSchema,
	statementSchema,
	statusOf,
	type CouncilError
} from '$lib/server/councils';

/** The meeting, checked to be the body's in the URL and the reader's to run (else 404 / 403). */
async function meetingOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const user = requireRole(event, [...STAFF_ROLES]);
	const bodyId = parseInt4Id(event.params.id);
	const meetingId = parseInt4Id(event.params.meeting);
	if (bodyId === null || meetingId === null) error(404, 'not found');
	const { db, config } = await runtime();
	const page = await meetingPage(db, user, meetingId);
	if (!page || (page !== 'forbidden' && page.meeting.body_id !== bodyId)) error(404, 'not found');
	if (page === 'forbidden') error(403, 'forbidden');
	return { user, db, origin: config.origin, page, meetingId };
}

export const load: PageServerLoad = async (event) => {
	const { page } = await meetingOf(event);
	const minutesForm = await superValidate(zod4(minutesSchema), { errors: false, id: 'minutes' });
	minutesForm.data.minutes = page.meeting.minutes;
	const statementForm = await superValidate(zod4(statementSchema), {
		errors: false,
		id: 'statement'
	});
	statementForm.data.meetingId = page.meeting.id;
	return {
		...page,
		agendaForm: await superValidate(zod4(agendaSchema), { errors: false, id: 'agenda' }),
		materialForm: await superValidate(zod4(materialSchema), { errors: false, id: 'material' }),
		minutesForm,
		statementForm
	};
};

const refused = (e: CouncilError) => fail(statusOf(e), { error: `councils.errors.${e}` });

export const actions: Actions = {
	agenda: async (event) => {
		const { user, db, meetingId } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(agendaSchema), { id: 'agenda' });
		if (!form.valid) return fail(400, { agendaForm: form });
		const r = await addAgendaItem(db, user, meetingId, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, { type: 'success', key: 'councils.meeting.agendaAdded' });
	},
	material: async (event) => {
		const { user, db, meetingId } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(materialSchema), { id: 'material' });
		if (!form.valid) return fail(400, { materialForm: form });
		const r = await addMaterial(db, user, meetingId, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, { type: 'success', key: 'councils.meeting.materialAdded' });
	},
	send: async (event) => {
		const { user, db, origin, meetingId } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(sendSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.invalid' });
		const r = await sendMeetingMail(db, user, origin, meetingId, form.data.kind);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.meeting.sent', count: r.sent };
	},
	attendance: async (event) => {
		const { user, db, meetingId } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(attendanceSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.not_member' });
		const r = await recordAttendance(db, user, meetingId, form.data.memberIds);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.meeting.attendanceSaved', count: r.present };
	},
	minutes: async (event) => {
		const { user, db, meetingId } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(minutesSchema), { id: 'minutes' });
		if (!form.valid) return fail(400, { minutesForm: form });
		const r = await saveMinutes(db, user, meetingId, form.data.minutes);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, { type: 'success', key: 'councils.meeting.minutesSaved' });
	},
	draft: async (event) => {
		const { user, db, meetingId } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(statementSchema), { id: 'statement' });
		if (!form.valid) return fail(400, { statementForm: form });
		const r = await saveDraft(db, user, {
			meetingId,
			statementId: form.data.statementId === '' ? null : Number(form.data.statementId),
			body: form.data.body
		});
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, { type: 'success', key: 'councils.statements.saved' });
	},
	decide: async (event) => {
		const { user, db } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(statementActionSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.invalid' });
		const r = await decideStatement(db, user, form.data.statementId, form.data.action);
		if (!r.ok) return refused(r.error);
		return {
			done:
				form.data.action === 'approve'
					? 'councils.statements.approved'
					: 'councils.statements.reopened'
		};
	},
	expense: async (event) => {
		const { user, db, meetingId } = await meetingOf(event);
		const form = await superValidate(event.request, zod4(expenseSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.amount' });
		const r = await recordExpense(db, user, meetingId, form.data);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.fees.expenseSaved' };
	},
	close: async (event) => {
		const { user, db, meetingId } = await meetingOf(event);
		const r = await closeMeeting(db, user, meetingId);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.meeting.closedNow', count: r.fees };
	}
};
