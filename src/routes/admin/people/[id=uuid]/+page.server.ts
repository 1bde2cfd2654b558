import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { grantRoleSchema, parseScope, revokeRoleSchema } from '$lib/server/core/auth/auth.schemas';
import {
	getPerson,
	grantRole,
	revokeRole,
	toggleDisabled
} from '$lib/server/core/auth/people.service';
import { describeRoles } from '$lib/server/core/auth/role-labels';
import { ROLES } from '$lib/server/core/auth/roles';
import { listServiceLines, listUnits } from '$lib/server/core/org';

async function loadPerson(id: string) {
	const { db } = await runtime();
	const person = await getPerson(db, id);
	if (!person) error(404, 'not found');
	return person;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const person = await loadPerson(event.params.id);
	const { db } = await runtime();
	return {
		person: {
			id: person.id,
			email: person.email,
			displayName: person.displayName,
			verified: person.verified,
			disabled: person.disabled
		},
		isSelf: person.id === event.locals.user?.id,
		roles: await describeRoles(db, person.roles),
		allRoles: ROLES,
		serviceLines: await listServiceLines(db),
		units: await listUnits(db),
		form: await superValidate(zod4(grantRoleSchema)),
		created: event.url.searchParams.get('created') === '1'
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const admin = requireRole(event, 'admin');
		const person = await loadPerson(event.params.id);
		const form = await superValidate(event.request, zod4(grantRoleSchema));
		if (!form.valid) return fail(400, { form, error: 'validation.invalid' });
		const { db } = await runtime();
		await grantRole(db, admin.id, {
			userId: person.id,
			role: form.data.role,
			...parseScope(form.data.scope)
		});
		return { form, done: 'core.admin.roleGranted' };
	},
	revoke: async (event) => {
		const admin = requireRole(event, 'admin');
		const person = await loadPerson(event.params.id);
		const form = await superValidate(event.request, zod4(revokeRoleSchema));
		if (!form.valid) return fail(400, { error: 'validation.invalid' });
		const { db } = await runtime();
		if (!(await revokeRole(db, admin.id, form.data.roleId, person.id)))
			return fail(404, { error: 'core.errors.404' });
		return { done: 'core.admin.roleRevoked' };
	},
	disable: async (event) => {
		const admin = requireRole(event, 'admin');
		const { db } = await runtime();
		const r = await toggleDisabled(db, admin.id, event.params.id);
		if (r === 'not_found') error(404, 'not found');
		if (r === 'self') return fail(400, { error: 'core.admin.cannotDisableSelf' });
		return {};
	}
};
