/**
 * The rules of the experts module. Services own their transaction; every change is audited in
 * it, and the mail and events it causes are written in the same transaction.
 *
 * - An expert keeps their own profile; a new profile, and any change to its experience areas,
 *   waits for the coordinator's approval (the approved areas are the ones matched on). Pausing
 *   needs no reason and no approval.
 * - Any member of staff requests; only expert coordinators (and admins) propose, close and export.
 * - A proposal mails the expert a link to a page whose buttons answer it (mail scanners change
 *   nothing); a decline proposes the next expert of the ranking; the request is filled once as
 *   many experts as it asked for have accepted.
 * - An expert is never booked twice at overlapping times: proposing and accepting lock the
 *   expert's profile row and refuse an overlap with their other proposed, accepted or closed
 *   assignments.
 */
import { sql } from 'kysely';
import { recordAudit } from '../core/audit';
import { enqueueMail, renderMail } from '../core/mail';
import { publish } from '../core/events';
import { generateToken, tokenId } from '../core/auth/tokens';
import { hasRole, type SessionUser } from '../core/auth/roles';
import { helsinkiDay } from '../core/time';
import { isLocale, type Locale } from '$lib/i18n';
import { formatter } from '$lib/i18n/format';
import type { ExpertsDb, ExpertsTx } from './experts.db';
import {
	helsinkiInstant,
	type CloseInput,
	type FeedbackInput,
	type ProfileInput,
	type RequestInput,
	type TrainingInput
} from './experts.schemas';
import {
	askedFor,
	assignmentByTokenHash,
	candidatesFor,
	getRequest,
	matchRequestOf
} from './experts.queries';
import { nextToPropose, overlaps } from './matching';
import { FeeError, listRates, rateAt, recordFee } from '../fees';
import type { AssignmentStatus } from './experts.types';

export const isCoordinator = (u: SessionUser | null) => hasRole(u, 'expert_coordinator');

export type Fail<E extends string = string> = { ok: false; error: E; field?: string };
type Result<T = object, E extends string = string> = ({ ok: true } & T) | Fail<E>;

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && [...a].sort().join() === [...b].sort().join();

// ------------------------------------------------------------------------------- the register

/**
 * Creates or updates the signed-in person's own profile. A new profile is pending; changed
 * experience areas wait in `pending_areas` for the coordinator (the approved ones stay in force).
 */
export async function saveOwnProfile(
	db: ExpertsDb,
	user: SessionUser,
	input: ProfileInput
): Promise<{ ok: true; created: boolean; areasPending: boolean }> {
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('expert_profile')
			.select(['id', 'areas', 'pending_areas'])
			.where('user_id', '=', user.id)
			.forUpdate()
			.executeTakeFirst();
		const values = {
			kind: input.kind,
			first_name: input.firstName,
			phone: input.phone,
			services: input.services,
			languages: input.languages,
			municipalities: input.municipalities,
			ways: input.ways,
			meeting: input.meeting,
			available_from: input.availableFrom || null,
			available_until: input.availableUntil || null
		};
		if (!existing) {
			const row = await trx
				.insertInto('expert_profile')
				.values({ user_id: user.id, ...values, pending_areas: input.areas })
				.returning('id')
				.executeTakeFirstOrThrow();
			await recordAudit(trx, {
				actorUserId: user.id,
				action: 'experts.profile.create',
				entityType: 'expert_profile',
				entityId: row.id
			});
			return { ok: true as const, created: true, areasPending: true };
		}
		const areasPending = !sameSet(existing.areas, input.areas);
		await trx
			.updateTable('expert_profile')
			.set({ ...values, pending_areas: areasPending ? input.areas : null, updated_at: sql`now()` })
			.where('id', '=', existing.id)
			.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'experts.profile.update',
			entityType: 'expert_profile',
			entityId: existing.id,
			details: { areasPending }
		});
		return { ok: true as const, created: false, areasPending };
	});
}

