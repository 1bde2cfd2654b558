import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	assignOwner,
	canChange,
	changeStatus,
	getFinding,
	idOrNull,
	isCoordinator,
	linkSchema,
	linkToDecision,
	listDecisions,
	ownerOptions,
	ownerSchema,
	parseOwner,
	statusSchema
} from '$lib/server/impact';

async function findingOr404(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const f = await getFinding(db, id);
	if (!f) error(404, 'not found');
	return f;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const f = await findingOr404(event);
	const { db } = await runtime();
	const coordinator = isCoordinator(user);
	const locale = event.locals.locale;
	const options = coordinator ? await ownerOptions(db) : { units: [], people: [] };
	const owner = f.owner_unit_id
		? `unit:${f.owner_unit_id}`
		: f.owner_user_id
			? `user:${f.owner_user_id}`
			: '';
	return {
		finding: {
			id: f.id,
			body: f.body,
			note: f.note,
			kind: f.kind,
			status: f.status,
			evidence: f.evidence,
			recordedOn: f.recorded_on,
			activityId: f.activity_id,
			topic: f.topic,
			contacts: f.contacts,
			decisionId: f.decision_id,
			owner: f.unit_fi
				? localName({ name_fi: f.unit_fi, name_sv: f.unit_sv, name_en: f.unit_en }, locale)
				: (f.owner_name ?? null)
		},
		timeline: f.timeline.map((r) => ({
			id: r.id,
			status: r.status,
			on: r.effective_on,
			explanation: r.explanation_fi
		})),
		canChange: canChange(user, f),
		coordinator,
		units: options.units.map((u) => ({ id: u.id, name: localName(u, locale) })),
		people: options.people.map((p) => ({ id: p.id, name: p.display_name })),
		decisions: coordinator
			? (await listDecisions(db)).map((d) => ({
					id: d.id,
					title: localName(
						{ name_fi: d.title_fi, name_sv: d.title_sv, name_en: d.title_en },
						locale
					)
				}))
			: [],
		today: helsinkiDay(new Date()),
		statusForm: await superValidate(
			{ status: f.status, effectiveOn: helsinkiDay(new Date()) },
			zod4(statusSchema),
			{ errors: false, id: 'status' }
		),
		ownerForm: await superValidate({ owner }, zod4(ownerSchema), { errors: false, id: 'owner' }),
		linkForm: await superValidate(
			{ decisionId: f.decision_id ? String(f.decision_id) : '' },
			zod4(linkSchema),
			{
				errors: false,
				id: 'link'
			}
		)
	};
};

export const actions: Actions = {
	status: async (event) => {
		const user = requireUser(event);
		const f = await findingOr404(event);
		const form = await superValidate(event.request, zod4(statusSchema), { id: 'status' });
		if (!form.valid) return fail(400, { statusForm: form });
		if (!canChange(user, f))
			return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
		const { db, config } = await runtime();
		const r = await changeStatus(db, user, [f.id], form.data, config.origin);
		if (!r.ok) {
			if (r.error === 'forbidden')
				return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
			if (r.error === 'not_found') error(404, 'not found');
			return setError(form, 'effectiveOn', `impact.errors.${r.error}`);
		}
		return message(form, {
			type: 'success',
			key: 'impact.finding.statusSaved',
			params: { count: r.noticed }
		});
	},
	owner: async (event) => {
		const user = requireUser(event);
		const f = await findingOr404(event);
		const form = await superValidate(event.request, zod4(ownerSchema), { id: 'owner' });
		if (!form.valid) return fail(400, { ownerForm: form });
		if (!isCoordinator(user))
			return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
		const { db, config } = await runtime();
		const r = await assignOwner(db, user, f.id, parseOwner(form.data.owner), config.origin);
		if (!r.ok) return setError(form, 'owner', `impact.errors.${r.error}`);
		return message(form, { type: 'success', key: 'impact.finding.ownerSaved' });
	},
	link: async (event) => {
		const user = requireUser(event);
		const f = await findingOr404(event);
		const form = await superValidate(event.request, zod4(linkSchema), { id: 'link' });
		if (!form.valid) return fail(400, { linkForm: form });
		if (!isCoordinator(user))
			return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
		const { db } = await runtime();
		const decisionId = idOrNull(form.data.decisionId);
		if (!(await linkToDecision(db, user, f.id, decisionId)))
			return setError(form, 'decisionId', 'impact.errors.unknown_decision');
		return message(form, { type: 'success', key: 'impact.finding.linkSaved' });
	}
};
