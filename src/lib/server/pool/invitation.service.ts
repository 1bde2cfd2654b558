/**
 * Invitations from the pool to any activity (conversation, panel, council …): the target is a
 * filter or a hand-picked list; each recipient gets a mail in their language with a personal
 * reply link (only the link's SHA-256 is stored), so answering needs no sign-in.
 */
import { sql } from 'kysely';
import type { PoolDb, PoolExecutor } from './pool.db';
import { enqueueMails, renderMail, type OutgoingMail } from '../core/mail';
import { publish } from '../core/events';
import { recordAudit } from '../core/audit';
import { translate } from '../core/i18n/translate';
import { writeSpreadsheetCsv } from '../core/csv';
import { generateToken, tokenId } from '../core/auth/tokens';
import { isLocale, type Locale } from '$lib/i18n';
import type { Answer } from './pool.tables';
import { memberGroups, type MemberFilters } from './pool.types';
import { memberTargets } from './pool.queries';
import { endOfHelsinkiDay, helsinkiDateText, helsinkiDay, isHelsinkiDay } from '../core/time';

export interface InvitationInput {
	activityType: string;
	activityId?: string | null;
	title: string;
	messages: { fi: string; sv?: string; en?: string };
	replyDeadline: Date;
	maxAccepted?: number | null;
	/** Either filters (active members only) or a hand-picked list of member ids. */
	filters?: MemberFilters;
	memberIds?: string[];
}

function messageFor(
	inv: { message_fi: string; message_sv: string; message_en: string },
	l: Locale
) {
	return (l === 'sv' ? inv.message_sv : l === 'en' ? inv.message_en : '') || inv.message_fi;
}

/**
 * The reply deadline picked as a calendar day ends at the end of that day in Finland, summer
 * time included. Undefined when the day is not a real date or is already over.
 */
export function replyDeadlineOf(day: string, now = new Date()): Date | undefined {
	if (!isHelsinkiDay(day)) return undefined;
	const end = endOfHelsinkiDay(day);
	return end.getTime() < now.getTime() ? undefined : end;
}

async function targets(db: PoolExecutor, input: InvitationInput) {
	if (input.memberIds) {
		if (!input.memberIds.length) return [];
		return db
			.selectFrom('pool_member')
			.select(['id', 'email', 'locale'])
			.where('id', 'in', input.memberIds)
			.where('status', '=', 'active')
			.execute();
	}
	return memberTargets(db, { ...input.filters, status: ['active'] });
}