/** Pauses or resumes the person's own availability: no reason asked, no approval needed. */
export async function setPaused(
	db: ExpertsDb,
	user: SessionUser,
	paused: boolean
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.updateTable('expert_profile')
			.set({ paused, updated_at: sql`now()` })
			.where('user_id', '=', user.id)
			.returning('id')
			.executeTakeFirst();
		if (!row) return false;
		await recordAudit(trx, {
			actorUserId: user.id,
			action: paused ? 'experts.profile.pause' : 'experts.profile.resume',
			entityType: 'expert_profile',
			entityId: row.id
		});
		return true;
	});
}

/** Adds a completed training to the person's own profile; a date in the future is refused. */
export async function addTraining(
	db: ExpertsDb,
	user: SessionUser,
	input: TrainingInput,
	now = new Date()
): Promise<Result<object, 'no_profile' | 'future'>> {
	if (input.completedOn > helsinkiDay(now))
		return { ok: false, error: 'future', field: 'completedOn' };
	return db.transaction().execute(async (trx) => {
		const p = await trx
			.selectFrom('expert_profile')
			.select('id')
			.where('user_id', '=', user.id)
			.executeTakeFirst();
		if (!p) return { ok: false as const, error: 'no_profile' as const };
		const row = await trx
			.insertInto('expert_training')
			.values({ profile_id: p.id, name: input.name, completed_on: input.completedOn })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'experts.training.add',
			entityType: 'expert_training',
			entityId: row.id
		});
		return { ok: true as const };
	});
}

/** Removes one of the person's own trainings (another's id changes nothing). */
export async function removeTraining(
	db: ExpertsDb,
	user: SessionUser,
	id: number
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.deleteFrom('expert_training')
			.where('id', '=', id)
			.where('profile_id', 'in', (eb) =>
				eb.selectFrom('expert_profile').select('id').where('user_id', '=', user.id)
			)
			.returning('id')
			.executeTakeFirst();
		if (!row) return false;
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'experts.training.remove',
			entityType: 'expert_training',
			entityId: id
		});
		return true;
	});
}

/** The coordinator approves a profile and its waiting change of experience areas. */
export async function approveProfile(
	db: ExpertsDb,
	actor: SessionUser,
	profileId: number
): Promise<Result<object, 'forbidden' | 'not_found' | 'nothing'>> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const p = await trx
			.selectFrom('expert_profile')
			.select(['id', 'status', 'areas', 'pending_areas'])
			.where('id', '=', profileId)
			.forUpdate()
			.executeTakeFirst();
		if (!p) return { ok: false as const, error: 'not_found' as const };
		if (p.status === 'approved' && p.pending_areas === null)
			return { ok: false as const, error: 'nothing' as const };
		await trx
			.updateTable('expert_profile')
			.set({
				status: 'approved',
				areas: p.pending_areas ?? p.areas,
				pending_areas: null,
				approved_at: sql`now()`,
				approved_by: actor.id,
				updated_at: sql`now()`
			})
			.where('id', '=', p.id)
			.execute();
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'experts.profile.approve',
			entityType: 'expert_profile',
			entityId: p.id,
			details: { areas: p.pending_areas ?? p.areas }
		});
		return { ok: true as const };
	});
}

// ------------------------------------------------------------------------------------ requests

/** A member of staff asks for experts. The schema has refused past dates, zero experts, no purpose. */
export async function createRequest(
	db: ExpertsDb,
	actor: SessionUser,
	input: RequestInput
): Promise<Result<{ id: number }, 'unit'>> {
	return db.transaction().execute(async (trx) => {
		const unit = await trx
			.selectFrom('unit')
			.select('id')
			.where('id', '=', input.unitId)
			.where('active', '=', true)
			.executeTakeFirst();
		if (!unit) return { ok: false as const, error: 'unit' as const, field: 'unitId' };
		const startsAt = helsinkiInstant(input.date, input.startTime);
		const endsAt = new Date(startsAt.getTime() + Math.round(input.durationHours * 60) * 60_000);
		const row = await trx
			.insertInto('expert_request')
			.values({
				requested_by: actor.id,
				unit_id: input.unitId,
				project: input.project,
				purpose: input.purpose,
				area: input.area,
				format: input.format,
				language: input.language,
				starts_at: startsAt,
				ends_at: endsAt,
				experts_needed: input.expertsNeeded,
				budget: input.budget === '' ? null : Number(input.budget)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'experts.request.create',
			entityType: 'expert_request',
			entityId: row.id
		});
		return { ok: true as const, id: row.id };
	});
}

