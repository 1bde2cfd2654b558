/**
 * The tracker's rules. Services own their transaction; every staff change is audited in it, and
 * the mail it causes (owner on assignment, notices to the people who fed a finding) is written to
 * the outbox in the same transaction, so a change and its mail commit together.
 *
 * Rules (issue 12): only the finding's owner (the person, or staff of the owning unit),
 * impact coordinators and admins change its status; "not taken forward" needs a public
 * explanation; dates never run backwards (a response before its finding, or before the
 * response it follows).
 */
import { sql } from 'kysely';
import { recordAudit } from '../core/audit';
import { enqueueMails, renderMail, type OutgoingMail } from '../core/mail';
import { hasRole, type SessionUser } from '../core/auth/roles';
import { helsinkiDay } from '../core/time';
import { isLocale, type Locale } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';
import type { ImpactDb, ImpactExecutor, ImpactTx } from './impact.db';
import { idOrNull, type DecisionInput, type StatusInput } from './impact.schemas';
import type { Evidence, FindingKind, Status } from './impact.types';
import { WAITING_STATUSES } from './impact.types';
import { isoDay } from './impact.queries';
import { findingRecipients } from './contacts';

// ---------------------------------------------------------------- registration (event handlers)

export interface ActivityRegistration {
	sourceType: string;
	sourceId: string;
	topic: string;
	description?: string;
	startsOn: string;
	endsOn?: string | null;
	municipalityCode?: string | null;
	organiserUnitId?: number | null;
	organiser?: string;
	invited?: number | null;
	tookPart?: number | null;
	byGroup?: Record<string, number>;
	serviceLineIds?: number[];
}

/** Creates or updates the activity of a source; the same registration twice changes nothing. */
export async function upsertActivity(trx: ImpactTx, a: ActivityRegistration): Promise<number> {
	const values = {
		topic: a.topic,
		description: a.description ?? '',
		starts_on: a.startsOn,
		ends_on: a.endsOn ?? null,
		municipality_code: a.municipalityCode ?? null,
		organiser_unit_id: a.organiserUnitId ?? null,
		organiser: a.organiser ?? '',
		invited: a.invited ?? null,
		took_part: a.tookPart ?? null,
		by_group: JSON.stringify(a.byGroup ?? {})
	};
	const row = await trx
		.insertInto('impact_activity')
		.values({ source_type: a.sourceType, source_id: a.sourceId, ...values })
		.onConflict((oc) =>
			oc
				.columns(['source_type', 'source_id'])
				.where('source_id', 'is not', null)
				.doUpdateSet({ ...values, updated_at: sql`now()` })
		)
		.returning('id')
		.executeTakeFirstOrThrow();
	if (a.serviceLineIds) {
		await trx
			.deleteFrom('impact_activity_service_line')
			.where('activity_id', '=', row.id)
			.execute();
		if (a.serviceLineIds.length)
			await trx
				.insertInto('impact_activity_service_line')
				.values(a.serviceLineIds.map((id) => ({ activity_id: row.id, service_line_id: id })))
				.onConflict((oc) => oc.doNothing())
				.execute();
	}
	return row.id;
}

export interface FindingRegistration {
	activityId: number;
	sourceType: string;
	sourceId: string;
	kind: FindingKind;
	body: string;
	note?: string;
	evidence: Evidence[];
	recordedOn: string;
}

/**
 * Creates the finding of a source (status "received", with its first response) or updates its
 * text and evidence; a finding the source withdrew and records again comes back. Status and owner
 * are the tracker's and are never touched here.
 */
