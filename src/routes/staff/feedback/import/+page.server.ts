import { fail } from '@sveltejs/kit';
import { superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { MAX_UPLOAD_MB, uploadedForm } from '$lib/server/core/http/upload-limit';
import {
	importCsvAsStaff,
	requireFeedbackScope,
	responsesImportSchema
} from '$lib/server/feedback';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	await requireFeedbackScope(event, db, event.locals.locale);
	return {
		form: await superValidate(zod4(responsesImportSchema), { errors: false }),
		maxMb: MAX_UPLOAD_MB
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db } = await runtime();
		const { user, scope } = await requireFeedbackScope(event, db, event.locals.locale);
		const form = await superValidate(
			await uploadedForm(event.request),
			zod4(responsesImportSchema)
		);
		if (!form.valid) return fail(400, { form: withFiles(form) });
		// Bytes, not file.text(): the CSV layer decides between UTF-8 and Windows-1252.
		const bytes = new Uint8Array(await form.data.file.arrayBuffer());
		const result = await importCsvAsStaff(db, user.id, bytes, scope.unitIds);
		if (!result.ok) return fail(400, { form: withFiles(form), problems: result.problems });
		return withFiles({
			form,
			done: { stored: result.stored, duplicates: result.duplicates }
		});
	}
};
