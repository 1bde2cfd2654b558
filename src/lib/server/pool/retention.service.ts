/**
 * Retention: members inactive for `inactiveDays` are asked by mail whether they want to stay;
 * those who do not answer within `graceDays` are erased. Unconfirmed sign-ups older than
 * `pendingDays` are removed too. `now` is a parameter so tests can run it in the future.
 */

import type { PoolDb } from './pool.db';
import { enqueueMail, renderMail } from '../core/mail';
import { isLocale } from '$lib/i18n';
import { eraseMember, issueMemberToken } from './member.service';
import { poolSettings } from './pool.settings';

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
	inactiveDays: number;
	graceDays: number;
	pendingDays: number;
}

/** From the pool's settings (`pool.settings.ts`); a wrong value throws a SettingsError. */
export function retentionPolicy(env?: NodeJS.ProcessEnv): RetentionPolicy {
	const s = poolSettings(env);
	return {
		inactiveDays: s.POOL_INACTIVE_DAYS,
		graceDays: s.POOL_RETENTION_GRACE_DAYS,
		pendingDays: s.POOL_PENDING_DAYS
	};
}

export async function runRetention(
	db: PoolDb,
	origin: string,
	policy: RetentionPolicy,
	now = new Date()
) {
	const inactiveBefore = new Date(now.getTime() - policy.inactiveDays * DAY);
	const askedBefore = new Date(now.getTime() - policy.graceDays * DAY);
	const pendingBefore = new Date(now.getTime() - policy.pendingDays * DAY);

	const toAsk = await db
		.selectFrom('pool_member')
		.select(['id', 'email', 'locale'])
		.where('status', 'in', ['active', 'paused'])
		.where('last_active_at', '<', inactiveBefore)
		.where('retention_asked_at', 'is', null)
		.execute();
	let asked = 0;
	for (const m of toAsk) {
		await db.transaction().execute(async (trx) => {
			// Claim the member before mailing: when two processes run retention at once, only the
			// one whose UPDATE still finds retention_asked_at empty sends the mail.
			const claimed = await trx
				.updateTable('pool_member')
				.set({ retention_asked_at: now })
				.where('id', '=', m.id)
				.where('retention_asked_at', 'is', null)
				.returning('id')
				.executeTakeFirst();
			if (!claimed) return;
			const token = await issueMemberToken(trx, m.id, 'stay', policy.graceDays, now);
			await enqueueMail(
				trx,
				renderMail('pool.mail.stay', isLocale(m.locale) ? m.locale : 'fi', m.email, {
					url: `${origin}/pool/stay/${token}`,
					days: policy.graceDays
				})
			);
			asked++;
		});
	}

	const toRemove = await db
		.selectFrom('pool_member')
		.select('id')
		.where((eb) =>
			eb.or([
				eb.and([
					eb('retention_asked_at', '<', askedBefore),
					eb('last_active_at', '<', eb.ref('retention_asked_at'))
				]),
				eb.and([eb('status', '=', 'pending'), eb('created_at', '<', pendingBefore)])
			])
		)
		.execute();
	let removed = 0;
	// eraseMember is false for a member another process erased first.
	for (const m of toRemove) if (await eraseMember(db, m.id, 'retention', null, now)) removed++;
	return { asked, removed };
}