export async function upsertFinding(trx: ImpactTx, f: FindingRegistration): Promise<number> {
	const existing = await trx
		.selectFrom('impact_finding')
		.select('id')
		.where('source_type', '=', f.sourceType)
		.where('source_id', '=', f.sourceId)
		.executeTakeFirst();
	if (existing) {
		await trx
			.updateTable('impact_finding')
			.set({
				body: f.body,
				note: f.note ?? '',
				evidence: JSON.stringify(f.evidence),
				withdrawn_at: null
			})
			.where('id', '=', existing.id)
			.execute();
		return existing.id;
	}
	const row = await trx
		.insertInto('impact_finding')
		.values({
			activity_id: f.activityId,
			source_type: f.sourceType,
			source_id: f.sourceId,
			kind: f.kind,
			body: f.body,
			note: f.note ?? '',
			evidence: JSON.stringify(f.evidence),
			recorded_on: f.recordedOn
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('impact_response')
		.values({ finding_id: row.id, status: 'received', effective_on: f.recordedOn })
		.execute();
	return row.id;
}

export async function withdrawFinding(trx: ImpactTx, sourceType: string, sourceId: string) {
	await trx
		.updateTable('impact_finding')
		.set({ withdrawn_at: sql`now()` })
		.where('source_type', '=', sourceType)
		.where('source_id', '=', sourceId)
		.where('withdrawn_at', 'is', null)
		.execute();
}

export type Contact = { userId: string } | { email: string; locale: string };

/** The people who fed a finding and can be told when it moves; adding one twice is a no-op. */
export async function addContacts(trx: ImpactTx, findingId: number, contacts: Contact[]) {
	for (const c of contacts) {
		let id: number | undefined;
		if ('userId' in c) {
			const user = await trx
				.selectFrom('app_user')
				.select(['id', 'locale'])
				.where('id', '=', c.userId)
				.executeTakeFirst();
			if (!user) continue; // erased meanwhile
			id = (
				await trx
					.insertInto('impact_recipient')
					.values({ user_id: user.id, locale: user.locale })
					.onConflict((oc) => oc.column('user_id').doUpdateSet({ locale: user.locale }))
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		} else {
			const email = c.email.trim().toLowerCase();
			id = (
				await trx
					.insertInto('impact_recipient')
					.values({ email, locale: isLocale(c.locale) ? c.locale : 'fi' })
					.onConflict((oc) => oc.column('email').doUpdateSet({ email }))
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		}
		await trx
			.insertInto('impact_contact')
			.values({ finding_id: findingId, recipient_id: id })
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
}

// ---------------------------------------------------------------- who may change

export interface FindingOwner {
	owner_unit_id: number | null;
	owner_user_id: string | null;
	owner_unit_line?: number | null;
}

export function isCoordinator(user: SessionUser | null): boolean {
	return hasRole(user, 'impact_coordinator');
}

/** The owner (the person, or staff of the owning unit or its service line), coordinators, admins. */
export function canChange(user: SessionUser | null, f: FindingOwner): boolean {
	if (!user) return false;
	if (isCoordinator(user)) return true;
	if (f.owner_user_id && f.owner_user_id === user.id) return true;
	if (f.owner_unit_id !== null)
		return user.roles.some(
			(g) =>
				g.role === 'staff' &&
				(g.unitId === f.owner_unit_id ||
					(g.unitId === null &&
						g.serviceLineId !== null &&
						g.serviceLineId === (f.owner_unit_line ?? null)))
		);
	return false;
}

async function ownerOf(db: ImpactExecutor, findingIds: number[]) {
	return db
		.selectFrom('impact_finding as f')
		.leftJoin('unit as u', 'u.id', 'f.owner_unit_id')
		.select([
			'f.id',
			'f.owner_unit_id',
			'f.owner_user_id',
			'u.service_line_id as owner_unit_line',
			'f.status',
			'f.withdrawn_at',
			isoDay('f.recorded_on').as('recorded_on')
		])
		.where('f.id', 'in', findingIds)
		.execute();
}

// ---------------------------------------------------------------- owner and status

export type ChangeError =
	'not_found' | 'forbidden' | 'before_finding' | 'before_previous' | 'future';

/** Sets a finding's owner; only coordinators assign. The owner is mailed in the same commit. */
export async function assignOwner(
	db: ImpactDb,
	actor: SessionUser,
	findingId: number,
	owner: { unitId: number | null; userId: string | null },
	origin: string
): Promise<{ ok: true } | { ok: false; error: ChangeError | 'unknown_owner' }> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const f = await trx
			.selectFrom('impact_finding')
			.select(['id', 'body'])
			.where('id', '=', findingId)
			.where('withdrawn_at', 'is', null)
			.executeTakeFirst();
		if (!f) return { ok: false as const, error: 'not_found' as const };
		const to = await ownerAddresses(trx, owner);
		if (to === null) return { ok: false as const, error: 'unknown_owner' as const };
		await trx
			.updateTable('impact_finding')
			.set({ owner_unit_id: owner.unitId, owner_user_id: owner.userId, reminded_at: null })
			.where('id', '=', findingId)
			.execute();
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.finding.assign',
			entityType: 'impact_finding',
			entityId: findingId,
			details: { unitId: owner.unitId, userId: owner.userId }
		});
		const link = `${origin}/staff/impact/findings/${findingId}`;
		await enqueueMails(
			trx,
			to.map((r) =>
				renderMail('impact.mail.assigned', r.locale, r.email, { finding: clip(f.body), link })
			)
		);
		return { ok: true as const };
	});
}

