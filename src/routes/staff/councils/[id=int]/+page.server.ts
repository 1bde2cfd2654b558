import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { STAFF_ROLES } from '$lib/server/core/auth/roles';
import { helsinkiDay, helsinkiDayAfter } from '$lib/server/core/time';
import { parseInt4Id } from '$lib/validation';
import { queryMembers } from '$lib/server/pool';
import {
	acceptRequest,
	acceptSchema,
	addCandidate,
	addMember,
	answerRequest,
	answerSchema,
	bodyPage,
	candidateSchema,
	createMeeting,
	createRequest,
	declineRequest,
	declineSchema,
	endMemberSchema,
	endMembership,
	meetingSchema,
	memberSchema,
	recruitFromPool,
	recruitSchema,
	requestSchema,
	statusOf,
	type CouncilError
} from '$lib/server/councils';

function bodyId(event: { params: { id: string } }) {
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	return id;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, [...STAFF_ROLES]);
	const { db } = await runtime();
	const id = bodyId(event);
	const page = await bodyPage(db, user, id);
	if (!page) error(404, 'not found');
	const today = helsinkiDay(new Date());
	const requestForm = await superValidate(zod4(requestSchema), { errors: false, id: 'request' });
	requestForm.data.bodyId = id;
	const memberForm = await superValidate(zod4(memberSchema), { errors: false, id: 'member' });
	memberForm.data.startsOn = today;
	const recruitForm = await superValidate(zod4(recruitSchema), { errors: false, id: 'recruit' });
	recruitForm.data.deadline = helsinkiDayAfter(new Date(), 14);
	const meetingForm = await superValidate(zod4(meetingSchema), { errors: false, id: 'meeting' });
	meetingForm.data.day = helsinkiDayAfter(new Date(), 14);
	// Recruiting (coordinators only): the pool's active members found by name or topic (`?q=`).
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const found =
		page.canCoordinate && q
			? (await queryMembers(db, { q, status: ['active'] }, { limit: 20 })).rows.map((m) => ({
					id: m.id,
					name: m.name,
					municipality: m.municipality_code,
					birthYear: m.birth_year
				}))
			: null;
	return {
		...page,
		today,
		requestForm,
		search: { q, found },
		memberForm,
		recruitForm,
		meetingForm
	};
};

/** A refused change: the notice in the reader's language, nothing changed. */
const refused = (e: CouncilError) => fail(statusOf(e), { error: `councils.errors.${e}` });

async function setup(event: RequestEvent) {
	const user = requireRole(event, [...STAFF_ROLES]);
	const { db, config } = await runtime();
	return { user, db, origin: config.origin, id: bodyId(event) };
}

export const actions: Actions = {
	member: async (event) => {
		const { user, db, id } = await setup(event);
		const form = await superValidate(event.request, zod4(memberSchema), { id: 'member' });
		if (!form.valid) return fail(400, { memberForm: form });
		const r = await addMember(db, user, id, form.data);
		if (!r.ok && r.error === 'duplicate')
			return setError(form, 'email', 'councils.errors.duplicate');
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, { type: 'success', key: 'councils.members.added' });
	},
	candidate: async (event) => {
		const { user, db, id } = await setup(event);
		const form = await superValidate(event.request, zod4(candidateSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.date' });
		const r = await addCandidate(db, user, id, form.data);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.members.added' };
	},
	end: async (event) => {
		const { user, db, id } = await setup(event);
		const form = await superValidate(event.request, zod4(endMemberSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.date' });
		const r = await endMembership(db, user, id, form.data);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.members.ended' };
	},
	recruit: async (event) => {
		const { user, db, id, origin } = await setup(event);
		const form = await superValidate(event.request, zod4(recruitSchema), { id: 'recruit' });
		if (!form.valid) return fail(400, { recruitForm: form });
		const page = await bodyPage(db, user, id);
		if (!page) error(404, 'not found');
		const r = await recruitFromPool(db, user, origin, id, page.body, form.data);
		if (!r.ok && r.error === 'past') return setError(form, 'deadline', 'councils.errors.past');
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, {
			type: 'success',
			key: 'councils.recruit.sent',
			params: { count: r.recipients }
		});
	},
	meeting: async (event) => {
		const { user, db, id } = await setup(event);
		const form = await superValidate(event.request, zod4(meetingSchema), { id: 'meeting' });
		if (!form.valid) return fail(400, { meetingForm: form });
		const r = await createMeeting(db, user, id, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		redirect(303, `/staff/councils/${id}/meetings/${r.id}`);
	},
	request: async (event) => {
		const { user, db } = await setup(event);
		const form = await superValidate(event.request, zod4(requestSchema), { id: 'request' });
		if (!form.valid) return fail(400, { requestForm: form });
		const r = await createRequest(db, user, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, { type: 'success', key: 'councils.requests.sent' });
	},
	accept: async (event) => {
		const { user, db, origin } = await setup(event);
		const form = await superValidate(event.request, zod4(acceptSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.meeting' });
		const r = await acceptRequest(db, user, origin, form.data.requestId, form.data.meetingId);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.requests.accepted' };
	},
	decline: async (event) => {
		const { user, db, origin } = await setup(event);
		const form = await superValidate(event.request, zod4(declineSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.reason' });
		const r = await declineRequest(db, user, origin, form.data.requestId, form.data.reason);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.requests.declined' };
	},
	answer: async (event) => {
		const { user, db, origin } = await setup(event);
		const form = await superValidate(event.request, zod4(answerSchema));
		if (!form.valid) return fail(400, { error: 'councils.errors.answer' });
		const r = await answerRequest(db, user, origin, form.data.requestId, form.data.answer);
		if (!r.ok) return refused(r.error);
		return { done: 'councils.requests.answered' };
	}
};
