/**
 * Who fed a finding, from three places: the finding's own contacts (conversation participants
 * signed in, `impact_contact`), the people who fed its source before the tracker had the row
 * (a feedback giver who asked to hear back about a theme: scope 'finding'), and the people who
 * took part in its activity (pool members who accepted an invitation: scope 'activity', so they
 * hear of findings recorded later too). Addresses come from the publishing modules' events only;
 * each recipient remembers where it came from (`impact_recipient_origin`) so an erasure there
 * finds it here.
 */
import { sql } from 'kysely';
import { isLocale } from '$lib/i18n';
import type { ImpactExecutor, ImpactTx } from './impact.db';

export interface SourceKey {
	scope: 'activity' | 'finding';
	sourceType: string;
	sourceId: string;
}

/** The recipient of an address (one per address), remembering the origin; returns its id. */
export async function recipientForAddress(
	trx: ImpactTx,
	email: string,
	locale: string,
	origin: { type: string; id: string }
): Promise<number> {
	const address = email.trim().toLowerCase();
	const loc = isLocale(locale) ? locale : 'fi';
	const row = await trx
		.insertInto('impact_recipient')
		.values({ email: address, locale: loc })
		.onConflict((oc) => oc.column('email').doUpdateSet({ locale: loc }))
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('impact_recipient_origin')
		.values({ origin_type: origin.type, origin_id: origin.id, recipient_id: row.id })
		.onConflict((oc) => oc.doNothing())
		.execute();
	return row.id;
}

/** Adds (or, with `present` false, removes) a recipient's contact with a source; idempotent. */
export async function setSourceContact(
	trx: ImpactTx,
	key: SourceKey,
	recipientId: number,
	present = true
) {
	if (present)
		await trx
			.insertInto('impact_source_contact')
			.values({
				scope: key.scope,
				source_type: key.sourceType,
				source_id: key.sourceId,
				recipient_id: recipientId
			})
			.onConflict((oc) => oc.doNothing())
			.execute();
	else
		await trx
			.deleteFrom('impact_source_contact')
			.where('scope', '=', key.scope)
			.where('source_type', '=', key.sourceType)
			.where('source_id', '=', key.sourceId)
			.where('recipient_id', '=', recipientId)
			.execute();
}

/** (finding, recipient) pairs of everyone who fed these findings, each pair once. */
export async function findingRecipients(
	db: ImpactExecutor,
	findingIds: number[]
): Promise<{ finding_id: number; recipient_id: number }[]> {
	if (findingIds.length === 0) return [];
	const ids = sql.join(findingIds);
	const r = await sql<{ finding_id: number; recipient_id: number }>`
		select c.finding_id, c.recipient_id from impact_contact c where c.finding_id in (${ids})
		union
		select f.id, s.recipient_id from impact_finding f
		join impact_source_contact s on s.scope = 'finding'
			and s.source_type = f.source_type and s.source_id = f.source_id
		where f.id in (${ids})
		union
		select f.id, s.recipient_id from impact_finding f
		join impact_activity a on a.id = f.activity_id
		join impact_source_contact s on s.scope = 'activity'
			and s.source_type = a.source_type and s.source_id = a.source_id
		where f.id in (${ids})
		order by 1, 2`.execute(db);
	return r.rows.map((x) => ({
		finding_id: Number(x.finding_id),
		recipient_id: Number(x.recipient_id)
	}));
}

/**
 * Erasure at the source: the recipients that came from it go, with their contacts and notice
 * records (cascade); their "felt heard" answers stay in the figure without them. Their notices
 * still in the mail outbox go too (they hold the address and the opt-out link).
 */
export async function eraseRecipients(
	trx: ImpactTx,
	who: { originType: string; originId: string } | { userId: string }
): Promise<number> {
	const rows =
		'userId' in who
			? await trx
					.selectFrom('impact_recipient as p')
					.leftJoin('app_user as u', 'u.id', 'p.user_id')
					.select(['p.id', 'p.email', 'u.email as user_email'])
					.where('p.user_id', '=', who.userId)
					.execute()
			: await trx
					.selectFrom('impact_recipient_origin as o')
					.innerJoin('impact_recipient as p', 'p.id', 'o.recipient_id')
					.select(['p.id', 'p.email', sql<string | null>`null`.as('user_email')])
					.where('o.origin_type', '=', who.originType)
					.where('o.origin_id', '=', who.originId)
					.execute();
	if (rows.length === 0) return 0;
	const addresses = rows.flatMap((r) => [r.email, r.user_email].filter((e): e is string => !!e));
	if (addresses.length)
		await trx
			.deleteFrom('mail_outbox')
			.where(
				sql<string>`lower(to_address)`,
				'in',
				addresses.map((a) => a.toLowerCase())
			)
			.where('category', '=', 'impact.mail.notice')
			.execute();
	await trx
		.deleteFrom('impact_recipient')
		.where(
			'id',
			'in',
			rows.map((r) => r.id)
		)
		.execute();
	return rows.length;
}