function clip(s: string, n = 200) {
	return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The addresses of an owner: the person, or the staff holding a grant for the unit. null: no such owner. */
async function ownerAddresses(
	db: ImpactExecutor,
	owner: { unitId: number | null; userId: string | null }
): Promise<{ email: string; locale: Locale }[] | null> {
	const loc = (l: string): Locale => (isLocale(l) ? l : 'fi');
	if (owner.userId) {
		const u = await db
			.selectFrom('app_user')
			.select(['email', 'locale'])
			.where('id', '=', owner.userId)
			.where('disabled_at', 'is', null)
			.executeTakeFirst();
		return u ? [{ email: u.email, locale: loc(u.locale) }] : null;
	}
	if (owner.unitId === null) return null;
	const unit = await db
		.selectFrom('unit')
		.select('id')
		.where('id', '=', owner.unitId)
		.executeTakeFirst();
	if (!unit) return null;
	const rows = await db
		.selectFrom('user_role as r')
		.innerJoin('app_user as u', 'u.id', 'r.user_id')
		.select(['u.email', 'u.locale'])
		.distinct()
		.where('r.role', '=', 'staff')
		.where('r.unit_id', '=', owner.unitId)
		.where('u.disabled_at', 'is', null)
		.execute();
	return rows.map((u) => ({ email: u.email, locale: loc(u.locale) }));
}

/**
 * Moves one or more findings (all of a decision's, when it is decided or implemented) to a status
 * with its date and public explanation. All or nothing: one finding the actor may not change, or
 * whose dates would run backwards, refuses the whole change. The people who fed them get one mail
 * each, listing every finding of theirs that moved, once per person per change.
 */
export async function changeStatus(
	db: ImpactDb,
	actor: SessionUser,
	findingIds: number[],
	input: StatusInput,
	origin: string,
	today: string = helsinkiDay(new Date())
): Promise<{ ok: true; noticed: number } | { ok: false; error: ChangeError }> {
	if (findingIds.length === 0) return { ok: false, error: 'not_found' };
	if (input.effectiveOn > today) return { ok: false, error: 'future' };
	return db.transaction().execute(async (trx) => {
		const rows = await ownerOf(trx, findingIds);
		if (rows.length !== new Set(findingIds).size || rows.some((r) => r.withdrawn_at))
			return { ok: false as const, error: 'not_found' as const };
		if (!rows.every((r) => canChange(actor, r)))
			return { ok: false as const, error: 'forbidden' as const };
		if (rows.some((r) => input.effectiveOn < r.recorded_on))
			return { ok: false as const, error: 'before_finding' as const };
		const last = await trx
			.selectFrom('impact_response')
			.select(['finding_id', sql<string>`to_char(max(effective_on), 'YYYY-MM-DD')`.as('day')])
			.where('finding_id', 'in', findingIds)
			.groupBy('finding_id')
			.execute();
		if (last.some((l) => input.effectiveOn < l.day))
			return { ok: false as const, error: 'before_previous' as const };

		const responses: { id: number; finding_id: number }[] = [];
		for (const r of rows) {
			responses.push(
				await trx
					.insertInto('impact_response')
					.values({
						finding_id: r.id,
						status: input.status,
						owner_unit_id: r.owner_unit_id,
						owner_user_id: r.owner_user_id,
						effective_on: input.effectiveOn,
						explanation_fi: input.explanationFi,
						explanation_sv: input.explanationSv,
						explanation_en: input.explanationEn,
						created_by: actor.id
					})
					.returning(['id', 'finding_id'])
					.executeTakeFirstOrThrow()
			);
			await recordAudit(trx, {
				actorUserId: actor.id,
				action: 'impact.finding.status',
				entityType: 'impact_finding',
				entityId: r.id,
				details: { from: r.status, to: input.status, effectiveOn: input.effectiveOn }
			});
		}
		await trx
			.updateTable('impact_finding')
			.set({ status: input.status, status_changed_at: sql`now()`, reminded_at: null })
			.where('id', 'in', findingIds)
			.execute();
		const noticed = await writeNotices(trx, responses, origin);
		return { ok: true as const, noticed };
	});
}

/**
 * One mail per recipient for the responses of one change, listing each of their findings that
 * moved; the (response, recipient) rows make it once per person per change. Opted-out recipients
 * and erased accounts get nothing.
 */
async function writeNotices(
	trx: ImpactTx,
	responses: { id: number; finding_id: number }[],
	origin: string
): Promise<number> {
	if (responses.length === 0) return 0;
	const pairs = await findingRecipients(
		trx,
		responses.map((r) => r.finding_id)
	);
	if (pairs.length === 0) return 0;
	const people = await trx
		.selectFrom('impact_recipient as p')
		.leftJoin('app_user as u', 'u.id', 'p.user_id')
		.select([
			'p.id',
			'p.token',
			'p.locale as p_locale',
			'p.email as p_email',
			'u.email as u_email',
			'u.locale as u_locale'
		])
		.where('p.id', 'in', [...new Set(pairs.map((p) => p.recipient_id))])
		.where('p.opted_out_at', 'is', null)
		.where((eb) => eb.or([eb('p.user_id', 'is', null), eb('u.disabled_at', 'is', null)]))
		.execute();
	const moved = await trx
		.selectFrom('impact_response as r')
		.innerJoin('impact_finding as f', 'f.id', 'r.finding_id')
		.innerJoin('impact_activity as a', 'a.id', 'f.activity_id')
		.select([
			'r.id as response_id',
			'r.status',
			'f.id as finding_id',
			'f.body',
			'f.activity_id',
			'a.topic'
		])
		.where(
			'r.id',
			'in',
			responses.map((r) => r.id)
		)
		.execute();
	const person = new Map(people.map((p) => [p.id, p]));
	const rows = pairs
		.flatMap((pair) => {
			const p = person.get(pair.recipient_id);
			if (!p) return [];
			return moved
				.filter((m) => m.finding_id === pair.finding_id)
				.map((m) => ({
					...m,
					recipient_id: p.id,
					token: p.token,
					p_locale: p.p_locale,
					p_email: p.p_email,
					u_email: p.u_email,
					u_locale: p.u_locale
				}));
		})
		.sort((a, b) => a.recipient_id - b.recipient_id || a.finding_id - b.finding_id);
	const byRecipient = new Map<number, typeof rows>();
	for (const r of rows) {
		const email = r.u_email ?? r.p_email;
		if (!email) continue;
		const list = byRecipient.get(r.recipient_id) ?? [];
		list.push(r);
		byRecipient.set(r.recipient_id, list);
	}
	const mails: OutgoingMail[] = [];
	for (const [recipientId, list] of byRecipient) {
		const inserted = await trx
			.insertInto('impact_notice')
			.values(list.map((r) => ({ response_id: r.response_id, recipient_id: recipientId })))
			.onConflict((oc) => oc.doNothing())
			.returning('response_id')
			.execute();
		const fresh = new Set(inserted.map((i) => i.response_id));
		const items = list.filter((r) => fresh.has(r.response_id));
		if (items.length === 0) continue;
		const first = items[0];
		const raw = first.u_locale ?? first.p_locale;
		const locale: Locale = isLocale(raw) ? raw : 'fi';
		const lines = items
			.map(
				(r) =>
					`- ${clip(r.body, 160)}\n  ${translateStatus(locale, r.status)}: ${origin}/sanoitte-teimme/${r.activity_id}#finding-${r.finding_id}`
			)
			.join('\n');
		// The "felt heard" question, once per activity of theirs in this mail (heard.service.ts).
		const activities = [...new Map(items.map((r) => [r.activity_id, r.topic])).entries()];
		const heard = [
			translate(locale, 'impact.mail.noticeHeard'),
			...activities.map(
				([id, topic]) =>
					`- ${clip(topic, 120)}: ${origin}/sanoitte-teimme/heard/${first.token}/${id}`
			)
		].join('\n');
		mails.push(
			renderMail('impact.mail.notice', locale, (first.u_email ?? first.p_email)!, {
				count: items.length,
				findings: lines,
				heard,
				optOut: `${origin}/sanoitte-teimme/notices/${first.token}`
			})
		);
	}
	await enqueueMails(trx, mails);
	return mails.length;
}

function translateStatus(locale: Locale, status: Status) {
	return translate(locale, `impact.status.${status}`);
}

/** The opt-out link: turns every later notice to this person off. Unknown tokens: false. */
export async function optOut(db: ImpactDb, token: string): Promise<boolean> {
	if (!/^[0-9a-f-]{36}$/i.test(token)) return false;
	const r = await db
		.updateTable('impact_recipient')
		.set({ opted_out_at: sql`coalesce(opted_out_at, now())` })
		.where('token', '=', token)
		.returning('id')
		.executeTakeFirst();
	return !!r;
}

// ---------------------------------------------------------------- decisions

export async function createDecision(
	db: ImpactDb,
	actor: SessionUser,
	d: DecisionInput
): Promise<{ ok: true; id: number } | { ok: false; error: 'forbidden' | 'unknown_parent' }> {
	if (!isCoordinator(actor)) return { ok: false, error: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const parentId = idOrNull(d.parentId);
		if (parentId !== null) {
			const p = await trx
				.selectFrom('impact_decision')
				.select('id')
				.where('id', '=', parentId)
				.executeTakeFirst();
			if (!p) return { ok: false as const, error: 'unknown_parent' as const };
		}
		const row = await trx
			.insertInto('impact_decision')
			.values({
				title_fi: d.titleFi,
				title_sv: d.titleSv,
				title_en: d.titleEn,
				parent_id: parentId,
				progress: d.progress,
				decided_on: d.decidedOn === '' ? null : d.decidedOn,
				created_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.decision.create',
			entityType: 'impact_decision',
			entityId: row.id
		});
		return { ok: true as const, id: row.id };
	});
}

