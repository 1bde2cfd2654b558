import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { loadPublicSurvey, surveyFormAdapter } from '$lib/server/feedback';
import { allowIntake, IntakeError, submitResponses } from '$lib/server/feedback';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const { db } = await runtime();
	const data = await loadPublicSurvey(
		db,
		params.unit,
		url.searchParams.get('survey'),
		locals.locale
	);
	// A fresh id per rendered form: pressing send twice, or resending after a dropped
	// connection, stores the answer once.
	return {
		...data,
		clientId: randomUUID(),
		channel: url.searchParams.get('c') === 'qr' ? 'qr' : 'web'
	};
};

export const actions: Actions = {
	default: async ({ request, params, url, locals }) => {
		const { db } = await runtime();
		const survey = await loadPublicSurvey(
			db,
			params.unit,
			url.searchParams.get('survey'),
			locals.locale
		);
		const form = await superValidate(request, surveyFormAdapter(survey.survey, survey.questions));
		const data = form.data as Record<string, string>;
		// The answers given (blank ones are no answer), kept for the page after a refusal.
		const values: Record<string, string> = {};
		for (const q of survey.questions) if (data[q.key]) values[q.key] = data[q.key];
		if (!form.valid) {
			const errors: Record<string, string> = {};
			for (const [k, v] of Object.entries(form.errors))
				if (Array.isArray(v) && v[0]) errors[k === 'clientId' ? 'form' : k] = v[0];
			return fail(400, { values, errors });
		}
		if (!(await allowIntake(locals.clientIp)).allowed)
			return fail(429, { values, errors: { form: 'feedback.errors.rateLimited' } });
		try {
			await submitResponses(db, [
				{
					clientId: data.clientId,
					unitId: survey.unit.id,
					surveyId: survey.survey.id,
					channel: data.channel === 'qr' ? 'qr' : 'web',
					answers: values,
					locale: locals.locale
				}
			]);
		} catch (e) {
			if (e instanceof IntakeError && e.code === 'invalid') {
				const problems = e.details.problems as { errors: Record<string, string> }[];
				return fail(400, { values, errors: problems[0]?.errors ?? {} });
			}
			throw e;
		}
		redirect(303, `/feedback/thanks?unit=${encodeURIComponent(params.unit)}`);
	}
};
