import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { checkMemberCsv, importMembers, MAX_IMPORT_BYTES } from '$lib/server/pool';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'pool_coordinator');
	return {};
};

async function readFile(request: Request) {
	const data = await request.formData();
	const file = data.get('file');
	if (!(file instanceof File) || file.size === 0) return { error: 'pool.import.noFile' };
	if (file.size > MAX_IMPORT_BYTES) return { error: 'pool.import.tooLarge' };
	// Bytes, not file.text(): the CSV layer decides between UTF-8 and Windows-1252.
	return {
		bytes: new Uint8Array(await file.arrayBuffer()),
		consent: data.get('consentKept') === 'on'
	};
}

/** The first bad rows and a preview of good ones; the page need not carry 50 000 rows. */
function summary(check: Awaited<ReturnType<typeof checkMemberCsv>>) {
	return {
		fileError: check.fileError ?? null,
		total: check.rows.length + check.errors.length,
		errorCount: check.errors.length,
		errors: check.errors.slice(0, 200),
		preview: check.rows.slice(0, 10).map((r) => ({
			line: r.line,
			name: r.name,
			email: r.email,
			municipality: r.municipality,
			birth_year: r.birth_year
		}))
	};
}

export const actions: Actions = {
	preview: async (event) => {
		requireRole(event, 'pool_coordinator');
		const f = await readFile(event.request);
		if ('error' in f) return fail(400, { error: f.error });
		const { db } = await runtime();
		const check = await checkMemberCsv(db, f.bytes);
		return { mode: 'preview', ...summary(check) };
	},
	import: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const f = await readFile(event.request);
		if ('error' in f) return fail(400, { error: f.error });
		if (!f.consent) return fail(400, { error: 'pool.import.needConsent' });
		const { db } = await runtime();
		const result = await importMembers(db, user.id, f.bytes);
		if (!result.ok) return fail(400, { mode: 'import', ...summary(result) });
		return { mode: 'import', imported: result.imported, ...summary(result) };
	}
};
