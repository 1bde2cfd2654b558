/**
 * Demo data for an empty embedded database: five experts (one paused, one waiting for approval),
 * a past request closed with hours, fee, feedback from both sides and a finding (which reaches the
 * impact tracker by its event, as in production), and an open request with a proposal waiting.
 * The experts sign in with the demo password (asiantuntija1…5@demo.osallistu.fi). Written
 * directly because the history lies in the past.
 */
import { sql } from 'kysely';
import { publish } from '../core/events';
import { recordFee } from '../fees';
import { addDays, helsinkiDay } from '../core/time';
import type { ExpertsDb } from './experts.db';
import { helsinkiInstant } from './experts.schemas';

const EXPERTS = [
	{
		name: 'Sari Saarinen',
		first: 'Sari',
		kind: 'expert' as const,
		areas: ['mental_health:patient', 'substance_use:close_one'],
		languages: ['fi', 'en'],
		municipalities: ['837', '980', '211'],
		ways: ['workshop', 'training', 'panel'],
		meeting: ['in_person', 'remote'],
		services: 'Psykiatrian poliklinikka, terveysaseman mielenterveyshoitaja',
		trainings: [['Kokemusasiantuntijakoulutus (Mielenterveyden keskusliitto)', '2023-05-26']]
	},
	{
		name: 'Jukka Järvinen',
		first: 'Jukka',
		kind: 'expert' as const,
		areas: ['mental_health:close_one', 'substance_use:patient'],
		languages: ['fi', 'sv'],
		municipalities: ['837', '536'],
		ways: ['workshop', 'development_group', 'written_comment'],
		meeting: ['in_person', 'phone'],
		services: 'Päihdepalvelut, A-klinikka',
		trainings: [['Kokemusasiantuntijakoulutus (A-klinikkasäätiö)', '2022-11-18']]
	},
	{
		name: 'Leena Lahtinen',
		first: 'Leena',
		kind: 'developer_customer' as const,
		areas: ['childhood_in_care:patient', 'mental_health:patient'],
		languages: ['fi', 'en'],
		municipalities: ['837'],
		ways: ['workshop', 'written_comment'],
		meeting: ['remote'],
		services: 'Lastensuojelun jälkihuolto',
		trainings: []
	},
	{
		name: 'Mikko Mäkelä',
		first: 'Mikko',
		kind: 'expert' as const,
		areas: ['disability:patient', 'mental_health:patient'],
		languages: ['fi', 'fse'],
		municipalities: ['837', '908'],
		ways: ['training', 'panel'],
		meeting: ['in_person'],
		services: 'Vammaispalvelut, apuvälinepalvelut',
		trainings: [['Kokemusasiantuntijakoulutus (Kynnys ry)', '2021-04-09']],
		paused: true
	},
	{
		name: 'Outi Ojala',
		first: 'Outi',
		kind: 'expert' as const,
		areas: ['long_term_illness:close_one'],
		languages: ['fi'],
		municipalities: ['837', '980'],
		ways: ['workshop', 'panel'],
		meeting: ['in_person', 'remote'],
		services: 'Kotihoito, omaishoidon tuki',
		trainings: [['Omaisten kokemusasiantuntijakoulutus', '2026-10-02']],
		pending: true
	}
];

