import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import {
	caseSchema,
	submitCase,
	allowIntake,
	linesWithUnits,
	getUnitByCode
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
		const unit = await db
			.selectFrom('unit')
			.select('id')
			.where('id', '=', form.data.unit)
			.where('active', '=', true)
			.executeTakeFirst();
		if (!unit) {
			form.errors.unit = ['feedback.errors.unit'];
			form.valid = false;
			return fail(400, { form });
		}
		const d = form.data;
		await submitCase(db, config.origin, {
			clientId: d.clientId,
			unitId: unit.id,
			kind: d.kind,
			body: d.body,
			replyRequested: d.replyRequested,
			contact: d.replyRequested ? { name: d.name, email: d.email, phone: d.phone } : undefined,
			locale: locals.locale
		});
		redirect(303, `/feedback/direct/sent?reply=${d.replyRequested ? 1 : 0}`);
	}
};
