import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireFeedbackScope, importCsv } from '$lib/server/feedback';
import { recordAudit } from '$lib/server/core/audit';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '$lib/server/core/http/upload-limit';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	await requireFeedbackScope(event, db, event.locals.locale);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { db } = await runtime();
		const { user, scope } = await requireFeedbackScope(event, db, event.locals.locale);
		const fd = await event.request.formData();
		const file = fd.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { problems: [{ key: 'feedback.import.noFile', params: {} }] });
		if (file.size > MAX_UPLOAD_BYTES)
			return fail(400, {
				problems: [{ key: 'feedback.import.tooLarge', params: { mb: MAX_UPLOAD_MB } }]
			});
		// Bytes, not file.text(): the CSV layer decides between UTF-8 and Windows-1252.
		const result = await importCsv(db, new Uint8Array(await file.arrayBuffer()), scope.unitIds);
		if (!result.ok) return fail(400, { problems: result.problems });
		await recordAudit(db, {
			actorUserId: user.id,
			action: 'feedback.import',
			entityType: 'feedback_response',
			details: { stored: result.stored, duplicates: result.duplicates }
		});
		return { done: { stored: result.stored, duplicates: result.duplicates } };
	}
};
