import { fail } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { uploadedForm } from '$lib/server/core/http/upload-limit';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	populationSchema,
	questionSchema,
	questionToggleSchema,
	importPopulation
} from '$lib/server/pool';
import { addQuestion, parseOptions, setQuestionActive } from '$lib/server/pool';
import { listPopulation, listQuestions } from '$lib/server/pool';
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
		if (!form.valid) return fail(400, { form: withFiles(form) });
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
		const toggle = await superValidate(event.request, zod4(questionToggleSchema));
		if (!toggle.valid) return fail(400, { toggleError: 'validation.invalid' });
		const { db } = await runtime();
		await setQuestionActive(db, admin.id, toggle.data.id, toggle.data.active === 'true');
		return {};
	},
	population: async (event) => {
		const admin = requireRole(event, 'admin');
		const popForm = await superValidate(await uploadedForm(event.request), zod4(populationSchema));
		if (!popForm.valid) return fail(400, { popForm: withFiles(popForm) });
		const { db } = await runtime();
		const bytes = new Uint8Array(await popForm.data.file.arrayBuffer());
		const r = await importPopulation(db, admin.id, bytes);
		if (!r.ok) return fail(400, { popForm: withFiles(popForm), popErrors: r.errors.slice(0, 100) });
		return withFiles({ popForm, popImported: r.count });
	}
};