/** Creates the invitation and queues one mail a recipient, all in one transaction. */
export async function createInvitation(
	db: PoolDb,
	actorUserId: string,
	origin: string,
	input: InvitationInput
): Promise<{ id: number; recipients: number }> {
	const result = await db.transaction().execute(async (trx) => {
		const inv = await trx
			.insertInto('pool_invitation')
			.values({
				activity_type: input.activityType,
				activity_id: input.activityId || null,
				title: input.title.trim(),
				message_fi: input.messages.fi.trim(),
				message_sv: input.messages.sv?.trim() ?? '',
				message_en: input.messages.en?.trim() ?? '',
				reply_deadline: input.replyDeadline,
				max_accepted: input.maxAccepted ?? null,
				created_by: actorUserId
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const members = await targets(trx, input);
		const mails: OutgoingMail[] = [];
		for (let i = 0; i < members.length; i += 1000) {
			const chunk = members.slice(i, i + 1000);
			const rows = chunk.map((m) => {
				const token = generateToken();
				const l = isLocale(m.locale) ? m.locale : 'fi';
				mails.push(
					renderMail('pool.mail.invitation', l, m.email, {
						title: inv.title,
						message: messageFor(inv, l),
						deadline: helsinkiDateText(inv.reply_deadline, l),
						url: `${origin}/pool/reply/${token}`
					})
				);
				return { invitation_id: inv.id, member_id: m.id, token_id: tokenId(token) };
			});
			await trx.insertInto('pool_recipient').values(rows).execute();
		}
		await enqueueMails(trx, mails);
		await recordAudit(trx, {
			actorUserId,
			action: 'pool.invitation_created',
			entityType: 'pool_invitation',
			entityId: inv.id,
			details: {
				recipients: members.length,
				activityType: input.activityType,
				byList: !!input.memberIds
			}
		});
		await publish(trx, 'pool.invitation_created', {
			invitationId: inv.id,
			activityType: input.activityType,
			recipients: members.length
		});
		return { id: inv.id, recipients: members.length };
	});
	return result;
}

/** Mails a new reply link to everyone who has not answered (old links stop working). */
export async function sendReminders(
	db: PoolDb,
	actorUserId: string,
	origin: string,
	invitationId: number
) {
	return db.transaction().execute(async (trx) => {
		const inv = await trx
			.selectFrom('pool_invitation')
			.selectAll()
			.where('id', '=', invitationId)
			.executeTakeFirst();
		if (!inv || inv.status !== 'open') return 0;
		const pending = await trx
			.selectFrom('pool_recipient as r')
			.innerJoin('pool_member as m', 'm.id', 'r.member_id')
			.select(['r.id', 'm.email', 'm.locale'])
			.where('r.invitation_id', '=', invitationId)
			.where('r.answer', 'is', null)
			.where('m.status', '=', 'active')
			.execute();
		const mails: OutgoingMail[] = [];
		for (const p of pending) {
			const token = generateToken();
			const l = isLocale(p.locale) ? p.locale : 'fi';
			await trx
				.updateTable('pool_recipient')
				.set({ token_id: tokenId(token), reminded_at: sql`now()` })
				.where('id', '=', p.id)
				.execute();
			mails.push(
				renderMail('pool.mail.reminder', l, p.email, {
					title: inv.title,
					message: messageFor(inv, l),
					deadline: helsinkiDateText(inv.reply_deadline, l),
					url: `${origin}/pool/reply/${token}`
				})
			);
		}
		await enqueueMails(trx, mails);
		await recordAudit(trx, {
			actorUserId,
			action: 'pool.invitation_reminded',
			entityType: 'pool_invitation',
			entityId: invitationId,
			details: { reminded: pending.length }
		});
		return pending.length;
	});
}

/** False when there is no such invitation: nothing is changed and nothing audited. */
export async function closeInvitation(
	db: PoolDb,
	actorUserId: string,
	invitationId: number
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('pool_invitation')
			.set({ status: 'closed', closed_at: sql`now()` })
			.where('id', '=', invitationId)
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) return false;
		await recordAudit(trx, {
			actorUserId,
			action: 'pool.invitation_closed',
			entityType: 'pool_invitation',
			entityId: invitationId
		});
		return true;
	});
}

export type AnswerResult = 'ok' | 'invalid' | 'closed' | 'full';

/** The invitation behind a reply link (for the reply page), without using the link up. */
export async function recipientByToken(db: PoolExecutor, token: string) {
	return db
		.selectFrom('pool_recipient as r')
		.innerJoin('pool_invitation as i', 'i.id', 'r.invitation_id')
		.leftJoin('pool_member as m', 'm.id', 'r.member_id')
		.select([
			'r.id',
			'r.answer',
			'r.reply_needs',
			'r.member_id',
			'i.id as invitation_id',
			'i.title',
			'i.message_fi',
			'i.message_sv',
			'i.message_en',
			'i.reply_deadline',
			'i.status',
			'm.locale'
		])
		.where('r.token_id', '=', tokenId(token))
		.executeTakeFirst();
}

/**
 * What the reply page shows for a link: the invitation in the reader's language, their current
 * answer, and whether answers are still taken. Null for an unknown link or an erased member.
 */
export async function replyView(db: PoolExecutor, token: string, locale: Locale, now = Date.now()) {
	const r = await recipientByToken(db, token);
	if (!r || !r.member_id) return null;
	return {
		title: r.title,
		message: messageFor(r, locale),
		deadline: r.reply_deadline,
		answer: r.answer,
		needs: r.reply_needs ?? '',
		open: r.status === 'open' && new Date(r.reply_deadline).getTime() > now
	};
}

/**
 * Records an answer (may be changed until the deadline). A "yes" beyond the maximum accepted is
 * refused; the check and the write hold a lock on the invitation so two last seats are not both taken.
 */
