import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseInt4Id } from '$lib/validation';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	questionSchema,
	addQuestion,
	parseOptions,
	setQuestionActive,
	importPopulation,
	listPopulation,
	listQuestions
} from '$lib/server/pool';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const [questions, population] = await Promise.all([listQuestions(db, false), listPopulation(db)]);
	return { form: await superValidate(zod4(questionSchema)), questions, population };
};

export const actions: Actions = {
	question: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await superValidate<typeof questionSchema._zod.output, FormMessage>(
			event.request,
			zod4(questionSchema)
		);
		if (!form.valid) return fail(400, { form });
		const options = parseOptions(form.data.options);
		// setError also marks the form invalid, so the page shows the message.
		if (!options) return setError(form, 'options', 'pool.admin.badOptions');
		const { db } = await runtime();
		await addQuestion(db, admin.id, {
			labelFi: form.data.labelFi,
			labelSv: form.data.labelSv,
			labelEn: form.data.labelEn,
			options
		});
		return message(form, { type: 'success', key: 'pool.admin.added' });
	},
	toggle: async (event) => {
		const admin = requireRole(event, 'admin');
		const data = await event.request.formData();
		const id = parseInt4Id(String(data.get('id') ?? ''));
		if (id === null) return fail(400, { toggleError: 'validation.invalid' });
		const { db } = await runtime();
		await setQuestionActive(db, admin.id, id, data.get('active') === 'true');
		return {};
	},
	population: async (event) => {
		const admin = requireRole(event, 'admin');
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { popErrors: [{ line: 0, key: 'pool.import.noFile' }] });
		if (file.size > 2 * 1024 * 1024)
			return fail(400, { popErrors: [{ line: 0, key: 'pool.import.tooLarge' }] });
		const { db } = await runtime();
		const r = await importPopulation(db, admin.id, new Uint8Array(await file.arrayBuffer()));
		if (!r.ok) return fail(400, { popErrors: r.errors.slice(0, 100) });
		return { popImported: r.count };
	}
};
