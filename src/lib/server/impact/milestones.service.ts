/**
 * A decision's milestones (issue 12, "a decision carries progress as a percentage or
 * milestones"; Decidim accountability's timeline entries): dated steps in fi/sv/en that the
 * public activity page lists in the timeline of every finding linked to the decision, and that the
 * open data exports. Coordinators and admins add, correct and remove them, each audited; a date in
 * the future or before the decision was made is refused.
 */
import type { SessionUser } from '../core/auth/roles';
import { recordAudit } from '../core/audit';
import { helsinkiDay } from '../core/time';
import type { ImpactDb } from './impact.db';
import type { MilestoneEditInput, MilestoneInput } from './impact.schemas';
import { isoDay } from './impact.queries';
import { isCoordinator } from './impact.service';

/**
 * Adds a milestone to a decision (coordinators and admins, audited): a dated step of its
 * progress, beside the percentage. A date in the future or before the decision was made is
 * refused.
 */
export async function addMilestone(
	db: ImpactDb,
	actor: SessionUser,
	m: MilestoneInput
): Promise<
	| { ok: true; id: number }
	| { ok: false; error: 'forbidden' | 'unknown_decision' | 'future' | 'before_decision' }
> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	if (m.reachedOn > helsinkiDay(new Date())) return { ok: false, error: 'future' };
	return db.transaction().execute(async (trx) => {
		const d = await trx
			.selectFrom('impact_decision')
			.select(['id', isoDay('decided_on').as('decided_on')])
			.where('id', '=', Number(m.decisionId))
			.executeTakeFirst();
		if (!d) return { ok: false as const, error: 'unknown_decision' as const };
		if (d.decided_on && m.reachedOn < d.decided_on)
			return { ok: false as const, error: 'before_decision' as const };
		const row = await trx
			.insertInto('impact_milestone')
			.values({
				decision_id: d.id,
				title_fi: m.milestoneFi,
				title_sv: m.milestoneSv,
				title_en: m.milestoneEn,
				reached_on: m.reachedOn,
				created_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.decision.milestone',
			entityType: 'impact_decision',
			entityId: d.id,
			details: { milestoneId: row.id, reachedOn: m.reachedOn }
		});
		return { ok: true as const, id: row.id };
	});
}

type MilestoneProblem = 'forbidden' | 'unknown_milestone' | 'future' | 'before_decision';

/**
 * Corrects a milestone's text or date (coordinators and admins, audited with the old and new
 * date), under the same date rules as adding one. The public timeline shows the corrected step.
 */
export async function editMilestone(
	db: ImpactDb,
	actor: SessionUser,
	milestoneId: number,
	m: MilestoneEditInput
): Promise<{ ok: true; decisionId: number } | { ok: false; error: MilestoneProblem }> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	if (m.reachedOn > helsinkiDay(new Date())) return { ok: false, error: 'future' };
	return db.transaction().execute(async (trx) => {
		const old = await trx
			.selectFrom('impact_milestone as m')
			.innerJoin('impact_decision as d', 'd.id', 'm.decision_id')
			.select([
				'm.id',
				'm.decision_id',
				isoDay('m.reached_on').as('reached_on'),
				isoDay('d.decided_on').as('decided_on')
			])
			.where('m.id', '=', milestoneId)
			.forUpdate()
			.executeTakeFirst();
		if (!old) return { ok: false as const, error: 'unknown_milestone' as const };
		if (old.decided_on && m.reachedOn < old.decided_on)
			return { ok: false as const, error: 'before_decision' as const };
		await trx
			.updateTable('impact_milestone')
			.set({
				title_fi: m.milestoneFi,
				title_sv: m.milestoneSv,
				title_en: m.milestoneEn,
				reached_on: m.reachedOn
			})
			.where('id', '=', old.id)
			.execute();
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.decision.milestone_edited',
			entityType: 'impact_decision',
			entityId: old.decision_id,
			details: { milestoneId: old.id, from: old.reached_on, reachedOn: m.reachedOn }
		});
		return { ok: true as const, decisionId: old.decision_id };
	});
}

/** Removes a milestone entered by mistake (coordinators and admins, audited with its text). */
export async function removeMilestone(
	db: ImpactDb,
	actor: SessionUser,
	milestoneId: number
): Promise<{ ok: true } | { ok: false; error: 'forbidden' | 'unknown_milestone' }> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const gone = await trx
			.deleteFrom('impact_milestone')
			.where('id', '=', milestoneId)
			.returning(['id', 'decision_id', 'title_fi', isoDay('reached_on').as('reached_on')])
			.executeTakeFirst();
		if (!gone) return { ok: false as const, error: 'unknown_milestone' as const };
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.decision.milestone_removed',
			entityType: 'impact_decision',
			entityId: gone.decision_id,
			details: { milestoneId: gone.id, title: gone.title_fi, reachedOn: gone.reached_on }
		});
		return { ok: true as const };
	});
}
