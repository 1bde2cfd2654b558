import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { MAX_UPLOAD_BYTES, uploadedForm } from '$lib/server/core/http/upload-limit';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	computeMapNow,
	importPolis,
	parsePolisImport,
	polisImportSchema,
	PolisCsvError,
	PolisFileUnreadable
} from '$lib/server/conversations';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'conversation_moderator');
	return { form: await superValidate(zod4(polisImportSchema), { errors: false }) };
};

/** Bytes, not text(): the CSV layer decides between UTF-8 and Windows-1252. */
const bytes = async (f: File) => new Uint8Array(await f.arrayBuffer());

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const form = await superValidate<typeof polisImportSchema._zod.output, FormMessage>(
			await uploadedForm(event.request),
			zod4(polisImportSchema)
		);
		if (!form.valid) return fail(400, { form: withFiles(form) });
		const { comments, participantsVotes, summary, topic } = form.data;
		// The files of one import share one request body, so the limit is for them together.
		if (comments.size + participantsVotes.size + (summary?.size ?? 0) > MAX_UPLOAD_BYTES)
			return setError(form, 'comments', 'conversations.errors.fileTooLarge', { status: 413 });
		let parsed;
		try {
			parsed = parsePolisImport(
				{
					comments: await bytes(comments),
					participantsVotes: await bytes(participantsVotes),
					summary: summary ? await bytes(summary) : undefined
				},
				topic
			);
		} catch (e) {
			const key =
				e instanceof PolisFileUnreadable
					? { key: e.key, params: { detail: e.file } }
					: e instanceof PolisCsvError
						? { key: 'conversations.errors.csv', params: { detail: e.message } }
						: null;
			if (!key) throw e;
			return message(form, { type: 'error', ...key }, { status: 400 });
		}
		const { db } = await runtime();
		const id = await importPolis(db, user.id, parsed);
		await computeMapNow(db, id);
		redirect(303, `/staff/conversations/${id}`);
	}
};
