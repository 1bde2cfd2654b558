import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { listMunicipalities, listServiceLines, listUnits } from '$lib/server/core/org';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	activitySchema,
	addActivityFindings,
	addFindingsSchema,
	createActivity,
	handActivities,
	isCoordinator
} from '$lib/server/impact';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const locale = event.locals.locale;
	const today = helsinkiDay(new Date());
	return {
		coordinator: isCoordinator(user),
		today,
		// "Invite from the pool" opens the pool's invitation form filled in for the activity; the
		// members who accept hear when its findings move.
		activities: (await handActivities(db)).map((a) => ({
			...a,
			findings: Number(a.findings),
			poolInvite: `/staff/pool/invitations/new?${new URLSearchParams({
				activityType: a.source_type,
				// The activity's source key, as the tracker matches the pool's answers to it.
				activityId: a.source_id ?? String(a.id),
				title: a.topic,
				link: `/sanoitte-teimme/${a.id}`
			})}`
		})),
		serviceLines: (await listServiceLines(db)).map((l) => ({
			id: l.id,
			name: localName(l, locale)
		})),
		municipalities: (await listMunicipalities(db)).map((m) => ({
			code: m.code,
			name: locale === 'sv' ? m.name_sv || m.name_fi : m.name_fi
		})),
		units: (await listUnits(db)).map((u) => ({ id: u.id, name: localName(u, locale) })),
		form: await superValidate({ startsOn: today }, zod4(activitySchema), {
			errors: false,
			id: 'activity'
		}),
		findingsForm: await superValidate(zod4(addFindingsSchema), { id: 'findings' })
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(activitySchema), { id: 'activity' });
		if (!isCoordinator(user))
			return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await createActivity(db, user, form.data, helsinkiDay(new Date()));
		if (!r.ok) {
			if (r.error === 'forbidden')
				return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
			if (r.error === 'serviceLine')
				return setError(form, 'serviceLines._errors', 'impact.errors.serviceLine');
			return setError(form, r.error, `impact.errors.${r.error}`);
		}
		return message(form, {
			type: 'success',
			key: 'impact.activities.created',
			params: { findings: r.findings, id: r.id }
		});
	},
	findings: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const form = await superValidate(data, zod4(addFindingsSchema), { id: 'findings' });
		if (!isCoordinator(user))
			return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
		const raw = String(data.get('activityId') ?? '');
		const id = /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
		if (!form.valid) return fail(400, { findingsForm: form });
		const { db } = await runtime();
		const n =
			id === null
				? null
				: await addActivityFindings(db, user, id, form.data.findings, helsinkiDay(new Date()));
		if (n === null) return setError(form, 'findings', 'impact.errors.unknown_activity');
		return message(form, {
			type: 'success',
			key: 'impact.activities.findingsAdded',
			params: { count: n }
		});
	}
};