/** Links a finding to a decision (or unlinks it with null): several findings, one decision. */
export async function linkToDecision(
	db: ImpactDb,
	actor: SessionUser,
	findingId: number,
	decisionId: number | null
): Promise<boolean> {
	if (!isCoordinator(actor)) return false;
	return db.transaction().execute(async (trx) => {
		if (decisionId !== null) {
			const d = await trx
				.selectFrom('impact_decision')
				.select('id')
				.where('id', '=', decisionId)
				.executeTakeFirst();
			if (!d) return false;
		}
		const r = await trx
			.updateTable('impact_finding')
			.set({ decision_id: decisionId })
			.where('id', '=', findingId)
			.returning('id')
			.executeTakeFirst();
		if (!r) return false;
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.finding.decision',
			entityType: 'impact_finding',
			entityId: findingId,
			details: { decisionId }
		});
		return true;
	});
}

export async function setProgress(
	db: ImpactDb,
	actor: SessionUser,
	decisionId: number,
	progress: number
): Promise<boolean> {
	if (!isCoordinator(actor) || !Number.isInteger(progress) || progress < 0 || progress > 100)
		return false;
	return db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('impact_decision')
			.set({ progress })
			.where('id', '=', decisionId)
			.returning('id')
			.executeTakeFirst();
		if (!r) return false;
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'impact.decision.progress',
			entityType: 'impact_decision',
			entityId: decisionId,
			details: { progress }
		});
		return true;
	});
}

