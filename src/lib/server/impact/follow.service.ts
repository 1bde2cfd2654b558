/**
 * Anonymous participants who leave an address to hear what came of an activity (issue 12:
 * "conversation participants who gave an e-mail or are signed in"). The source module publishes
 * the request (`conversations.follow_requested`, emptied once delivered); the tracker mails a
 * link, and only a followed link (a button, so mail scanners confirm nothing) makes the address a
 * recipient of the activity's notices: an address typed by someone else gets one mail and nothing
 * more. An unconfirmed request, with its address, is deleted after FOLLOW_DAYS.
 */
import { sql } from 'kysely';
import { isLocale } from '$lib/i18n';
import { enqueueMails, renderMail } from '../core/mail';
import { generateToken, tokenId } from '../core/auth/tokens';
import type { ImpactDb, ImpactExecutor, ImpactTx } from './impact.db';
import { recipientForAddress, setSourceContact } from './contacts';

export const FOLLOW_DAYS = 14;
/** One link mail per address and activity a day, however often the form is sent. */
const RESEND_HOURS = 24;

export interface FollowRequest {
	sourceType: string;
	sourceId: string;
	/** Public text: the activity's topic, shown on the confirmation page and in the mail. */
	topic: string;
	email: string;
	locale: string;
}

/** Deletes requests whose link was never followed: their address is kept no longer. */
export async function forgetStaleFollowRequests(db: ImpactExecutor, now = new Date()) {
	const r = await db
		.deleteFrom('impact_follow_request')
		.where('created_at', '<', new Date(now.getTime() - FOLLOW_DAYS * 86_400_000))
		.executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** The handler's half: stores the request and mails the link (nothing if one went out today). */
export async function requestFollow(trx: ImpactTx, r: FollowRequest, origin: string) {
	const email = r.email.trim().toLowerCase();
	const locale = isLocale(r.locale) ? r.locale : 'fi';
	const recent = await trx
		.selectFrom('impact_follow_request')
		.select('id')
		.where('email', '=', email)
		.where('source_type', '=', r.sourceType)
		.where('source_id', '=', r.sourceId)
		.where('created_at', '>', sql<Date>`now() - make_interval(hours => ${RESEND_HOURS})`)
		.executeTakeFirst();
	if (recent) return false;
	const token = generateToken();
	await trx
		.insertInto('impact_follow_request')
		.values({
			token_hash: tokenId(token),
			source_type: r.sourceType,
			source_id: r.sourceId,
			topic: r.topic.slice(0, 300),
			email,
			locale
		})
		.execute();
	await enqueueMails(trx, [
		renderMail('impact.mail.follow', locale, email, {
			topic: r.topic.slice(0, 300),
			link: `${origin}/sanoitte-teimme/follow/${token}`,
			days: FOLLOW_DAYS
		})
	]);
	return true;
}

const TOKEN = /^[a-z2-7]{32}$/;

async function pending(db: ImpactExecutor, token: string) {
	if (!TOKEN.test(token)) return null;
	return db
		.selectFrom('impact_follow_request')
		.selectAll()
		.where('token_hash', '=', tokenId(token))
		.where('created_at', '>=', new Date(Date.now() - FOLLOW_DAYS * 86_400_000))
		.executeTakeFirst();
}

/** The confirmation page: the activity's topic, or null for an unknown, used or expired link. */
export async function followRequestView(db: ImpactExecutor, token: string) {
	const r = await pending(db, token);
	return r ? { topic: r.topic } : null;
}

/**
 * Follows the link: the address becomes a recipient of the activity's notices (in the language it
 * was left in), also when it had turned them off before (this is a new, explicit request). The
 * request is used up. false: unknown, used or expired.
 */
export async function confirmFollow(db: ImpactDb, token: string): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const r = await pending(trx, token);
		if (!r) return false;
		await trx.deleteFrom('impact_follow_request').where('id', '=', r.id).execute();
		const recipientId = await recipientForAddress(trx, r.email, r.locale, {
			type: 'follow_request',
			id: String(r.id)
		});
		await trx
			.updateTable('impact_recipient')
			.set({ opted_out_at: null })
			.where('id', '=', recipientId)
			.execute();
		await setSourceContact(
			trx,
			{ scope: 'activity', sourceType: r.source_type, sourceId: r.source_id },
			recipientId
		);
		return true;
	});
}
