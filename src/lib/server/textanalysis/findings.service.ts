/**
 * Sends a rising theme to the impact tracker: the `textanalysis.theme_rising` event, published
 * in this transaction with the counts recomputed here (never taken from the form), audited.
 */
import { recordAudit } from '../core/audit';
import { publish } from '../core/events';
import type { SessionUser } from '../core/auth/roles';
import { canHandleUnit } from '../feedback';
import type { Tx } from '../core/db/database';
import type { TextanalysisDb } from './textanalysis.db';
import { risingThemes } from './textanalysis.queries';

function monthBounds(now: Date): { from: string; to: string; key: string } {
	const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(now);
	return { from: `${day.slice(0, 7)}-01`, to: day, key: day.slice(0, 7) };
}

export async function sendRisingTheme(
	db: TextanalysisDb,
	user: SessionUser,
	input: { theme: string; unit: number },
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: 'forbidden' | 'not_rising' }> {
	return db.transaction().execute(async (trx) => {
		const unit = await trx
			.selectFrom('unit')
			.select(['id', 'service_line_id'])
			.where('id', '=', input.unit)
			.executeTakeFirst();
		if (!unit || !canHandleUnit(user, unit))
			return { ok: false as const, error: 'forbidden' as const };
		const rising = (await risingThemes(trx as unknown as TextanalysisDb, [unit.id], now)).find(
			(r) => r.theme === input.theme
		);
		const theme = await trx
			.selectFrom('ta_theme')
			.select(['id', 'name_fi'])
			.where('id', '=', input.theme)
			.executeTakeFirst();
		if (!rising || !theme) return { ok: false as const, error: 'not_rising' as const };
		const m = monthBounds(now);
		const key = `${theme.id}:${unit.id}:${m.key}`;
		await publish(trx as unknown as Tx, 'textanalysis.theme_rising', {
			key,
			themeId: theme.id,
			title: theme.name_fi,
			unitId: unit.id,
			serviceLineId: unit.service_line_id,
			from: m.from,
			to: m.to,
			mentions: rising.thisMonth,
			answers: rising.answers,
			previousAverage: Math.round(rising.previousAverage * 10) / 10
		});
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'textanalysis.theme_sent',
			entityType: 'ta_theme',
			entityId: theme.id,
			details: { unitId: unit.id, month: m.key, mentions: rising.thisMonth }
		});
		return { ok: true as const };
	});
}
