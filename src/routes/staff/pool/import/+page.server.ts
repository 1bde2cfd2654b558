import { fail } from '@sveltejs/kit';
import { setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { uploadedForm } from '$lib/server/core/http/upload-limit';
import { requireRole } from '$lib/server/core/auth/guard';
import { checkMemberCsv, importMembers, importSummary, memberImportSchema } from '$lib/server/pool';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	return { form: await superValidate(zod4(memberImportSchema), { errors: false }) };
};

/** Bytes, not file.text(): the CSV layer decides between UTF-8 and Windows-1252. */
const bytes = async (f: File) => new Uint8Array(await f.arrayBuffer());

export const actions: Actions = {
	preview: async (event) => {
		requireRole(event, 'pool_coordinator');
		const form = await superValidate(await uploadedForm(event.request), zod4(memberImportSchema));
		if (!form.valid) return fail(400, { form: withFiles(form) });
		const { db } = await runtime();
		const check = await checkMemberCsv(db, await bytes(form.data.file));
		return withFiles({ form, mode: 'preview' as const, ...importSummary(check) });
	},
	import: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const form = await superValidate(await uploadedForm(event.request), zod4(memberImportSchema));
		if (!form.valid) return fail(400, { form: withFiles(form) });
		if (!form.data.consentKept) return setError(form, 'consentKept', 'pool.import.needConsent');
		const { db } = await runtime();
		const result = await importMembers(db, user.id, await bytes(form.data.file));
		if (!result.ok)
			return fail(400, withFiles({ form, mode: 'import' as const, ...importSummary(result) }));
		return withFiles({
			form,
			mode: 'import' as const,
			imported: result.imported,
			...importSummary(result)
		});
	}
};
