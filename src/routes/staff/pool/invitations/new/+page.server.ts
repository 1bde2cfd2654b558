import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { invitationSchema } from '$lib/server/pool/pool.schemas';
import { createInvitation, replyDeadlineOf } from '$lib/server/pool/invitation.service';
import { helsinkiDayAfter } from '$lib/server/core/time';
import { searchMembers } from '$lib/server/pool/pool.queries';
import { filtersFromUrl } from '$lib/server/pool/form-data';
import type { FormMessage } from '$lib/forms';
import { translate } from '$lib/server/core/i18n/translate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACTIVITY_TYPES = ['conversation', 'panel', 'council', 'survey', 'workshop', 'other'] as const;
/** Query parameters another module's page sets to invite to its activity (not member filters). */
const ACTIVITY_PARAMS = ['activityType', 'activityId', 'title', 'link'];

/** The target is either hand-picked ids (`member`) or the search filters of the query string. */
function target(params: URLSearchParams) {
	const ids = params.getAll('member').filter((id) => UUID.test(id));
	const p = new URLSearchParams(params);
	for (const k of ['member', 'page', ...ACTIVITY_PARAMS]) p.delete(k);
	return { ids, filterQuery: p.toString() };
}

/** An activity handed over by its own module, e.g. a conversation's "invite from the pool". */
function activityFrom(params: URLSearchParams) {
	const type = params.get('activityType');
	const link = params.get('link') ?? '';
	return {
		activityType: ACTIVITY_TYPES.find((a) => a === type),
		activityId: (params.get('activityId') ?? '').slice(0, 100),
		title: (params.get('title') ?? '').slice(0, 200),
		// Only links into this portal are offered as the message's link.
		link: link.startsWith('/') && !link.startsWith('//') ? link.slice(0, 300) : ''
	};
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	const { ids, filterQuery } = target(event.url.searchParams);
	const form = await superValidate(zod4(invitationSchema), { errors: false });
	form.data.deadline = helsinkiDayAfter(Date.now(), 14);
	form.data.memberIds = ids.join(',');
	const activity = activityFrom(event.url.searchParams);
	if (activity.activityType) {
		form.data.activityType = activity.activityType;
		form.data.activityId = activity.activityId;
		form.data.title = activity.title;
		if (activity.link) {
			const url = `${(await runtime()).config.origin}${activity.link}`;
			form.data.messageFi = translate('fi', 'pool.invite.activityMessage', {
				title: activity.title,
				url
			});
			form.data.messageSv = translate('sv', 'pool.invite.activityMessage', {
				title: activity.title,
				url
			});
			form.data.messageEn = translate('en', 'pool.invite.activityMessage', {
				title: activity.title,
				url
			});
		}
	}
	const count = ids.length
		? ids.length
		: (
				await searchMembers(
					db,
					{ ...filtersFromUrl(new URLSearchParams(filterQuery)), status: ['active'] },
					{ limit: 1 }
				)
			).total;
	return { form, filterQuery, count, byList: ids.length > 0 };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const data = await event.request.formData();
		const form = await superValidate<typeof invitationSchema._zod.output, FormMessage>(
			data,
			zod4(invitationSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { db, config } = await runtime();
		const ids = form.data.memberIds.split(',').filter((id) => UUID.test(id));
		const filters = filtersFromUrl(new URLSearchParams(String(data.get('filterQuery') ?? '')));
		const replyDeadline = replyDeadlineOf(form.data.deadline);
		if (!replyDeadline)
			return fail(400, { form: { ...form, errors: { deadline: ['validation.invalid'] } } });
		const result = await createInvitation(db, user.id, config.origin, {
			activityType: form.data.activityType,
			activityId: form.data.activityId || null,
			title: form.data.title,
			messages: { fi: form.data.messageFi, sv: form.data.messageSv, en: form.data.messageEn },
			replyDeadline,
			maxAccepted: form.data.maxAccepted ? Number(form.data.maxAccepted) : null,
			...(ids.length ? { memberIds: ids } : { filters })
		});
		if (result.recipients === 0)
			return message(form, { type: 'error', key: 'pool.inv.noRecipients' }, { status: 400 });
		redirect(303, `/staff/pool/invitations/${result.id}?sent=${result.recipients}`);
	}
};
