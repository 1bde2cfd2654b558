/**
 * Demo data for the embedded database: illustrative units and one account per role, then each
 * module's own (its manifest's `seedDemo`, in the order the composition root lists them).
 * Runs once, on an empty database.
 */
import type { Db } from '../db/database';
import { hashPassword } from '../auth/password';
import { DEMO_UNITS } from './demo-units';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export type DemoSeeder<D extends Db = Db> = (db: D) => Promise<void>;

export async function seedDemoData<D extends Db>(
	db: D,
	moduleSeeders: readonly DemoSeeder<D>[]
): Promise<boolean> {
	const anyUser = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
	if (anyUser) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction().execute(async (trx) => {
		const lines = await trx.selectFrom('service_line').select(['id', 'code']).execute();
		const lineId = new Map(lines.map((l) => [l.code, l.id]));
		for (const [line, units] of Object.entries(DEMO_UNITS)) {
			await trx
				.insertInto('unit')
				.values(
					units.map((u) => ({
						service_line_id: lineId.get(line)!,
						parent_id: null,
						code: u.code,
						name_fi: u.fi,
						name_sv: u.sv,
						name_en: u.en,
						municipality_code: u.municipality
					}))
				)
				.onConflict((oc) => oc.column('code').doNothing())
				.execute();
		}
		const units = await trx.selectFrom('unit').select(['id', 'code']).execute();
		const unitId = new Map(units.map((u) => [u.code, u.id]));
		for (const acc of DEMO_ACCOUNTS) {
			const user = await trx
				.insertInto('app_user')
				.values({
					email: acc.email,
					display_name: acc.name,
					password_hash: passwordHash,
					email_verified_at: new Date()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx
				.insertInto('user_role')
				.values(
					acc.roles.map((r) => ({
						user_id: user.id,
						role: r.role,
						service_line_id: r.serviceLine ? lineId.get(r.serviceLine)! : null,
						unit_id: r.unit ? unitId.get(r.unit)! : null
					}))
				)
				.execute();
		}
	});
	for (const seed of moduleSeeders) await seed(db);
	return true;
}
