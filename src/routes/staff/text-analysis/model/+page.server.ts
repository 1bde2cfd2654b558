import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { localName } from '$lib/i18n';
import {
	STAGES,
	listThemes,
	modelEvaluation,
	modelHistory,
	requestRetrain,
	retrainPending,
	retrainSchema
} from '$lib/server/textanalysis';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const { db } = await runtime();
	const locale = event.locals.locale;
	const raw = event.url.searchParams.get('version');
	const version = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
	const [evaluation, history, pending, themes] = await Promise.all([
		modelEvaluation(db, version),
		modelHistory(db),
		retrainPending(db),
		listThemes(db)
	]);
	const names: Record<string, string> = {};
	for (const t of themes) names[`theme:${t.id}`] = localName(t, locale);
	for (const s of STAGES) names[`stage:${s.id}`] = s[locale];
	return { evaluation, history, pending, names };
};

export const actions: Actions = {
	retrain: async (event) => {
		const user = requireUser(event);
		const { db } = await runtime();
		const form = await superValidate(event.request, zod4(retrainSchema));
		if (!form.valid) return fail(400, { form });
		const r = await requestRetrain(db, user);
		if (!r.ok) {
			return message(
				form,
				{ type: 'error', key: `textanalysis.errors.${r.error}` },
				{ status: r.error === 'forbidden' ? 403 : 409 }
			);
		}
		return message(form, { type: 'success', key: 'textanalysis.model.requested' });
	}
};
