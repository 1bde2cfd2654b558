import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	computeMapNow,
	importPolis,
	parsePolisImport,
	PolisCsvError,
	PolisFileUnreadable
} from '$lib/server/conversations';
import { MAX_UPLOAD_BYTES } from '$lib/server/core/http/upload-limit';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'conversation_moderator');
	return {};
};

/** Bytes, not text(): the CSV layer decides between UTF-8 and Windows-1252. */
async function bytes(v: FormDataEntryValue | null): Promise<Uint8Array | null> {
	if (!v || typeof v === 'string' || v.size === 0) return null;
	return new Uint8Array(await v.arrayBuffer());
}

/** The files of one import together: they share one request body. */
function uploadedBytes(form: FormData): number {
	return ['comments', 'participantsVotes', 'summary']
		.map((k) => form.get(k))
		.reduce((n, v) => n + (v && typeof v !== 'string' ? v.size : 0), 0);
}

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const form = await event.request.formData();
		const topic = String(form.get('topic') ?? '').slice(0, 200);
		if (uploadedBytes(form) > MAX_UPLOAD_BYTES)
			return fail(413, { topic, error: { key: 'conversations.errors.fileTooLarge', detail: '' } });
		const comments = await bytes(form.get('comments'));
		const participantsVotes = await bytes(form.get('participantsVotes'));
		const summary = await bytes(form.get('summary'));
		if (!comments || !participantsVotes) {
			return fail(400, { topic, error: { key: 'conversations.errors.fileMissing', detail: '' } });
		}
		let parsed;
		try {
			parsed = parsePolisImport(
				{ comments, participantsVotes, summary: summary ?? undefined },
				topic
			);
		} catch (e) {
			if (e instanceof PolisFileUnreadable) {
				return fail(400, { topic, error: { key: e.key, detail: e.file } });
			}
			if (e instanceof PolisCsvError) {
				return fail(400, { topic, error: { key: 'conversations.errors.csv', detail: e.message } });
			}
			throw e;
		}
		const { db } = await runtime();
		const id = await importPolis(db, user.id, parsed);
		await computeMapNow(db, id);
		redirect(303, `/staff/conversations/${id}`);
	}
};
