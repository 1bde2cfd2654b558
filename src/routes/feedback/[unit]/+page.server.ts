import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { loadPublicSurvey, IntakeError, submitResponses, allowIntake } from '$lib/server/feedback';

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
		const fd = await request.formData();
		const values: Record<string, string> = {};
		for (const q of survey.questions) {
			const v = fd.get(q.key);
			if (typeof v === 'string' && v !== '') values[q.key] = v;
		}
		const clientId = String(fd.get('clientId') ?? '');
		const channel = fd.get('channel') === 'qr' ? 'qr' : 'web';
		if (!/^[A-Za-z0-9:_-]{8,100}$/.test(clientId))
			return fail(400, { values, errors: { form: 'feedback.errors.clientId' } });
		if (!(await allowIntake(locals.clientIp)).allowed)
			return fail(429, { values, errors: { form: 'feedback.errors.rateLimited' } });
		try {
			await submitResponses(db, [
				{
					clientId,
					unitId: survey.unit.id,
					surveyId: survey.survey.id,
					channel,
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
