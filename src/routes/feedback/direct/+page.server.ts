import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import {
	allowIntake,
	caseSchema,
	getUnitByCode,
	linesWithUnits,
	submitDirectFeedback
} from '$lib/server/feedback';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await runtime();
	const unitCode = url.searchParams.get('unit');
	const unit = unitCode ? await getUnitByCode(db, unitCode) : undefined;
	const form = await superValidate(
		{ clientId: randomUUID(), kind: 'praise', unit: unit?.id },
		zod4(caseSchema),
		{ errors: false }
	);
	return { form, lines: await linesWithUnits(db, locals.locale) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(caseSchema));
		if (!form.valid) return fail(400, { form });
		if (!(await allowIntake(locals.clientIp)).allowed) return fail(429, { form });
		const { db, config } = await runtime();
		const r = await submitDirectFeedback(db, config.origin, form.data, locals.locale);
		if (!r.ok) return setError(form, r.field, r.key);
		const sent = new URLSearchParams({ reply: r.reply });
		if (r.reply !== 'none') sent.set('case', r.caseNumber);
		if (r.dueDay) sent.set('due', r.dueDay);
		redirect(303, `/feedback/direct/sent?${sent}`);
	}
};