export async function answerRecipient(
	db: PoolDb,
	recipientId: number,
	answer: Answer,
	needs = ''
): Promise<AnswerResult> {
	const res = await db.transaction().execute(async (trx) => {
		const r = await trx
			.selectFrom('pool_recipient')
			.select(['id', 'invitation_id', 'member_id', 'answer'])
			.where('id', '=', recipientId)
			.executeTakeFirst();
		if (!r || !r.member_id) return { result: 'invalid' as const };
		const inv = await trx
			.selectFrom('pool_invitation')
			.selectAll()
			.where('id', '=', r.invitation_id)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (inv.status !== 'open' || new Date(inv.reply_deadline).getTime() < Date.now())
			return { result: 'closed' as const };
		if (answer === 'yes' && r.answer !== 'yes' && inv.max_accepted != null) {
			const yes = await trx
				.selectFrom('pool_recipient')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('invitation_id', '=', inv.id)
				.where('answer', '=', 'yes')
				.executeTakeFirstOrThrow();
			if (Number(yes.n) >= inv.max_accepted) return { result: 'full' as const };
		}
		await trx
			.updateTable('pool_recipient')
			// Needs are for taking part: a "no" or "maybe" keeps none.
			.set({ answer, answered_at: sql`now()`, reply_needs: answer === 'yes' ? needs.trim() : '' })
			.where('id', '=', r.id)
			.execute();
		await trx
			.updateTable('pool_member')
			.set({ last_active_at: sql`now()` })
			.where('id', '=', r.member_id)
			.execute();
		const m = await trx
			.selectFrom('pool_member')
			.select(['email', 'locale', 'municipality_code', 'birth_year', 'gender', 'mother_tongue'])
			.where('id', '=', r.member_id)
			.executeTakeFirstOrThrow();
		await publish(trx, 'pool.invitation_answered', {
			invitationId: inv.id,
			activityType: inv.activity_type,
			activityId: inv.activity_id,
			memberId: r.member_id,
			answer,
			// Frozen now: the year is Helsinki's, as the age bands of the population are.
			groups: memberGroups(m, Number(helsinkiDay(new Date()).slice(0, 4)))
		});
		// The tracker's notices to those who took part (an address: emptied once delivered).
		if (inv.activity_id && (answer === 'yes' || r.answer === 'yes')) {
			await publish(
				trx,
				'pool.activity_contact',
				{
					invitationId: inv.id,
					activityType: inv.activity_type,
					activityId: inv.activity_id,
					memberId: r.member_id,
					email: m.email,
					locale: m.locale,
					attending: answer === 'yes'
				},
				{ forgetOnDelivery: true }
			);
		}
		return { result: 'ok' as const };
	});
	return res.result;
}

/**
 * A signed-in member's answer from their own invitations page: the recipient row must be theirs
 * ('invalid' otherwise, the same as an unknown row, so other members' rows are not revealed).
 */
export async function answerOwnInvitation(
	db: PoolDb,
	memberId: string,
	recipientId: number,
	answer: Answer
): Promise<AnswerResult> {
	const own = await db
		.selectFrom('pool_recipient')
		.select('id')
		.where('id', '=', recipientId)
		.where('member_id', '=', memberId)
		.executeTakeFirst();
	return own ? answerRecipient(db, own.id, answer) : 'invalid';
}

export async function answerByToken(
	db: PoolDb,
	token: string,
	answer: Answer,
	needs = ''
): Promise<AnswerResult> {
	const r = await recipientByToken(db, token);
	return r ? answerRecipient(db, r.id, answer, needs) : 'invalid';
}

/** A member's invitations, newest first, for their own page. */
export function invitationsOfMember(db: PoolExecutor, memberId: string) {
	return db
		.selectFrom('pool_recipient as r')
		.innerJoin('pool_invitation as i', 'i.id', 'r.invitation_id')
		.select([
			'r.id',
			'r.answer',
			'r.answered_at',
			'i.title',
			'i.activity_type',
			'i.message_fi',
			'i.message_sv',
			'i.message_en',
			'i.reply_deadline',
			'i.status'
		])
		.where('r.member_id', '=', memberId)
		.orderBy('r.created_at', 'desc')
		.execute();
}

