/**
 * Activities entered by hand (a workshop held on paper, a meeting the county organised): staff
 * with the coordinator role type the activity and what it heard on /staff/impact/activities. The
 * row gets its own id as source id, so the pool can invite to it (`activityType` 'workshop' or
 * 'other', `activityId` that id) and the members who accept are told when its findings move.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../core/audit';
import type { SessionUser } from '../core/auth/roles';
import type { ImpactDb, ImpactTx } from './impact.db';
import { findingLines, idOrNull, parseGroups, type ActivityInput } from './impact.schemas';
import { isCoordinator, upsertFinding } from './impact.service';

export type ActivityError = 'forbidden' | 'serviceLine' | 'municipality' | 'organiserUnit';

/** The source type of a finding typed by hand; its id is a random uuid. */
export const HAND_FINDING = 'hand';

async function addHandFindings(trx: ImpactTx, activityId: number, text: string, on: string) {
	let n = 0;
	for (const body of findingLines(text)) {
		await upsertFinding(trx, {
			activityId,
			sourceType: HAND_FINDING,
			sourceId: randomUUID(),
			kind: 'recommendation',
			body,
			evidence: [],
			recordedOn: on
		});
		n++;
	}
	return n;
}

/**
 * Stores a hand-entered activity with its service lines and findings (each "received" on the
 * activity's last day). All or nothing: an unknown service line, municipality or unit stores
 * nothing. Coordinators and admins only; audited.
 */
export async function createActivity(
	db: ImpactDb,
	actor: SessionUser,
	a: ActivityInput,
	today: string
): Promise<{ ok: true; id: number; findings: number } | { ok: false; error: ActivityError }> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	const byGroup = parseGroups(a.byGroup) ?? {};
	return db.transaction().execute(async (trx) => {
		const lines = [...new Set(a.serviceLines)];
		if (lines.length) {
			const found = await trx
				.selectFrom('service_line')
				.select('id')
				.where('id', 'in', lines)
				.execute();
			if (found.length !== lines.length)
				return { ok: false as const, error: 'serviceLine' as const };
		}
		if (a.municipality) {
			const m = await trx
				.selectFrom('municipality')
				.select('code')
				.where('code', '=', a.municipality)
				.executeTakeFirst();
			if (!m) return { ok: false as const, error: 'municipality' as const };
		}
		const unitId = idOrNull(a.organiserUnit);
		if (unitId !== null) {
			const u = await trx
				.selectFrom('unit')
				.select('id')
				.where('id', '=', unitId)
				.executeTakeFirst();
			if (!u) return { ok: false as const, error: 'organiserUnit' as const };
		}
		const row = await trx
			.insertInto('impact_activity')
			.values({
				source_type: a.kind,
				source_id: null,
				topic: a.topic,
				description: a.description,
				starts_on: a.startsOn,
				ends_on: a.endsOn || null,
				municipality_code: a.municipality || null,
				organiser_unit_id: unitId,
				organiser: a.organiser,
				invited: a.invited ?? null,
				took_part: a.tookPart ?? null,
				by_group: JSON.stringify(byGroup)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('impact_activity')
			.set({ source_id: String(row.id) })
			.where('id', '=', row.id)
			.execute();
		if (lines.length)
			await trx
				.insertInto('impact_activity_service_line')
				.values(lines.map((id) => ({ activity_id: row.id, service_line_id: id })))
				.execute();
		// A finding is heard when the activity ends (or today, for one still running).
		const heardOn = [a.endsOn || a.startsOn, today].sort()[0];
		const findings = await addHandFindings(trx, row.id, a.findings, heardOn);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.activity.create',
			entityType: 'impact_activity',
			entityId: row.id,
			details: { kind: a.kind, findings, serviceLines: lines }
		});
		return { ok: true as const, id: row.id, findings };
	});
}

/** More findings of a hand-entered activity. false: not such an activity, or not a coordinator. */
export async function addActivityFindings(
	db: ImpactDb,
	actor: SessionUser,
	activityId: number,
	text: string,
	today: string
): Promise<number | null> {
	if (!isCoordinator(actor)) return null;
	return db.transaction().execute(async (trx) => {
		const a = await trx
			.selectFrom('impact_activity')
			.select('id')
			.where('id', '=', activityId)
			.where('source_type', 'in', ['workshop', 'other'])
			.executeTakeFirst();
		if (!a) return null;
		const n = await addHandFindings(trx, a.id, text, today);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.activity.findings',
			entityType: 'impact_activity',
			entityId: a.id,
			details: { findings: n }
		});
		return n;
	});
}
