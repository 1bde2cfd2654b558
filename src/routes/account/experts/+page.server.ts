import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { listMunicipalities } from '$lib/server/core/org';
import { localName } from '$lib/i18n';
import {
	addTraining,
	answerAsExpert,
	answerSchema,
	feedbackSchema,
	giveFeedback,
	idSchema,
	ownProfile,
	profileSchema,
	removeTraining,
	saveOwnProfile,
	setPaused,
	trainingSchema,
	type ProfileInput
} from '$lib/server/experts';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const p = await ownProfile(db, user.id);
	const locale = event.locals.locale;
	const start: Partial<ProfileInput> = p
		? {
				kind: p.kind,
				firstName: p.first_name,
				phone: p.phone,
				areas: (p.pending_areas ?? p.areas) as ProfileInput['areas'],
				services: p.services,
				languages: p.languages as ProfileInput['languages'],
				municipalities: p.municipalities,
				ways: p.ways as ProfileInput['ways'],
				meeting: p.meeting as ProfileInput['meeting'],
				availableFrom: p.available_from ?? '',
				availableUntil: p.available_until ?? ''
			}
		: { firstName: user.displayName.split(' ')[0] ?? '' };
	return {
		profile: p && {
			status: p.status,
			paused: p.paused,
			areasPending: p.pending_areas !== null,
			approvedAreas: p.areas
		},
		trainings: p?.trainings ?? [],
		assignments: (p?.assignments ?? []).map((a) => ({
			id: a.id,
			status: a.status,
			startsAt: a.starts_at.toISOString(),
			endsAt: a.ends_at.toISOString(),
			project: a.project,
			purpose: a.purpose,
			format: a.format,
			unit: localName(a, locale),
			hours: a.hours,
			fee: a.fee,
			travel: a.travel,
			feedback: a.expert_feedback
		})),
		municipalities: (await listMunicipalities(db)).map((m) => ({
			code: m.code,
			name: locale === 'sv' ? m.name_sv : m.name_fi
		})),
		form: await superValidate(start, zod4(profileSchema), { errors: false, id: 'profile' }),
		trainingForm: await superValidate(zod4(trainingSchema), { id: 'training' })
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(profileSchema), { id: 'profile' });
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await saveOwnProfile(db, user, form.data);
		return message(form, {
			type: 'success',
			key: r.areasPending ? 'experts.account.savedPending' : 'experts.account.saved'
		});
	},
	pause: async (event) => {
		const user = requireUser(event);
		const { db } = await runtime();
		if (!(await setPaused(db, user, true))) return fail(404, { error: 'experts.errors.noProfile' });
		return { paused: true };
	},
	resume: async (event) => {
		const user = requireUser(event);
		const { db } = await runtime();
		if (!(await setPaused(db, user, false)))
			return fail(404, { error: 'experts.errors.noProfile' });
		return { paused: false };
	},
	training: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(trainingSchema), { id: 'training' });
		// Field errors show beside their fields; the page also says it at the top (a bad hidden
		// field, or someone without a profile, whose page has no training form, would see nothing).
		if (!form.valid) return fail(400, { trainingForm: form, error: 'validation.invalid' });
		const { db } = await runtime();
		const r = await addTraining(db, user, form.data);
		if (!r.ok) {
			if (r.error === 'future') return setError(form, 'completedOn', 'experts.errors.future');
			return message(form, { type: 'error', key: 'experts.errors.noProfile' }, { status: 400 });
		}
		return message(form, { type: 'success', key: 'experts.account.trainingAdded' });
	},
	removeTraining: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(idSchema));
		if (!form.valid) return fail(400, { error: 'validation.invalid' });
		const { db } = await runtime();
		if (!(await removeTraining(db, user, form.data.id)))
			return fail(404, { error: 'experts.errors.notFound' });
		return { removed: true };
	},
	answer: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(answerSchema));
		if (!form.valid) return fail(400, { error: 'validation.invalid' });
		const { db, config } = await runtime();
		const r = await answerAsExpert(db, user, form.data.id, form.data.answer, config.origin);
		if (!r.ok)
			return fail(r.error === 'not_found' ? 404 : 409, { error: `experts.errors.${r.error}` });
		return { answered: r.answer };
	},
	feedback: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(feedbackSchema));
		const feedbackFor = Number(form.data.id) || null;
		if (!form.valid)
			return fail(400, { feedbackFor, error: form.errors.feedback?.[0] ?? 'validation.invalid' });
		const { db } = await runtime();
		const r = await giveFeedback(db, user, 'expert', form.data);
		if (!r.ok)
			return fail(r.error === 'not_found' ? 404 : 409, {
				feedbackFor,
				error: `experts.errors.${r.error}`
			});
		return { feedbackFor, saved: true };
	}
};
