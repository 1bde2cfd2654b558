import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { uploadedForm } from '$lib/server/core/http/upload-limit';
import { parseInt4Id } from '$lib/validation';
import {
	DROPPED,
	acceptReplacement,
	addPoint,
	addSession,
	attendanceOf,
	attendanceSchema,
	awaitDraw,
	checkQuotas,
	commit,
	commitSchema,
	confirmedCount,
	enterSeed,
	fieldProblems,
	fromInvitationSchema,
	getPanel,
	importSchema,
	importVolunteers,
	inviteAll,
	memberAction,
	memberActionSchema,
	pendingPoolAnswers,
	pointSchema,
	pointsOf,
	proposeFor,
	publishRecommendation,
	publishSchema,
	quotasSchema,
	quotasText,
	removePoint,
	removePointSchema,
	replaceSchema,
	retryDraw,
	saveQuotas,
	seedSchema,
	sessionSchema,
	sessionFeesSchema,
	recordSessionFees,
	sessionFees,
	sessionsOf,
	setAttendance,
	suggestQuotas,
	takePoolVolunteers,
	volunteersOf,
	labelQuotaRows,
	categoryLabel,
	valueLabel,
	poolQuestionNames,
	type Result
} from '$lib/server/panels';

async function panelOr404(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const p = await getPanel(db, id);
	if (!p) error(404, 'not found');
	return p;
}

/** The page's answer to a service result: 400 with the problems, or what was done. */
function answer(r: Result<object>, done: string, params: Record<string, string | number> = {}) {
	if (!r.ok) return fail(400, { problems: r.problems });
	return { done: { key: done, params } };
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const panel = await panelOr404(event);
	const { db } = await runtime();
	const volunteers = await volunteersOf(db, panel.id);
	const sessions = await sessionsOf(db, panel.id);
	const proposals = [];
	for (const v of volunteers.filter((x) => DROPPED.includes(x.state))) {
		const p = await proposeFor(db, panel, v.id);
		if (p)
			proposals.push({
				dropoutId: v.id,
				dropoutRef: v.ref,
				candidateId: p.candidate?.id ?? null,
				candidateRef: p.candidate?.ref ?? null,
				candidateName: p.candidate?.name ?? null,
				violation: p.violation,
				tied: p.tied
			});
	}
	const quotas = (await quotasText(db, panel.id)) || (await suggestQuotas(db, panel));
	const questions = await poolQuestionNames(db);
	const locale = event.locals.locale;
	return {
		panel: {
			id: panel.id,
			question: panel.question,
			description: panel.description,
			size: panel.size,
			categories: panel.categories,
			categoryLabels: panel.categories.map((c) => categoryLabel(locale, c, questions)),
			householdRule: panel.household_rule,
			status: panel.status,
			seedRule: panel.seed_rule,
			commitment: panel.commitment,
			committedAt: panel.committed_at?.toISOString() ?? null,
			seed: panel.seed,
			drawState: panel.draw_state,
			drawError: panel.draw_error,
			algorithm: panel.algorithm,
			engine: panel.engine,
			distributionHash: panel.distribution_hash,
			minProbability: panel.min_probability,
			quotaTable: panel.quota_table && labelQuotaRows(locale, panel.quota_table, questions),
			drawnAt: panel.drawn_at?.toISOString() ?? null,
			publishedAt: panel.published_at?.toISOString() ?? null
		},
		quotas,
		volunteers: volunteers.map((v) => ({
			id: v.id,
			ref: v.ref,
			name: v.name,
			source: v.source,
			attributes: Object.fromEntries(
				Object.entries(v.attributes).map(([c, x]) => [
					c,
					valueLabel(locale, c, String(x), questions)
				])
			),
			household: v.household,
			state: v.state,
			probability: v.probability,
			invited: v.invited_at !== null,
			replacesId: v.replaces_id
		})),
		pendingAnswers: (await pendingPoolAnswers(db, panel.id)).length,
		poolInvite: `/staff/pool/invitations/new?${new URLSearchParams({
			activityType: 'panel',
			activityId: String(panel.id),
			title: panel.question,
			link: `/panels/${panel.id}`
		})}`,
		proposals,
		sessions: await Promise.all(
			sessions.map(async (s) => ({
				...s,
				present: Number(s.present),
				attendance: await attendanceOf(db, s.id),
				fees: (await sessionFees(db, s.id)).map((f) => ({
					id: f.id,
					payee: f.payee_name,
					kind: f.kind,
					quantity: f.quantity,
					amountCents: f.amount_cents
				}))
			}))
		),
		points: (await pointsOf(db, panel.id)).map((p) => ({
			id: p.id,
			body: p.body,
			supporters: Number(p.supporters)
		})),
		confirmed: await confirmedCount(db, panel.id)
	};
};