export function listInvitations(db: PoolExecutor) {
	return db
		.selectFrom('pool_invitation as i')
		.select([
			'i.id',
			'i.title',
			'i.activity_type',
			'i.status',
			'i.reply_deadline',
			'i.created_at',
			sql<number>`(select count(*) from pool_recipient r where r.invitation_id = i.id)`.as(
				'recipients'
			),
			sql<number>`(select count(*) from pool_recipient r where r.invitation_id = i.id and r.answer = 'yes')`.as(
				'yes'
			)
		])
		.orderBy('i.id', 'desc')
		.execute();
}

/** Reply counts of one invitation (yes / no / maybe / none), including anonymous erased ones. */
export type ReplyAnswer = 'yes' | 'no' | 'maybe';

export async function invitationSummary(
	db: PoolExecutor,
	invitationId: number,
	answer?: ReplyAnswer
) {
	const inv = await db
		.selectFrom('pool_invitation')
		.selectAll()
		.where('id', '=', invitationId)
		.executeTakeFirst();
	if (!inv) return null;
	const rows = await db
		.selectFrom('pool_recipient')
		.select([
			sql<string>`coalesce(answer, 'none')`.as('a'),
			(eb) => eb.fn.countAll<number>().as('n')
		])
		.where('invitation_id', '=', invitationId)
		.groupBy('a')
		.execute();
	const counts = { yes: 0, no: 0, maybe: 0, none: 0 } as Record<string, number>;
	for (const r of rows) counts[r.a] = Number(r.n);
	const replies = await invitationReplies(db, invitationId, answer, 500);
	return { invitation: inv, counts, replies };
}

/**
 * The answers an organiser works from: who, from which municipality (by name), how to reach them
 * the needs they gave in their profile (accessibility, diet, interpretation) and those they gave
 * with their "yes" for this activity, newest first.
 */
export function invitationReplies(
	db: PoolExecutor,
	invitationId: number,
	answer?: ReplyAnswer,
	limit = 50_000
) {
	let q = db
		.selectFrom('pool_recipient as r')
		.innerJoin('pool_member as m', 'm.id', 'r.member_id')
		.leftJoin('municipality as k', 'k.code', 'm.municipality_code')
		.select([
			'r.id',
			'm.name',
			'm.email',
			'm.phone',
			'm.municipality_code',
			'k.name_fi as municipality_fi',
			'k.name_sv as municipality_sv',
			'm.accessibility_needs',
			'r.reply_needs',
			'r.answer',
			'r.answered_at'
		])
		.where('r.invitation_id', '=', invitationId)
		.where('r.answer', 'is not', null);
	if (answer) q = q.where('r.answer', '=', answer);
	return q.orderBy('r.answered_at', 'desc').orderBy('r.id').limit(limit).execute();
}

/** The replies as a spreadsheet file in the reader's language; logged, as it holds contact details. */
export async function invitationRepliesCsv(
	db: PoolExecutor,
	actorUserId: string,
	invitationId: number,
	locale: Locale,
	answer?: ReplyAnswer
): Promise<string> {
	const rows = await invitationReplies(db, invitationId, answer);
	await recordAudit(db, {
		actorUserId,
		action: 'pool.replies_exported',
		entityType: 'pool_invitation',
		entityId: invitationId,
		details: { count: rows.length, answer: answer ?? null }
	});
	const h = (k: string) => translate(locale, k);
	return writeSpreadsheetCsv(
		[
			[
				h('pool.file.name'),
				h('pool.file.email'),
				h('pool.file.phone'),
				h('pool.file.municipality'),
				h('pool.file.answer'),
				h('pool.file.answered_at'),
				h('pool.file.needs'),
				h('pool.file.replyNeeds')
			],
			...rows.map((r) => [
				r.name,
				r.email,
				r.phone ?? '',
				municipalityName(r, locale),
				h(`pool.answers.${r.answer ?? 'none'}`),
				r.answered_at ? new Date(r.answered_at) : '',
				r.accessibility_needs ?? '',
				r.reply_needs
			])
		],
		locale
	);
}

/** The municipality's name in the reader's language (Swedish where it has one), else its code. */
export function municipalityName(
	r: {
		municipality_code: string | null;
		municipality_fi: string | null;
		municipality_sv: string | null;
	},
	locale: Locale
): string {
	if (locale === 'sv' && r.municipality_sv) return r.municipality_sv;
	return r.municipality_fi ?? r.municipality_code ?? '';
}
