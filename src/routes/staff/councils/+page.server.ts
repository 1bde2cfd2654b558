import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { STAFF_ROLES } from '$lib/server/core/auth/roles';
import { listServiceLines } from '$lib/server/core/org';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	bodySchema,
	coordinatorOptions,
	createBody,
	createRequest,
	listBodies,
	mayCreateBodies,
	requestSchema,
	requestsBy,
	statusOf
} from '$lib/server/councils';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, [...STAFF_ROLES]);
	const { db } = await runtime();
	const canCreate = mayCreateBodies(user);
	const locale = event.locals.locale;
	const bodyForm = await superValidate(zod4(bodySchema), { errors: false, id: 'body' });
	bodyForm.data.termStartsOn = helsinkiDay(new Date());
	return {
		canCreate,
		bodies: await listBodies(db),
		requests: await requestsBy(db, user.id),
		lines: (await listServiceLines(db)).map((l) => ({ id: l.id, name: localName(l, locale) })),
		coordinatorOptions: canCreate ? await coordinatorOptions(db) : [],
		bodyForm,
		requestForm: await superValidate(zod4(requestSchema), { errors: false, id: 'request' })
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, [...STAFF_ROLES]);
		const form = await superValidate(event.request, zod4(bodySchema), { id: 'body' });
		if (!form.valid) return fail(400, { bodyForm: form });
		const { db } = await runtime();
		const r = await createBody(db, user, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		redirect(303, `/staff/councils/${r.id}`);
	},
	request: async (event) => {
		const user = requireRole(event, [...STAFF_ROLES]);
		const form = await superValidate<typeof requestSchema._zod.output, FormMessage>(
			event.request,
			zod4(requestSchema),
			{ id: 'request' }
		);
		if (!form.valid) return fail(400, { requestForm: form });
		const { db } = await runtime();
		const r = await createRequest(db, user, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `councils.errors.${r.error}` },
				{ status: statusOf(r.error) }
			);
		return message(form, { type: 'success', key: 'councils.requests.sent' });
	}
};