/**
 * Progress as Decidim's accountability rolls it up: a decision with children shows the mean of
 * its children's (rolled-up) progress; a leaf shows its own.
 */
export function rollUpProgress(
	decisions: readonly { id: number; parent_id: number | null; progress: number }[]
): Map<number, number> {
	const children = new Map<number, number[]>();
	for (const d of decisions)
		if (d.parent_id !== null)
			children.set(d.parent_id, [...(children.get(d.parent_id) ?? []), d.id]);
	const own = new Map(decisions.map((d) => [d.id, d.progress]));
	const out = new Map<number, number>();
	const visit = (id: number, seen: Set<number>): number => {
		const done = out.get(id);
		if (done !== undefined) return done;
		const kids = (children.get(id) ?? []).filter((k) => !seen.has(k));
		const value = kids.length
			? Math.round(kids.reduce((s, k) => s + visit(k, new Set([...seen, k])), 0) / kids.length)
			: (own.get(id) ?? 0);
		out.set(id, value);
		return value;
	};
	for (const d of decisions) visit(d.id, new Set([d.id]));
	return out;
}

// ---------------------------------------------------------------- reminders

/**
 * Weekly reminder to owners of findings still waiting (received / under consideration) longer
 * than `limitDays` since their last change: one mail per owner address listing the count.
 */
