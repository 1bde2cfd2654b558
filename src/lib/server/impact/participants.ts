/**
 * Who took part, by group, as they were when they took part (issue 12, "reach against the
 * population ... frozen then"). The pool freezes a member's groups into its answer event; a "yes"
 * is kept here with them, a "no" or "maybe" after a "yes" takes the row back. A later move or
 * birthday changes the pool's row, never these. Rows are keyed on the activity's source ids
 * because the answer may arrive before the tracker has the activity.
 */
import type { EventMap } from '../core/events';
import type { ImpactExecutor, ImpactTx } from './impact.db';

/**
 * Invitations whose "yes" is not taking part in an activity the tracker counts: a panel's
 * volunteers are only candidates for the draw (the panel reports its seated members), and a
 * council invitation is to membership of a body (its meetings report who attended).
 */
const NOT_PARTICIPATION = new Set(['panel', 'council']);

const GROUP = /^[a-z_]{1,20}:[A-Za-z0-9+_-]{1,40}$/;

export async function recordParticipant(tx: ImpactTx, e: EventMap['pool.invitation_answered']) {
	if (!e.activityId || !e.memberId || NOT_PARTICIPATION.has(e.activityType)) return;
	if (e.answer !== 'yes') {
		await tx
			.deleteFrom('impact_participant')
			.where('invitation_id', '=', e.invitationId)
			.where('member_id', '=', e.memberId)
			.execute();
		return;
	}
	const groups = JSON.stringify((e.groups ?? []).filter((g) => GROUP.test(g)));
	await tx
		.insertInto('impact_participant')
		.values({
			source_type: e.activityType,
			source_id: e.activityId,
			invitation_id: e.invitationId,
			member_id: e.memberId,
			groups
		})
		// A redelivered event is the same answer: its groups were frozen when it was given.
		.onConflict((oc) =>
			oc.columns(['invitation_id', 'member_id']).where('member_id', 'is not', null).doNothing()
		)
		.execute();
}

/** An erased member stays in the counts, no longer linked to them. */
export async function forgetParticipant(tx: ImpactTx, memberId: string) {
	await tx
		.updateTable('impact_participant')
		.set({ member_id: null })
		.where('member_id', '=', memberId)
		.execute();
}

export interface Participation {
	count: number;
	groups: Record<string, number>;
}

const key = (sourceType: string, sourceId: string | null) => `${sourceType}\u0000${sourceId ?? ''}`;

/** The frozen participants of the given activities (by their source ids), counted by group. */
export async function participantsOf(
	db: ImpactExecutor,
	activities: readonly { source_type: string; source_id: string | null }[]
): Promise<(a: { source_type: string; source_id: string | null }) => Participation> {
	const ids = [...new Set(activities.flatMap((a) => (a.source_id ? [a.source_id] : [])))];
	const rows = ids.length
		? await db
				.selectFrom('impact_participant')
				.select(['source_type', 'source_id', 'groups'])
				.where('source_id', 'in', ids)
				.execute()
		: [];
	const out = new Map<string, Participation>();
	for (const r of rows) {
		const p = out.get(key(r.source_type, r.source_id)) ?? { count: 0, groups: {} };
		p.count++;
		for (const g of r.groups) p.groups[g] = (p.groups[g] ?? 0) + 1;
		out.set(key(r.source_type, r.source_id), p);
	}
	return (a) => out.get(key(a.source_type, a.source_id)) ?? { count: 0, groups: {} };
}

/**
 * An activity's participation: the figures its source or organiser gave win where given (they
 * count everyone, not only pool members); otherwise the pool members who accepted, frozen at
 * their answer. "Took part" is never below the number of members who accepted.
 */
export function participation(
	a: { took_part: number | null; by_group: Record<string, number> | null },
	frozen: Participation
): { tookPart: number | null; byGroup: Record<string, number> } {
	const given = a.by_group ?? {};
	const byGroup = Object.keys(given).length ? given : frozen.groups;
	const tookPart =
		a.took_part === null && !frozen.count ? null : Math.max(a.took_part ?? 0, frozen.count);
	return { tookPart, byGroup };
}
