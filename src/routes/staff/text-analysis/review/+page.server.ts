import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runtime } from '$lib/server/runtime';
import { localName } from '$lib/i18n';
import { requireFeedbackScope } from '$lib/server/feedback';
import {
	STAGES,
	confirmSchema,
	correctSchema,
	listThemes,
	reviewAnswer,
	reviewQueue,
	type ReviewError
} from '$lib/server/textanalysis';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const locale = event.locals.locale;
	const { scope } = await requireFeedbackScope(event, db, locale);
	const all = event.url.searchParams.get('all') === '1';
	const [queue, themes] = await Promise.all([
		reviewQueue(db, scope.unitIds, { all, limit: 30 }),
		listThemes(db, { activeOnly: true })
	]);
	const unitName = new Map(scope.lines.flatMap((l) => l.units).map((u) => [u.id, u.name]));
	return {
		all,
		waiting: queue.waiting,
		items: queue.items.map((i) => ({ ...i, unit: unitName.get(i.unitId) ?? '' })),
		themes: themes.map((t) => ({ id: t.id, name: localName(t, locale) })),
		stages: STAGES.map((s) => ({ id: s.id, name: s[locale] }))
	};
};

const status = (e: ReviewError) => (e === 'forbidden' ? 403 : e === 'ref' ? 404 : 400);

async function act(event: RequestEvent, kind: 'confirm' | 'correct') {
	const { db } = await runtime();
	const { user } = await requireFeedbackScope(event, db, event.locals.locale);
	if (kind === 'confirm') {
		const form = await superValidate(event.request, zod4(confirmSchema));
		if (!form.valid) return fail(400, { form });
		const r = await reviewAnswer(db, user, { action: 'confirm', ref: form.data.ref });
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `textanalysis.errors.${r.error}` },
				{ status: status(r.error) }
			);
		return message(form, { type: 'success', key: 'textanalysis.review.confirmed' });
	}
	const form = await superValidate(event.request, zod4(correctSchema));
	if (!form.valid) return fail(400, { form });
	const r = await reviewAnswer(db, user, { action: 'correct', ...form.data });
	if (!r.ok)
		return message(
			form,
			{ type: 'error', key: `textanalysis.errors.${r.error}` },
			{ status: status(r.error) }
		);
	return message(form, { type: 'success', key: 'textanalysis.review.corrected' });
}

export const actions: Actions = {
	confirm: (event) => act(event, 'confirm'),
	correct: (event) => act(event, 'correct')
};
