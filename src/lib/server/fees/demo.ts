/**
 * Demo data for an empty embedded database: last year's and this year's schedule (this year's
 * km rate is Verohallinto's 0,55 €/km for 2026; last year's 0,59), and fee rows of two demo
 * accounts for a customer council and an experience-expert assignment, with the oldest month
 * closed, so /admin/fees and /account/fees show the module working.
 */
import { addDays, helsinkiDay } from '../core/time';
import type { FeesDb } from './fees.db';
import { addRate, closeMonth, recordFee } from './fees.service';
import { monthOf } from './fees.types';

export async function seedFeesDemo(db: FeesDb): Promise<void> {
	const today = helsinkiDay(new Date());
	const year = Number(today.slice(0, 4));
	const users = await db
		.selectFrom('app_user')
		.select(['id', 'email', 'display_name'])
		.where('email', 'in', [
			'admin@demo.osallistu.fi',
			'asukas@demo.osallistu.fi',
			'henkilosto@demo.osallistu.fi'
		])
		.execute();
	const by = (email: string) => users.find((u) => u.email === email);
	const admin = by('admin@demo.osallistu.fi');
	const resident = by('asukas@demo.osallistu.fi');
	const chair = by('henkilosto@demo.osallistu.fi');
	if (!admin || !resident || !chair) return;
	const line = await db
		.selectFrom('service_line')
		.select('id')
		.where('code', '=', 'outpatient')
		.executeTakeFirst();
	await db.transaction().execute(async (trx) => {
		const schedule = [
			{ y: year - 1, chair: 8000, member: 5500, hourly: 2400, km: 59 },
			{ y: year, chair: 9000, member: 6000, hourly: 2500, km: 55 }
		];
		for (const s of schedule)
			for (const [kind, cents] of [
				['meeting_fee_chair', s.chair],
				['meeting_fee_member', s.member],
				['hourly', s.hourly],
				['travel_km', s.km]
			] as const)
				await addRate(trx, admin.id, {
					kind,
					cents,
					validFrom: `${s.y}-01-01`,
					validTo: `${s.y}-12-31`
				});
		const meetings = [addDays(today, -45), addDays(today, -17)];
		for (const [i, on] of meetings.entries()) {
			const base = {
				sourceType: 'council_meeting',
				sourceId: `demo-${i + 1}`,
				eventOn: on,
				serviceLineId: line?.id ?? null,
				label: `Avopalvelujen asiakasraati, kokous ${i + 1}`
			};
			await recordFee(trx, admin.id, {
				...base,
				payeeUserId: resident.id,
				payeeName: resident.display_name,
				kind: 'meeting_fee_member'
			});
			await recordFee(trx, admin.id, {
				...base,
				payeeUserId: resident.id,
				payeeName: resident.display_name,
				kind: i === 0 ? 'travel_km' : 'travel_ticket',
				...(i === 0 ? { quantity: 24 } : { unitCents: 480 })
			});
			await recordFee(trx, admin.id, {
				...base,
				payeeUserId: chair.id,
				payeeName: chair.display_name,
				kind: 'meeting_fee_chair'
			});
		}
		await recordFee(trx, admin.id, {
			sourceType: 'expert_assignment',
			sourceId: 'demo-1',
			eventOn: addDays(today, -10),
			serviceLineId: line?.id ?? null,
			label: 'Kokemusasiantuntija: ajanvarauksen testaus',
			payeeUserId: resident.id,
			payeeName: resident.display_name,
			kind: 'hourly',
			quantity: 2.5
		});
		const first = monthOf(meetings[0]);
		if (first < monthOf(today)) await closeMonth(trx, admin.id, first, today);
	});
}