export async function seedExpertsDemo(db: ExpertsDb): Promise<void> {
	if (await db.selectFrom('expert_profile').select('id').limit(1).executeTakeFirst()) return;
	const resident = await db
		.selectFrom('app_user')
		.select('password_hash')
		.where('email', '=', 'asukas@demo.osallistu.fi')
		.executeTakeFirst();
	const staff = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', 'henkilosto@demo.osallistu.fi')
		.executeTakeFirst();
	const coordinator = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', 'kokemus@demo.osallistu.fi')
		.executeTakeFirst();
	const unit = await db
		.selectFrom('unit')
		.select(['id', 'municipality_code'])
		.where('code', '=', 'tk-hervanta')
		.executeTakeFirst();
	if (!resident || !staff || !coordinator || !unit) return;
	await db.transaction().execute(async (trx) => {
		const profileIds: number[] = [];
		for (const [i, e] of EXPERTS.entries()) {
			const user = await trx
				.insertInto('app_user')
				.values({
					email: `asiantuntija${i + 1}@demo.osallistu.fi`,
					display_name: e.name,
					password_hash: resident.password_hash,
					email_verified_at: new Date()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx.insertInto('user_role').values({ user_id: user.id, role: 'resident' }).execute();
			const p = await trx
				.insertInto('expert_profile')
				.values({
					user_id: user.id,
					kind: e.kind,
					first_name: e.first,
					phone: `040 123 45${i}${i}`,
					areas: 'pending' in e ? [] : e.areas,
					pending_areas: 'pending' in e ? e.areas : null,
					services: e.services,
					languages: e.languages,
					municipalities: e.municipalities,
					ways: e.ways,
					meeting: e.meeting,
					paused: 'paused' in e && e.paused === true,
					status: 'pending' in e ? 'pending' : 'approved',
					approved_at: 'pending' in e ? null : new Date(),
					approved_by: 'pending' in e ? null : coordinator.id
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			profileIds.push(p.id);
			for (const [name, on] of e.trainings)
				await trx
					.insertInto('expert_training')
					.values({ profile_id: p.id, name, completed_on: on })
					.execute();
		}

		// A workshop five weeks ago, closed with hours, fee, feedback and a finding.
		const pastDay = addDays(helsinkiDay(new Date()), -35);
		const pastStart = helsinkiInstant(pastDay, '13:00');
		const pastEnd = helsinkiInstant(pastDay, '16:00');
		const past = await trx
			.insertInto('expert_request')
			.values({
				requested_by: staff.id,
				unit_id: unit.id,
				project: 'Mielenterveyden ajanvarauksen uudistus',
				purpose:
					'Haluamme kuulla, miltä ajanvaraus ja takaisinsoitto tuntuvat asiakkaan näkökulmasta, ennen kuin uusi malli otetaan käyttöön.',
				area: 'mental_health',
				format: 'workshop',
				language: 'fi',
				starts_at: pastStart,
				ends_at: pastEnd,
				experts_needed: 1,
				budget: 150,
				status: 'done',
				created_at: new Date(pastStart.getTime() - 30 * 86_400_000)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const finding =
			'Takaisinsoiton ajankohta pitää voida valita: moni ei voi vastata työpäivän aikana, ja vastaamatta jäänyt soitto tuntuu hylkäämiseltä.';
		const done = await trx
			.insertInto('expert_assignment')
			.values({
				request_id: past.id,
				profile_id: profileIds[0],
				status: 'closed',
				starts_at: pastStart,
				ends_at: pastEnd,
				proposed_by: coordinator.id,
				proposed_at: new Date(pastStart.getTime() - 25 * 86_400_000),
				answered_at: new Date(pastStart.getTime() - 24 * 86_400_000),
				hours: 3,
				fee: 75,
				travel: 12.4,
				finding,
				staff_feedback: 'Sari toi esiin asioita, joita emme olleet huomanneet. Kiitos!',
				expert_feedback: 'Hyvin valmisteltu työpaja, ja minua kuunneltiin.',
				closed_at: new Date(pastEnd.getTime() + 2 * 86_400_000),
				closed_by: coordinator.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// On the shared fee schedule (the fees module seeds its rates first), as closing does.
		const sari = await trx
			.selectFrom('app_user')
			.select(['id', 'display_name'])
			.where('email', '=', 'asiantuntija1@demo.osallistu.fi')
			.executeTakeFirstOrThrow();
		const entry = {
			payeeUserId: sari.id,
			payeeName: sari.display_name,
			sourceType: 'expert_assignment',
			sourceId: String(done.id),
			eventOn: pastDay,
			label: 'Mielenterveyden ajanvarauksen uudistus'
		};
		const hourly = await recordFee(trx, coordinator.id, { ...entry, kind: 'hourly', quantity: 3 });
		await recordFee(trx, coordinator.id, {
			...entry,
			kind: 'travel_ticket',
			quantity: 1,
			unitCents: 1240
		});
		await trx
			.updateTable('expert_assignment')
			.set({ fee: hourly.amountCents / 100, fee_record_id: hourly.id })
			.where('id', '=', done.id)
			.execute();
		await publish(trx, 'experts.finding_recorded', {
			assignmentId: done.id,
			requestId: past.id,
			unitId: unit.id,
			municipalityCode: unit.municipality_code,
			project: 'Mielenterveyden ajanvarauksen uudistus',
			purpose: 'Ajanvaraus ja takaisinsoitto asiakkaan näkökulmasta',
			startsOn: pastDay,
			endsOn: pastDay,
			experts: 1,
			finding,
			recordedOn: helsinkiDay(new Date(pastEnd.getTime() + 2 * 86_400_000))
		});

		// A panel three weeks ahead, with a proposal waiting for Jukka's answer.
		const nextDay = addDays(helsinkiDay(new Date()), 21);
		const open = await trx
			.insertInto('expert_request')
			.values({
				requested_by: staff.id,
				unit_id: unit.id,
				project: 'Päihdetyön palvelupolku terveysasemalla',
				purpose:
					'Kommentoi palvelupolun luonnosta: missä kohdin asiakas putoaa pois, ja mitä silloin pitäisi tapahtua.',
				area: 'substance_use',
				format: 'workshop',
				language: 'fi',
				starts_at: helsinkiInstant(nextDay, '09:00'),
				ends_at: helsinkiInstant(nextDay, '11:00'),
				experts_needed: 2,
				budget: 200
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('expert_assignment')
			.values({
				request_id: open.id,
				profile_id: profileIds[1],
				status: 'proposed',
				starts_at: helsinkiInstant(nextDay, '09:00'),
				ends_at: helsinkiInstant(nextDay, '11:00'),
				proposed_by: coordinator.id,
				token_hash: sql<string>`md5(random()::text)`
			})
			.execute();
	});
}
