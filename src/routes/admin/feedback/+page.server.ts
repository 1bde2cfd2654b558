import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { listSurveys, createSurvey, parseQuestions } from '$lib/server/feedback';
import { localName } from '$lib/i18n';

const TEMPLATE = JSON.stringify(
	[
		{
			key: 'nps',
			type: 'nps',
			required: true,
			text: { fi: 'Kuinka todennäköisesti suosittelisit palvelua läheisillesi?', sv: '', en: '' }
		},
		{ key: 'q1', type: 'scale', max: 5, text: { fi: 'Kysymys asteikolla 1–5', sv: '', en: '' } },
		{ key: 'open', type: 'text', text: { fi: 'Mitä muuta haluat kertoa?', sv: '', en: '' } }
	],
	null,
	2
);

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const surveys = await listSurveys(db);
	return {
		template: TEMPLATE,
		surveys: surveys.map((s) => ({
			id: s.id,
			code: s.code,
			kind: s.kind,
			version: s.version,
			name: localName(s, event.locals.locale),
			questions: s.questions.length
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'admin');
		const fd = await event.request.formData();
		const get = (k: string) => String(fd.get(k) ?? '').trim();
		const values = {
			code: get('code'),
			name_fi: get('name_fi'),
			name_sv: get('name_sv'),
			name_en: get('name_en'),
			questions: get('questions')
		};
		const errors: Record<string, { key: string; params?: Record<string, string> }> = {};
		if (!/^[a-z0-9-]{3,40}$/.test(values.code)) errors.code = { key: 'feedback.errors.code' };
		if (!values.name_fi) errors.name_fi = { key: 'validation.required' };
		const q = parseQuestions(values.questions);
		if (!q.ok)
			errors.questions = { key: 'feedback.errors.questions', params: { detail: q.detail } };
		if (Object.keys(errors).length || !q.ok) return fail(400, { values, errors });
		const { db } = await runtime();
		const id = await createSurvey(db, user.id, {
			...values,
			name_sv: values.name_sv || values.name_fi,
			name_en: values.name_en || values.name_fi,
			questions: q.questions
		});
		if (!id) return fail(400, { values, errors: { code: { key: 'feedback.errors.code' } } });
		redirect(303, `/admin/feedback/${id}`);
	}
};