/** Who may read a request: its requester, coordinators and admins. */
export function canSeeRequest(user: SessionUser, r: { requested_by: string | null }): boolean {
	return r.requested_by === user.id || isCoordinator(user);
}

// ------------------------------------------------------------------------ proposals and answers

export type ProposeError =
	| 'forbidden'
	| 'not_found'
	| 'not_open'
	| 'not_approved'
	| 'paused'
	| 'already_asked'
	| 'double_booked';

/** Refuses an overlap with the expert's other live assignments, under a lock on their profile. */
async function bookingClash(
	trx: ExpertsTx,
	profileId: number,
	requestId: number,
	span: { startsAt: Date; endsAt: Date },
	statuses: readonly AssignmentStatus[]
): Promise<boolean> {
	await trx
		.selectFrom('expert_profile')
		.select('id')
		.where('id', '=', profileId)
		.forUpdate()
		.execute();
	const others = await trx
		.selectFrom('expert_assignment')
		.select(['starts_at', 'ends_at'])
		.where('profile_id', '=', profileId)
		.where('request_id', '!=', requestId)
		.where('status', 'in', statuses)
		.execute();
	return others.some((o) => overlaps({ startsAt: o.starts_at, endsAt: o.ends_at }, span));
}

async function proposeIn(
	trx: ExpertsTx,
	actorId: string | null,
	requestId: number,
	profileId: number,
	origin: string
): Promise<Result<{ id: number }, ProposeError>> {
	const r = await trx
		.selectFrom('expert_request')
		.select(['id', 'status', 'starts_at', 'ends_at', 'project'])
		.where('id', '=', requestId)
		.forUpdate()
		.executeTakeFirst();
	if (!r) return { ok: false, error: 'not_found' };
	if (r.status !== 'open') return { ok: false, error: 'not_open' };
	const p = await trx
		.selectFrom('expert_profile as p')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.select(['p.id', 'p.status', 'p.paused', 'u.email', 'u.locale', 'u.disabled_at'])
		.where('p.id', '=', profileId)
		.executeTakeFirst();
	if (!p) return { ok: false, error: 'not_found' };
	if (p.status !== 'approved' || p.disabled_at) return { ok: false, error: 'not_approved' };
	if (p.paused) return { ok: false, error: 'paused' };
	const span = { startsAt: r.starts_at, endsAt: r.ends_at };
	if (await bookingClash(trx, profileId, requestId, span, ['proposed', 'accepted', 'closed']))
		return { ok: false, error: 'double_booked' };
	const token = generateToken();
	const row = await trx
		.insertInto('expert_assignment')
		.values({
			request_id: requestId,
			profile_id: profileId,
			status: 'proposed',
			token_hash: tokenId(token),
			starts_at: r.starts_at,
			ends_at: r.ends_at,
			proposed_by: actorId
		})
		.onConflict((oc) => oc.columns(['request_id', 'profile_id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!row) return { ok: false, error: 'already_asked' };
	await recordAudit(trx, {
		actorUserId: actorId,
		action: 'experts.assignment.propose',
		entityType: 'expert_assignment',
		entityId: row.id,
		details: { requestId, profileId }
	});
	const locale: Locale = isLocale(p.locale) ? p.locale : 'fi';
	await enqueueMail(
		trx,
		renderMail('experts.mail.proposal', locale, p.email, {
			project: r.project,
			when: formatter(locale).dateTime(r.starts_at),
			link: `${origin}/experts/answer/${token}`
		})
	);
	return { ok: true, id: row.id };
}

/** The coordinator proposes an expert for a request; the expert is mailed a link to answer. */
export async function proposeExpert(
	db: ExpertsDb,
	actor: SessionUser,
	requestId: number,
	profileId: number,
	origin: string
): Promise<Result<{ id: number }, ProposeError>> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	return db.transaction().execute((trx) => proposeIn(trx, actor.id, requestId, profileId, origin));
}

export type AnswerError = 'not_found' | 'answered' | 'double_booked';

export interface AnswerResult {
	ok: true;
	answer: 'accept' | 'decline';
	/** After a decline: the assignment proposed to the next expert, or null when none is left. */
	nextProposed: number | null;
}

async function answerIn(
	trx: ExpertsTx,
	actorId: string | null,
	assignmentId: number,
	answer: 'accept' | 'decline',
	origin: string
): Promise<AnswerResult | Fail<AnswerError>> {
	const a = await trx
		.selectFrom('expert_assignment')
		.select(['id', 'status', 'request_id', 'profile_id', 'starts_at', 'ends_at'])
		.where('id', '=', assignmentId)
		.forUpdate()
		.executeTakeFirst();
	if (!a) return { ok: false, error: 'not_found' };
	if (a.status !== 'proposed') return { ok: false, error: 'answered' };
	if (
		answer === 'accept' &&
		(await bookingClash(
			trx,
			a.profile_id,
			a.request_id,
			{ startsAt: a.starts_at, endsAt: a.ends_at },
			['accepted', 'closed']
		))
	)
		return { ok: false, error: 'double_booked' };
	await trx
		.updateTable('expert_assignment')
		.set({
			status: answer === 'accept' ? 'accepted' : 'declined',
			answered_at: sql`now()`
		})
		.where('id', '=', a.id)
		.execute();
	await recordAudit(trx, {
		actorUserId: actorId,
		action: answer === 'accept' ? 'experts.assignment.accept' : 'experts.assignment.decline',
		entityType: 'expert_assignment',
		entityId: a.id
	});
	const req = await getRequest(trx, a.request_id);
	if (!req) return { ok: false, error: 'not_found' };
	let nextProposed: number | null = null;
	if (answer === 'accept') {
		const { n } = await trx
			.selectFrom('expert_assignment')
			.select(sql<number>`count(*)::int`.as('n'))
			.where('request_id', '=', a.request_id)
			.where('status', 'in', ['accepted', 'closed'])
			.executeTakeFirstOrThrow();
		if (n >= req.experts_needed && req.status === 'open') {
			await trx
				.updateTable('expert_request')
				.set({ status: 'filled' })
				.where('id', '=', req.id)
				.execute();
			// Proposals still waiting are no longer needed.
			await trx
				.updateTable('expert_assignment')
				.set({ status: 'withdrawn' })
				.where('request_id', '=', req.id)
				.where('status', '=', 'proposed')
				.execute();
		}
		if (req.requested_by) {
			const staff = await trx
				.selectFrom('app_user')
				.select(['email', 'locale'])
				.where('id', '=', req.requested_by)
				.where('disabled_at', 'is', null)
				.executeTakeFirst();
			if (staff)
				await enqueueMail(
					trx,
					renderMail(
						'experts.mail.accepted',
						isLocale(staff.locale) ? staff.locale : 'fi',
						staff.email,
						{ project: req.project, link: `${origin}/staff/experts/requests/${req.id}` }
					)
				);
		}
	} else if (req.status === 'open') {
		// The next one of the ranking is proposed, as the coordinator would.
		const candidates = await candidatesFor(
			trx,
			req.id,
			Number(helsinkiDay(req.starts_at).slice(0, 4))
		);
		const next = nextToPropose(matchRequestOf(req), candidates, await askedFor(trx, req.id));
		if (next) {
			const r = await proposeIn(trx, null, req.id, next.profileId, origin);
			if (r.ok) nextProposed = r.id;
		}
	}
	return { ok: true, answer, nextProposed };
}

/** The expert answers from the mailed link (the token is the key; it works once). */
export async function answerByToken(
	db: ExpertsDb,
	token: string,
	answer: 'accept' | 'decline',
	origin: string
): Promise<AnswerResult | Fail<AnswerError>> {
	if (!/^[a-z2-7]{32}$/.test(token)) return { ok: false, error: 'not_found' };
	return db.transaction().execute(async (trx) => {
		const a = await assignmentByTokenHash(trx, tokenId(token));
		if (!a) return { ok: false as const, error: 'not_found' as const };
		return answerIn(trx, null, a.id, answer, origin);
	});
}

/** The expert answers on their own page: only their own proposal. */
export async function answerAsExpert(
	db: ExpertsDb,
	user: SessionUser,
	assignmentId: number,
	answer: 'accept' | 'decline',
	origin: string
): Promise<AnswerResult | Fail<AnswerError>> {
	return db.transaction().execute(async (trx) => {
		const own = await trx
			.selectFrom('expert_assignment as a')
			.innerJoin('expert_profile as p', 'p.id', 'a.profile_id')
			.select('a.id')
			.where('a.id', '=', assignmentId)
			.where('p.user_id', '=', user.id)
			.executeTakeFirst();
		if (!own) return { ok: false as const, error: 'not_found' as const };
		return answerIn(trx, user.id, assignmentId, answer, origin);
	});
}

/** The proposal a link opens, for its page (nothing changes on a GET). */
export function proposalForToken(db: ExpertsDb, token: string) {
	if (!/^[a-z2-7]{32}$/.test(token)) return Promise.resolve(undefined);
	return assignmentByTokenHash(db, tokenId(token));
}

// ---------------------------------------------------------------------------------- assignment

/** The hourly rate of the shared fee schedule on a day, in euros, or null when none is in force. */
export async function hourlyRate(db: ExpertsDb, day: string): Promise<number | null> {
	const r = rateAt(await listRates(db), 'hourly', day);
	return r ? r.cents / 100 : null;
}

export type CloseError = 'forbidden' | 'not_found' | 'not_accepted' | 'no_rate';

/**
 * The coordinator closes an accepted assignment with its hours, travel and fee and what it
 * found. Hours and travel are recorded on the shared fee schedule (the fees module): the hours at
 * the schedule's hourly rate on the assignment's day (`hourly`), or a fee the coordinator gives
 * instead (`other`), and travel as its actual cost (`travel_ticket`); the assignment keeps the
 * sums for its own totals. The finding goes to the impact tracker by event.
 */
export async function closeAssignment(
	db: ExpertsDb,
	actor: SessionUser,
	assignmentId: number,
	input: CloseInput
): Promise<Result<{ fee: number }, CloseError>> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const a = await trx
			.selectFrom('expert_assignment as a')
			.innerJoin('expert_profile as p', 'p.id', 'a.profile_id')
			.innerJoin('app_user as u', 'u.id', 'p.user_id')
			.select(['a.id', 'a.status', 'a.request_id', 'a.starts_at', 'p.user_id', 'u.display_name'])
			.where('a.id', '=', assignmentId)
			.forUpdate()
			.executeTakeFirst();
		if (!a) return { ok: false as const, error: 'not_found' as const };
		if (a.status !== 'accepted') return { ok: false as const, error: 'not_accepted' as const };
		const hours = Math.round(input.hours * 100) / 100;
		const travel = Math.round(input.travel * 100) / 100;
		const req = await getRequest(trx, a.request_id);
		if (!req) return { ok: false as const, error: 'not_found' as const };
		const entry = {
			payeeUserId: a.user_id,
			payeeName: a.display_name,
			sourceType: 'expert_assignment',
			sourceId: String(a.id),
			eventOn: helsinkiDay(a.starts_at),
			label: req.project.slice(0, 300)
		};
		let record;
		try {
			// The first write of the transaction: a missing rate changes nothing.
			record =
				input.fee === ''
					? await recordFee(trx, actor.id, { ...entry, kind: 'hourly', quantity: hours })
					: await recordFee(trx, actor.id, {
							...entry,
							kind: 'other',
							quantity: 1,
							unitCents: Math.round(Number(input.fee) * 100),
							note: `${hours} h`
						});
		} catch (e) {
			if (e instanceof FeeError && e.code === 'noRate')
				return { ok: false as const, error: 'no_rate' as const };
			throw e;
		}
		if (travel > 0)
			await recordFee(trx, actor.id, {
				...entry,
				kind: 'travel_ticket',
				quantity: 1,
				unitCents: Math.round(travel * 100)
			});
		const fee = record.amountCents / 100;
		await trx
			.updateTable('expert_assignment')
			.set({
				status: 'closed',
				hours,
				travel,
				fee,
				fee_record_id: record.id,
				finding: input.finding,
				closed_at: sql`now()`,
				closed_by: actor.id
			})
			.where('id', '=', a.id)
			.execute();
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'experts.assignment.close',
			entityType: 'expert_assignment',
			entityId: a.id,
			details: { hours, travel, fee, feeRecordId: record.id }
		});
		const live = await trx
			.selectFrom('expert_assignment as x')
			.innerJoin('expert_profile as p', 'p.id', 'x.profile_id')
			.select(['x.status', 'p.user_id'])
			.where('x.request_id', '=', req.id)
			.execute();
		const closed = live.filter((l) => l.status === 'closed').length;
		if (req.status === 'filled' && !live.some((l) => l.status === 'accepted'))
			await trx
				.updateTable('expert_request')
				.set({ status: 'done' })
				.where('id', '=', req.id)
				.execute();
		if (input.finding)
			await publish(trx, 'experts.finding_recorded', {
				assignmentId: a.id,
				requestId: req.id,
				unitId: req.unit_id,
				municipalityCode: req.municipality_code,
				project: req.project,
				purpose: req.purpose,
				startsOn: helsinkiDay(req.starts_at),
				endsOn: helsinkiDay(req.ends_at.getTime() - 1),
				experts: closed,
				expertUserIds: [
					...new Set(live.filter((l) => l.status === 'closed').map((l) => l.user_id))
				],
				finding: input.finding,
				recordedOn: helsinkiDay(new Date())
			});
		return { ok: true as const, fee };
	});
}