export const actions: Actions = {
	quotas: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(quotasSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		const r = await saveQuotas(db, user, panel, form.data.quotas);
		if (!r.ok) return fail(400, { problems: r.problems, quotas: form.data.quotas });
		return { done: { key: 'panels.done.quotas', params: { count: r.count } } };
	},
	suggest: async (event) => {
		requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		await superValidate(event.request, zod4(fromInvitationSchema));
		const { db } = await runtime();
		return { quotas: await suggestQuotas(db, panel), done: { key: 'panels.done.suggested' } };
	},
	import: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(await uploadedForm(event.request), zod4(importSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		const bytes = new Uint8Array(await form.data.file.arrayBuffer());
		const r = await importVolunteers(db, user, panel, bytes);
		return answer(r, 'panels.done.imported', r.ok ? { count: r.count } : {});
	},
	takePool: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		await superValidate(event.request, zod4(fromInvitationSchema));
		const { db } = await runtime();
		const ids = (await pendingPoolAnswers(db, panel.id)).map((a) => a.member_id);
		const r = await takePoolVolunteers(db, user, panel, ids);
		return answer(r, 'panels.done.imported', r.ok ? { count: r.count } : {});
	},
	check: async (event) => {
		requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		await superValidate(event.request, zod4(fromInvitationSchema));
		const { db } = await runtime();
		return answer(await checkQuotas(db, panel), 'panels.done.feasible');
	},
	commit: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(commitSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		return answer(await commit(db, user, panel, form.data.seedRule), 'panels.done.committed');
	},
	seed: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(seedSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		const r = await enterSeed(db, user, panel, form.data.seed);
		if (!r.ok) return fail(400, { problems: r.problems });
		// A small pool is drawn before the page answers; a large one goes on in the thread.
		await awaitDraw(db, panel.id, 8000);
		return { done: { key: 'panels.done.seed' } };
	},
	retry: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		await superValidate(event.request, zod4(fromInvitationSchema));
		const { db } = await runtime();
		const r = await retryDraw(db, user, panel);
		if (r.ok) await awaitDraw(db, panel.id, 8000);
		return answer(r, 'panels.done.seed');
	},
	member: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(memberActionSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db, config } = await runtime();
		const r = await memberAction(
			db,
			user,
			panel,
			form.data.volunteerId,
			form.data.action,
			config.origin
		);
		return answer(r, 'panels.done.member');
	},
	inviteAll: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		await superValidate(event.request, zod4(fromInvitationSchema));
		const { db, config } = await runtime();
		const r = await inviteAll(db, user, panel, config.origin);
		return answer(r, 'panels.done.invited', r.ok ? { count: r.count } : {});
	},
	replace: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(replaceSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		const r = await acceptReplacement(
			db,
			user,
			panel,
			form.data.volunteerId,
			form.data.replacementId
		);
		return answer(r, 'panels.done.replaced');
	},
	session: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(sessionSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		return answer(await addSession(db, user, panel, form.data), 'panels.done.session');
	},
	attendance: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(attendanceSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		const r = await setAttendance(db, user, panel, form.data.sessionId, form.data.present);
		return answer(r, 'panels.done.attendance', r.ok ? { count: r.count } : {});
	},
	fees: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(sessionFeesSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		const r = await recordSessionFees(db, user, panel, form.data.sessionId, form.data);
		return answer(r, 'panels.done.fees', r.ok ? { rows: r.rows } : {});
	},
	point: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(pointSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		return answer(await addPoint(db, user, panel, form.data.body, null), 'panels.done.point');
	},
	removePoint: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(removePointSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		return answer(await removePoint(db, user, panel, form.data.pointId), 'panels.done.removed');
	},
	publish: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const panel = await panelOr404(event);
		const form = await superValidate(event.request, zod4(publishSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		return answer(await publishRecommendation(db, user, panel), 'panels.done.published');
	}
};
