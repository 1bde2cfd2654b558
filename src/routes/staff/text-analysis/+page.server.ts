import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { localName } from '$lib/i18n';
import { requireFeedbackScope } from '$lib/server/feedback';
import {
	findingSchema,
	listThemes,
	risingThemes,
	sendRisingTheme,
	themeCounts,
	themeExamples,
	toneCounts
} from '$lib/server/textanalysis';

const MONTHS = 6;

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const locale = event.locals.locale;
	const { scope } = await requireFeedbackScope(event, db, locale);
	const units = scope.lines.flatMap((l) => l.units);
	const rawUnit = Number(event.url.searchParams.get('unit'));
	const unitIds = units.some((u) => u.id === rawUnit) ? [rawUnit] : scope.unitIds;
	const from = new Date();
	from.setUTCMonth(from.getUTCMonth() - (MONTHS - 1), 1);
	from.setUTCHours(0, 0, 0, 0);
	const [themes, counts, tones, rising, examples] = await Promise.all([
		listThemes(db),
		themeCounts(db, unitIds, from),
		toneCounts(db, unitIds, from),
		risingThemes(db, unitIds),
		themeExamples(db, unitIds)
	]);
	return {
		units: units.map((u) => ({ id: u.id, name: u.name })),
		unit: unitIds.length === 1 && units.length > 1 ? unitIds[0] : null,
		themes: themes.map((t) => ({ id: t.id, name: localName(t, locale), active: t.active })),
		counts,
		tones,
		rising: rising.slice(0, 10),
		examples
	};
};

export const actions: Actions = {
	finding: async (event) => {
		const { db } = await runtime();
		const { user } = await requireFeedbackScope(event, db, event.locals.locale);
		const form = await superValidate(event.request, zod4(findingSchema));
		if (!form.valid)
			return message(form, { type: 'error', key: 'validation.invalid' }, { status: 400 });
		const r = await sendRisingTheme(db, user, form.data);
		if (!r.ok) {
			return message(
				form,
				{ type: 'error', key: `textanalysis.errors.${r.error}` },
				{ status: r.error === 'forbidden' ? 403 : 400 }
			);
		}
		return message(form, { type: 'success', key: 'textanalysis.dashboard.sent' });
	}
};