export type FeedbackError = 'not_found' | 'not_yet';

/**
 * Short feedback from either side: `staff` is the requester (or a coordinator), `expert` the
 * expert of the assignment. Accepted or closed assignments only; another's assignment is not found.
 */
export async function giveFeedback(
	db: ExpertsDb,
	user: SessionUser,
	side: 'staff' | 'expert',
	input: FeedbackInput
): Promise<Result<object, FeedbackError>> {
	return db.transaction().execute(async (trx) => {
		const a = await trx
			.selectFrom('expert_assignment as a')
			.innerJoin('expert_request as r', 'r.id', 'a.request_id')
			.innerJoin('expert_profile as p', 'p.id', 'a.profile_id')
			.select(['a.id', 'a.status', 'r.requested_by', 'p.user_id'])
			.where('a.id', '=', input.id)
			.executeTakeFirst();
		const mine =
			a &&
			(side === 'expert'
				? a.user_id === user.id
				: a.requested_by === user.id || isCoordinator(user));
		if (!a || !mine) return { ok: false as const, error: 'not_found' as const };
		if (a.status !== 'accepted' && a.status !== 'closed')
			return { ok: false as const, error: 'not_yet' as const };
		await trx
			.updateTable('expert_assignment')
			.set(
				side === 'staff' ? { staff_feedback: input.feedback } : { expert_feedback: input.feedback }
			)
			.where('id', '=', a.id)
			.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: `experts.assignment.feedback_${side}`,
			entityType: 'expert_assignment',
			entityId: a.id
		});
		return { ok: true as const };
	});
}
