/**
 * The panel at work (issue 13, "Sessions", "A shared workspace", "The final recommendation"):
 * sessions with agenda, materials, expert hearings and attendance; the members' shared draft of
 * points with each member's support; the final recommendation, published with the share of
 * members supporting each point and handed to the impact tracker as findings (an event in the
 * same transaction, impact.handlers.ts).
 */
import type { SessionUser } from '../core/auth/roles';
import { publish } from '../core/events';
import type { Tx } from '../core/db/database';
import { helsinkiDay } from '../core/time';
import type { PanelsDb } from './panels.db';
import { confirmedCount, pointsOf, seatedOf, type PanelRow } from './panels.queries';
import { audit } from './panels.service';
import { problem, type Result } from './access';
import type { z } from '$lib/validation';
import type { sessionSchema } from './panels.schemas';

const isRunning = (p: PanelRow) => p.status === 'drawn';

export async function addSession(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	s: z.output<typeof sessionSchema>
): Promise<Result<{ id: number }>> {
	if (!isRunning(panel)) return problem('panels.errors.notDrawn');
	const id = await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('panel_session')
			.values({
				panel_id: panel.id,
				title: s.title,
				held_on: s.heldOn,
				agenda: s.agenda,
				materials: s.materials,
				experts: s.experts
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, user, 'panels.session', panel.id, { session: row.id });
		return row.id;
	});
	return { ok: true, id };
}

/** Attendance of one session: exactly the seated members ticked (others are refused). */
export async function setAttendance(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	sessionId: number,
	present: readonly number[]
): Promise<Result<{ count: number }>> {
	const session = await db
		.selectFrom('panel_session')
		.select('id')
		.where('id', '=', sessionId)
		.where('panel_id', '=', panel.id)
		.executeTakeFirst();
	if (!session) return problem('panels.errors.unknownSession');
	const seated = new Set((await seatedOf(db, panel.id)).map((m) => m.id));
	const ids = [...new Set(present)];
	if (ids.some((id) => !seated.has(id))) return problem('panels.errors.unknownMember');
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('panel_attendance').where('session_id', '=', sessionId).execute();
		if (ids.length)
			await trx
				.insertInto('panel_attendance')
				.values(ids.map((volunteer_id) => ({ session_id: sessionId, volunteer_id })))
				.execute();
		await audit(trx, user, 'panels.attendance', panel.id, {
			session: sessionId,
			present: ids.length
		});
	});
	return { ok: true, count: ids.length };
}

/** A point of the draft, by a confirmed member (`authorId`) or by the coordinator (null). */
export async function addPoint(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	body: string,
	authorId: number | null
): Promise<Result<{ id: number }>> {
	if (!isRunning(panel)) return problem('panels.errors.notDrawn');
	const id = await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('panel_point')
			.values({ panel_id: panel.id, body, author_volunteer_id: authorId })
			.returning('id')
			.executeTakeFirstOrThrow();
		// The author supports their own point.
		if (authorId !== null)
			await trx
				.insertInto('panel_support')
				.values({ point_id: row.id, volunteer_id: authorId })
				.execute();
		await audit(trx, user, 'panels.point', panel.id, { point: row.id });
		return row.id;
	});
	return { ok: true, id };
}

export async function setSupport(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	volunteerId: number,
	pointId: number,
	supports: boolean
): Promise<Result> {
	if (!isRunning(panel)) return problem('panels.errors.notDrawn');
	const point = (await pointsOf(db, panel.id)).find((p) => p.id === pointId);
	if (!point) return problem('panels.errors.unknownPoint');
	await db.transaction().execute(async (trx) => {
		if (supports)
			await trx
				.insertInto('panel_support')
				.values({ point_id: pointId, volunteer_id: volunteerId })
				.onConflict((oc) => oc.doNothing())
				.execute();
		else
			await trx
				.deleteFrom('panel_support')
				.where('point_id', '=', pointId)
				.where('volunteer_id', '=', volunteerId)
				.execute();
		await audit(trx, user, 'panels.support', panel.id, { point: pointId, supports });
	});
	return { ok: true };
}

export async function removePoint(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	pointId: number
): Promise<Result> {
	if (!isRunning(panel)) return problem('panels.errors.notDrawn');
	const r = await db.transaction().execute(async (trx) => {
		const u = await trx
			.updateTable('panel_point')
			.set({ removed_at: new Date() })
			.where('id', '=', pointId)
			.where('panel_id', '=', panel.id)
			.where('removed_at', 'is', null)
			.executeTakeFirst();
		if (Number(u.numUpdatedRows) !== 1) return false;
		await audit(trx, user, 'panels.remove_point', panel.id, { point: pointId });
		return true;
	});
	return r ? { ok: true } : problem('panels.errors.unknownPoint');
}

/** The tracker's groups and the values a volunteer's frozen attributes may give for them. */
const TRACKED: Record<string, RegExp> = {
	municipality: /^\d{3}$/,
	age_band: /^(15-29|30-44|45-64|65-74|75\+)$/,
	gender: /^(female|male|other)$/,
	language: /^(fi|sv|other)$/
};

/**
 * Members counted by group for the impact tracker's reach figures, from the attributes taken when
 * each became a volunteer (poolAttributes, or the mailed-reply CSV's columns of the same name):
 * who took part as they were then. Values outside the pool's vocabulary are not counted.
 */
export function membersByGroup(attributes: readonly Record<string, string>[]) {
	const out: Record<string, number> = {};
	for (const a of attributes)
		for (const [dim, ok] of Object.entries(TRACKED)) {
			const v = a[dim];
			if (v !== undefined && ok.test(v)) out[`${dim}:${v}`] = (out[`${dim}:${v}`] ?? 0) + 1;
		}
	return out;
}

/**
 * Publishes the recommendation: every point with the share of the confirmed members who
 * support it. The panel is concluded, and the tracker gets each point as a finding.
 */
export async function publishRecommendation(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	now = new Date()
): Promise<Result<{ points: number }>> {
	if (!isRunning(panel)) return problem('panels.errors.notDrawn');
	const points = await pointsOf(db, panel.id);
	if (!points.length) return problem('panels.errors.noPoints');
	const members = await confirmedCount(db, panel.id);
	if (members === 0) return problem('panels.errors.noMembers');
	const confirmed = (await seatedOf(db, panel.id)).filter((m) => m.state === 'confirmed');
	const userIds = confirmed.flatMap((m) => (m.user_id ? [m.user_id] : []));
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('panel')
			.set({ status: 'concluded', published_at: now, updated_at: now })
			.where('id', '=', panel.id)
			.execute();
		await publish(trx as unknown as Tx, 'panels.recommendation_published', {
			panelId: panel.id,
			question: panel.question,
			description: panel.description,
			startedOn: helsinkiDay(panel.drawn_at ?? now),
			publishedOn: helsinkiDay(now),
			members,
			byGroup: membersByGroup(confirmed.map((m) => m.attributes)),
			points: points.map((p) => ({
				pointId: p.id,
				body: p.body,
				supporters: Number(p.supporters),
				share: Number(p.supporters) / members
			})),
			memberUserIds: [...new Set(userIds)]
		});
		await audit(trx, user, 'panels.publish', panel.id, { points: points.length, members });
	});
	return { ok: true, points: points.length };
}