export async function sendReminders(
	db: ImpactDb,
	origin: string,
	limitDays: number,
	now: Date = new Date()
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const due = await trx
			.selectFrom('impact_finding')
			.select(['id', 'owner_unit_id', 'owner_user_id'])
			.where('status', 'in', WAITING_STATUSES)
			.where('withdrawn_at', 'is', null)
			.where((eb) =>
				eb.or([eb('owner_unit_id', 'is not', null), eb('owner_user_id', 'is not', null)])
			)
			.where(
				'status_changed_at',
				'<',
				sql<Date>`${now}::timestamptz - make_interval(days => ${limitDays})`
			)
			.where((eb) =>
				eb.or([
					eb('reminded_at', 'is', null),
					eb('reminded_at', '<', sql<Date>`${now}::timestamptz - interval '7 days'`)
				])
			)
			.execute();
		if (due.length === 0) return 0;
		const perAddress = new Map<string, { locale: Locale; count: number }>();
		for (const f of due) {
			for (const a of (await ownerAddresses(trx, {
				unitId: f.owner_unit_id,
				userId: f.owner_user_id
			})) ?? []) {
				const e = perAddress.get(a.email) ?? { locale: a.locale, count: 0 };
				e.count++;
				perAddress.set(a.email, e);
			}
		}
		await trx
			.updateTable('impact_finding')
			.set({ reminded_at: now })
			.where(
				'id',
				'in',
				due.map((f) => f.id)
			)
			.execute();
		await enqueueMails(
			trx,
			[...perAddress].map(([email, e]) =>
				renderMail('impact.mail.reminder', e.locale, email, {
					count: e.count,
					days: limitDays,
					link: `${origin}/staff/impact?waiting=1`
				})
			)
		);
		return perAddress.size;
	});
}
