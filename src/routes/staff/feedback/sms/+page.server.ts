import { error, fail } from '@sveltejs/kit';
import { superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { translate } from '$lib/server/core/i18n/translate';
import { endOfHelsinkiDay, startOfHelsinkiDay } from '$lib/server/core/time';
import { MAX_UPLOAD_MB, uploadedForm } from '$lib/server/core/http/upload-limit';
import { runtime } from '$lib/server/runtime';
import {
	listVisitSources,
	readFilter,
	recordVisitsCsv,
	requireFeedbackScope,
	selectedUnits,
	smsOverview,
	visitCsvUploadSchema
} from '$lib/server/feedback';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const { scope } = await requireFeedbackScope(event, db, event.locals.locale);
	const filter = readFilter(event.url);
	if (filter.invalid) error(400, translate(event.locals.locale, filter.invalid));
	const units = selectedUnits(scope, filter);
	return {
		filter,
		lines: scope.lines,
		overview: await smsOverview(
			db,
			units,
			startOfHelsinkiDay(filter.from),
			new Date(endOfHelsinkiDay(filter.to).getTime() + 1)
		),
		sources: (await listVisitSources(db))
			.filter((s) => s.active)
			.map((s) => ({ id: s.id, name: s.name })),
		form: await superValidate(zod4(visitCsvUploadSchema), { errors: false }),
		maxMb: MAX_UPLOAD_MB
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const { db } = await runtime();
		const { user, scope } = await requireFeedbackScope(event, db, event.locals.locale);
		const form = await superValidate(await uploadedForm(event.request), zod4(visitCsvUploadSchema));
		if (!form.valid) return fail(400, { form: withFiles(form) });
		const sources = await listVisitSources(db);
		if (!sources.some((s) => s.id === form.data.source && s.active))
			return fail(400, {
				form: withFiles(form),
				problems: [{ row: 0, field: 'source', message: 'feedback.visits.errors.source' }]
			});
		const bytes = new Uint8Array(await form.data.file.arrayBuffer());
		const r = await recordVisitsCsv(db, form.data.source, bytes, {
			actorUserId: user.id,
			allowedUnitIds: scope.unitIds
		});
		if (!r.ok) return fail(400, { form: withFiles(form), problems: r.problems });
		return withFiles({
			form,
			done: { stored: r.stored, duplicates: r.duplicates, excluded: r.excluded }
		});
	}
};
