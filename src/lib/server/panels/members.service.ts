/**
 * After the draw (issue 13, "Running the panel"): member states (in pool → selected →
 * confirmed / declined / withdrawn → replaced), invitations to the drawn members, their own
 * answers on their account page, the reserve list and replacements that keep the quotas.
 */
import { buildInstance, proposeReplacement } from '../../../../ml/panels';
import type { SessionUser } from '../core/auth/roles';
import { enqueueMails, renderMail } from '../core/mail';
import { isLocale } from '$lib/i18n';
import type { PanelsDb } from './panels.db';
import { panelSpec, volunteersOf, type PanelRow, type VolunteerRow } from './panels.queries';
import { audit } from './panels.service';
import { problem, type Result } from './access';
import { DROPPED, SEATED, type MemberState } from './panels.types';

const isRunning = (p: PanelRow) => p.status === 'drawn' || p.status === 'concluded';

/** Allowed moves by the coordinator (a member's own answer goes through answerAsMember). */
const MOVES: Record<'invite' | 'confirm' | 'decline' | 'withdraw', readonly MemberState[]> = {
	invite: ['selected'],
	confirm: ['selected'],
	decline: ['selected'],
	withdraw: ['selected', 'confirmed']
};

export async function memberAction(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	volunteerId: number,
	action: keyof typeof MOVES,
	origin: string
): Promise<Result> {
	if (!isRunning(panel)) return problem('panels.errors.notDrawn');
	const v = (await volunteersOf(db, panel.id)).find((x) => x.id === volunteerId);
	if (!v) return problem('panels.errors.unknownMember');
	if (!MOVES[action].includes(v.state)) return problem('panels.errors.wrongState');
	await db.transaction().execute(async (trx) => {
		if (action === 'invite') {
			if (v.email) {
				const locale = isLocale(v.locale) ? v.locale : 'fi';
				await enqueueMails(trx, [
					renderMail('panels.mail.drawn', locale, v.email, {
						question: panel.question,
						url: `${origin}/account/panels`
					})
				]);
			}
			await trx
				.updateTable('panel_volunteer')
				.set({ invited_at: new Date() })
				.where('id', '=', v.id)
				.execute();
		} else {
			const state: MemberState =
				action === 'confirm' ? 'confirmed' : action === 'decline' ? 'declined' : 'withdrawn';
			await trx
				.updateTable('panel_volunteer')
				.set({ state, answered_at: new Date() })
				.where('id', '=', v.id)
				.execute();
		}
		await audit(trx, user, `panels.member_${action}`, panel.id, { volunteer: v.ref });
	});
	return { ok: true };
}

/** Invites every drawn member not yet invited; returns how many. */
export async function inviteAll(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	origin: string
): Promise<Result<{ count: number }>> {
	if (!isRunning(panel)) return problem('panels.errors.notDrawn');
	const todo = (await volunteersOf(db, panel.id)).filter(
		(v) => v.state === 'selected' && !v.invited_at
	);
	await db.transaction().execute(async (trx) => {
		await enqueueMails(
			trx,
			todo
				.filter((v) => v.email)
				.map((v) =>
					renderMail('panels.mail.drawn', isLocale(v.locale) ? v.locale : 'fi', v.email!, {
						question: panel.question,
						url: `${origin}/account/panels`
					})
				)
		);
		if (todo.length)
			await trx
				.updateTable('panel_volunteer')
				.set({ invited_at: new Date() })
				.where(
					'id',
					'in',
					todo.map((v) => v.id)
				)
				.execute();
		await audit(trx, user, 'panels.invite_all', panel.id, { count: todo.length });
	});
	return { ok: true, count: todo.length };
}

/** A member's own answer: confirm or decline a seat, or withdraw; and whether to stay in the pool. */
export async function answerAsMember(
	db: PanelsDb,
	user: SessionUser,
	v: { id: number; panel_id: number; state: MemberState },
	answer: 'confirm' | 'decline' | 'withdraw',
	stayInPool: boolean
): Promise<Result> {
	const allowed: Record<typeof answer, readonly MemberState[]> = {
		confirm: ['selected'],
		decline: ['selected'],
		withdraw: ['confirmed']
	};
	if (!allowed[answer].includes(v.state)) return problem('panels.errors.wrongState');
	const state: MemberState =
		answer === 'confirm' ? 'confirmed' : answer === 'decline' ? 'declined' : 'withdrawn';
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('panel_volunteer')
			.set({ state, stay_in_pool: stayInPool, answered_at: new Date(), user_id: user.id })
			.where('id', '=', v.id)
			.where('state', '=', v.state)
			.execute();
		await audit(trx, user, `panels.member_own_${answer}`, v.panel_id, { volunteer: v.id });
	});
	return { ok: true };
}

/** The seed of the n-th replacement lot: the draw's seed and the count, so anyone can repeat it. */
export const replacementSeed = (seed: string, n: number) => `${seed}:replacement:${n}`;

export interface ReplacementProposal {
	dropout: VolunteerRow;
	candidate: VolunteerRow | null;
	violation: number;
	tied: number;
}

/**
 * The replacement for a member who declined or withdrew: among the volunteers never on the
 * panel, those that leave it closest to its quotas (the engine's proposeReplacement), one of
 * them by lot with the seed `replacementSeed(seed, replacements so far)`.
 */
export async function proposeFor(
	db: PanelsDb,
	panel: PanelRow,
	dropoutId: number
): Promise<ReplacementProposal | null> {
	if (!isRunning(panel) || !panel.seed) return null;
	const vols = await volunteersOf(db, panel.id);
	const dropout = vols.find((v) => v.id === dropoutId);
	if (!dropout || !DROPPED.includes(dropout.state)) return null;
	const spec = await panelSpec(db, panel);
	const inst = buildInstance(spec);
	const seated = vols.filter((v) => SEATED.includes(v.state)).map((v) => v.ref);
	const exclude = vols.filter((v) => v.state !== 'in_pool').map((v) => v.ref);
	const n = vols.filter((v) => v.replaces_id !== null).length;
	const r = proposeReplacement(
		inst,
		[...seated, dropout.ref],
		dropout.ref,
		replacementSeed(panel.seed, n),
		exclude
	);
	return {
		dropout,
		candidate: r.id ? (vols.find((v) => v.ref === r.id) ?? null) : null,
		violation: r.violation,
		tied: r.tied
	};
}

/** Seats the proposed replacement (only the proposal: the lot is not the coordinator's choice). */
export async function acceptReplacement(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	dropoutId: number,
	replacementId: number
): Promise<Result> {
	const p = await proposeFor(db, panel, dropoutId);
	if (!p || !p.candidate) return problem('panels.errors.noReplacement');
	if (p.candidate.id !== replacementId) return problem('panels.errors.notTheProposal');
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('panel_volunteer')
			.set({ state: 'replaced' })
			.where('id', '=', dropoutId)
			.execute();
		await trx
			.updateTable('panel_volunteer')
			.set({ state: 'selected', replaces_id: dropoutId })
			.where('id', '=', replacementId)
			.execute();
		await audit(trx, user, 'panels.replace', panel.id, {
			dropout: p.dropout.ref,
			replacement: p.candidate!.ref,
			tied: p.tied,
			violation: p.violation
		});
	});
	return { ok: true };
}
