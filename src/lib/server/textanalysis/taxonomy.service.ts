/**
 * The theme taxonomy: the admin adds, renames and deactivates themes (a theme is never deleted:
 * labels and training data refer to it). A new theme gets its head at the next retraining; an
 * inactive one is no longer assigned. Audited.
 */
import { recordAudit } from '../core/audit';
import { hasRole, type SessionUser } from '../core/auth/roles';
import { DEFAULT_THEMES } from '../../../../ml/text-analysis/taxonomy';
import type { TextanalysisDb, TextanalysisExecutor } from './textanalysis.db';
import type { ThemeEditInput } from './textanalysis.schemas';

export async function saveTheme(
	db: TextanalysisDb,
	user: SessionUser,
	input: ThemeEditInput
): Promise<{ ok: true; created: boolean } | { ok: false; error: 'forbidden' }> {
	if (!user.roles.some((g) => g.role === 'admin')) return { ok: false, error: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('ta_theme')
			.select('id')
			.where('id', '=', input.id)
			.executeTakeFirst();
		const values = {
			name_fi: input.nameFi,
			name_sv: input.nameSv,
			name_en: input.nameEn,
			active: input.active
		};
		if (existing) {
			await trx.updateTable('ta_theme').set(values).where('id', '=', input.id).execute();
		} else {
			const max = await trx
				.selectFrom('ta_theme')
				.select((eb) => eb.fn.max('position').as('p'))
				.executeTakeFirst();
			await trx
				.insertInto('ta_theme')
				.values({ id: input.id, ...values, position: Number(max?.p ?? 0) + 1 })
				.execute();
		}
		await recordAudit(trx, {
			actorUserId: user.id,
			action: existing ? 'textanalysis.theme_updated' : 'textanalysis.theme_created',
			entityType: 'ta_theme',
			entityId: input.id,
			details: values
		});
		return { ok: true as const, created: !existing };
	});
}

/** The starting taxonomy, once (demo seeding and the first start of a fresh database). */
export async function ensureDefaultThemes(db: TextanalysisExecutor): Promise<void> {
	await db
		.insertInto('ta_theme')
		.values(
			DEFAULT_THEMES.map((t, i) => ({
				id: t.id,
				name_fi: t.fi,
				name_sv: t.sv,
				name_en: t.en,
				position: i
			}))
		)
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
}

export const isAdmin = (u: SessionUser) => u.roles.some((g) => g.role === 'admin');
export const mayTeachUnits = (u: SessionUser) => hasRole(u, 'feedback_handler');
