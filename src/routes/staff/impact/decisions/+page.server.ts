import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	addMilestone,
	changeStatus,
	decisionMilestones,
	createDecision,
	decisionFindingIds,
	decisionSchema,
	isCoordinator,
	listDecisions,
	milestoneSchema,
	rollUpProgress,
	setProgress,
	statusSchema
} from '$lib/server/impact';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const decisions = await listDecisions(db);
	const rolled = rollUpProgress(decisions);
	const milestones = await decisionMilestones(
		db,
		decisions.map((d) => d.id)
	);
	const locale = event.locals.locale;
	return {
		coordinator: isCoordinator(user),
		removed: event.url.searchParams.get('removed') === '1',
		decisions: decisions.map((d) => ({
			id: d.id,
			parentId: d.parent_id,
			title: localName({ name_fi: d.title_fi, name_sv: d.title_sv, name_en: d.title_en }, locale),
			progress: d.progress,
			rolled: rolled.get(d.id) ?? d.progress,
			hasChildren: decisions.some((c) => c.parent_id === d.id),
			findings: Number(d.findings ?? 0),
			milestones: milestones
				.filter((m) => m.decision_id === d.id)
				.map((m) => ({
					id: m.id,
					on: m.reached_on,
					title: localName(
						{ name_fi: m.title_fi, name_sv: m.title_sv, name_en: m.title_en },
						locale
					)
				}))
		})),
		today: helsinkiDay(new Date()),
		form: await superValidate(zod4(decisionSchema), { id: 'decision' }),
		milestoneForm: await superValidate(
			{ reachedOn: helsinkiDay(new Date()), decisionId: String(decisions[0]?.id ?? '') },
			zod4(milestoneSchema),
			{ errors: false, id: 'milestone' }
		),
		statusForm: await superValidate(
			{ status: 'decided', effectiveOn: helsinkiDay(new Date()) },
			zod4(statusSchema),
			{ errors: false, id: 'status' }
		)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(decisionSchema), { id: 'decision' });
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await createDecision(db, user, form.data);
		if (!r.ok) {
			if (r.error === 'forbidden')
				return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
			return setError(form, 'parentId', 'impact.errors.unknown_parent');
		}
		return message(form, { type: 'success', key: 'impact.decisions.created' });
	},
	progress: async (event) => {
		const user = requireUser(event);
		if (!isCoordinator(user)) return fail(403, { error: 'impact.errors.forbidden' });
		const data = await event.request.formData();
		const id = parseInt4Id(String(data.get('decisionId') ?? ''));
		const raw = String(data.get('progress') ?? '');
		const progress = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
		if (id === null) error(404, 'not found');
		if (!(progress >= 0 && progress <= 100)) return fail(400, { error: 'impact.errors.progress' });
		const { db } = await runtime();
		if (!(await setProgress(db, user, id, progress))) error(404, 'not found');
		return { done: 'impact.decisions.progressSaved' };
	},
	milestone: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(milestoneSchema), { id: 'milestone' });
		if (!form.valid) return fail(400, { milestoneForm: form });
		const { db } = await runtime();
		const r = await addMilestone(db, user, form.data);
		if (!r.ok) {
			if (r.error === 'forbidden')
				return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
			if (r.error === 'unknown_decision')
				return setError(form, 'decisionId', 'impact.errors.unknown_decision');
			return setError(form, 'reachedOn', `impact.errors.${r.error}`);
		}
		return message(form, { type: 'success', key: 'impact.decisions.milestoneAdded' });
	},
	status: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const id = parseInt4Id(String(data.get('decisionId') ?? ''));
		const form = await superValidate(data, zod4(statusSchema), { id: 'status' });
		if (id === null) error(404, 'not found');
		if (!form.valid) return fail(400, { statusForm: form });
		const { db, config } = await runtime();
		const ids = await decisionFindingIds(db, id);
		if (ids.length === 0) return setError(form, 'status', 'impact.decisions.noFindings');
		const r = await changeStatus(db, user, ids, form.data, config.origin);
		if (!r.ok) {
			if (r.error === 'forbidden')
				return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
			return setError(form, 'effectiveOn', `impact.errors.${r.error}`);
		}
		return message(form, {
			type: 'success',
			key: 'impact.decisions.statusSaved',
			params: { findings: ids.length, count: r.noticed }
		});
	}
};
