/**
 * Councils: bodies and their members: creating a body, seats (with their dates), candidates and recruiting from the pool.
 * Services own their transaction; every staff change is audited in it, and the mail and events
 * it causes are written in the same transaction (rules: issue 14, README).
 */
import { sql } from 'kysely';
import { recordAudit } from '../core/audit';
import { replyDeadlineFor } from './councils.time';
import type { SessionUser } from '../core/auth/roles';
import { createInvitation, memberContacts } from '../pool';
import type { CouncilsDb, CouncilsExecutor, CouncilsTx } from './councils.db';
import type { BodyInput, MemberInput } from './councils.schemas';
import { COUNCIL_ACTIVITY, type MemberRole, type Result } from './councils.types';
import { coordinates, mayCreateBodies } from './councils.access';
import { fail } from './councils.result';

export async function createBody(
	db: CouncilsDb,
	user: SessionUser,
	input: BodyInput
): Promise<Result<{ id: number }>> {
	if (!mayCreateBodies(user)) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const body = await trx
			.insertInto('council_body')
			.values({
				kind: input.kind,
				name: input.name,
				purpose: input.purpose,
				service_line_ids: [...new Set(input.serviceLineIds)],
				term_starts_on: input.termStartsOn,
				term_ends_on: input.termEndsOn || null,
				created_by: user.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// Coordinators: the creator (unless an admin creating for others) and those picked, who
		// must hold council_coordinator.
		const picked = input.coordinatorIds.length
			? await trx
					.selectFrom('user_role')
					.select('user_id')
					.distinct()
					.where('role', '=', 'council_coordinator')
					.where('user_id', 'in', input.coordinatorIds)
					.execute()
			: [];
		const ids = new Set(picked.map((p) => p.user_id));
		if (user.roles.some((g) => g.role === 'council_coordinator')) ids.add(user.id);
		if (ids.size)
			await trx
				.insertInto('council_coordinator')
				.values([...ids].map((user_id) => ({ body_id: body.id, user_id })))
				.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.body_created',
			entityType: 'council_body',
			entityId: body.id,
			details: { kind: input.kind, coordinators: ids.size }
		});
		return { ok: true as const, id: body.id };
	});
}

async function userIdByEmail(trx: CouncilsExecutor, email: string) {
	const u = await trx
		.selectFrom('app_user')
		.select('id')
		.where(sql<string>`lower(email)`, '=', email.toLowerCase())
		.executeTakeFirst();
	return u?.id ?? null;
}

async function seat(
	trx: CouncilsTx,
	user: SessionUser,
	bodyId: number,
	p: {
		name: string;
		email: string;
		phone: string | null;
		role: MemberRole;
		startsOn: string;
		poolMemberId: string | null;
		userId: string | null;
	}
): Promise<Result<{ id: number }>> {
	const current = await trx
		.selectFrom('council_member')
		.select('id')
		.where('body_id', '=', bodyId)
		.where(sql<string>`lower(email)`, '=', p.email.toLowerCase())
		.where('ends_on', 'is', null)
		.executeTakeFirst();
	if (current) return fail('duplicate');
	const row = await trx
		.insertInto('council_member')
		.values({
			body_id: bodyId,
			pool_member_id: p.poolMemberId,
			user_id: p.userId ?? (await userIdByEmail(trx, p.email)),
			name: p.name,
			email: p.email,
			phone: p.phone || null,
			role: p.role,
			starts_on: p.startsOn
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorUserId: user.id,
		action: 'councils.member_added',
		entityType: 'council_member',
		entityId: row.id,
		details: { bodyId, role: p.role, fromPool: p.poolMemberId !== null }
	});
	return { ok: true, id: row.id };
}

/** Adds a member directly (not through the pool). */
export async function addMember(
	db: CouncilsDb,
	user: SessionUser,
	bodyId: number,
	input: MemberInput
): Promise<Result<{ id: number }>> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	return db.transaction().execute((trx) =>
		seat(trx, user, bodyId, {
			name: input.name,
			email: input.email,
			phone: input.phone,
			role: input.role,
			startsOn: input.startsOn,
			poolMemberId: null,
			userId: null
		})
	);
}

/** Seats a pool member who answered the body's invitation, with name and contacts from the pool. */
export async function addCandidate(
	db: CouncilsDb,
	user: SessionUser,
	bodyId: number,
	input: { candidateId: number; role: MemberRole; startsOn: string }
): Promise<Result<{ id: number }>> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const c = await trx
			.selectFrom('council_candidate')
			.select(['id', 'pool_member_id', 'member_id'])
			.where('id', '=', input.candidateId)
			.where('body_id', '=', bodyId)
			.executeTakeFirst();
		if (!c || c.member_id !== null) return fail('not_found');
		const [p] = await memberContacts(trx, [c.pool_member_id]);
		if (!p) return fail('not_found');
		const r = await seat(trx, user, bodyId, {
			name: p.name,
			email: p.email,
			phone: p.phone,
			role: input.role,
			startsOn: input.startsOn,
			poolMemberId: p.id,
			userId: p.user_id
		});
		if (r.ok)
			await trx
				.updateTable('council_candidate')
				.set({ member_id: r.id })
				.where('id', '=', c.id)
				.execute();
		return r;
	});
}

/** Leaving keeps the seat with its end date (history); a seat ends at most once. */
export async function endMembership(
	db: CouncilsDb,
	user: SessionUser,
	bodyId: number,
	input: { memberId: number; endsOn: string; reason: string }
): Promise<Result> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const m = await trx
			.selectFrom('council_member')
			.select(['id', sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as('starts_on')])
			.where('id', '=', input.memberId)
			.where('body_id', '=', bodyId)
			.where('ends_on', 'is', null)
			.executeTakeFirst();
		if (!m) return fail('not_found');
		if (input.endsOn < m.starts_on) return fail('before_start');
		await trx
			.updateTable('council_member')
			.set({ ends_on: input.endsOn, end_reason: input.reason })
			.where('id', '=', m.id)
			.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.member_left',
			entityType: 'council_member',
			entityId: m.id,
			details: { bodyId, endsOn: input.endsOn }
		});
		return { ok: true };
	});
}

/**
 * Invites picked pool members to the body through a pool invitation (activity type 'council',
 * the body's id as activity id); their answers come back as pool.invitation_answered.
 */
export async function recruitFromPool(
	db: CouncilsDb,
	user: SessionUser,
	origin: string,
	bodyId: number,
	body: { name: string },
	input: { memberIds: string[]; deadline: string; message: string }
): Promise<Result<{ invitationId: number; recipients: number }>> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	const replyDeadline = replyDeadlineFor(input.deadline);
	if (!replyDeadline) return fail('past');
	const r = await createInvitation(db, user.id, origin, {
		activityType: COUNCIL_ACTIVITY,
		activityId: String(bodyId),
		title: body.name,
		messages: { fi: input.message, sv: input.message, en: input.message },
		replyDeadline,
		memberIds: input.memberIds
	});
	if (r.recipients === 0) return fail('no_recipients');
	return { ok: true, invitationId: r.id, recipients: r.recipients };
}
