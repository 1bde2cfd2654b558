/**
 * Demo data for an empty embedded database: three activities with findings at every stage, some
 * implemented, one not taken forward, two behind one decision with progress, so a newcomer sees
 * "Sanoitte – teimme" working. The demo conversations' findings arrive by event as in production.
 * Written directly (not through changeStatus) because the history lies in the past.
 */
import { sql } from 'kysely';
import type { ImpactDb, ImpactTx } from './impact.db';
import { upsertActivity, upsertFinding } from './impact.service';
import type { Status } from './impact.types';

interface DemoResponse {
	status: Status;
	on: string;
	fi: string;
	sv: string;
	en: string;
}

async function respond(trx: ImpactTx, findingId: number, unitId: number | null, r: DemoResponse) {
	await trx
		.insertInto('impact_response')
		.values({
			finding_id: findingId,
			status: r.status,
			owner_unit_id: unitId,
			effective_on: r.on,
			explanation_fi: r.fi,
			explanation_sv: r.sv,
			explanation_en: r.en,
			created_at: new Date(`${r.on}T10:00:00+02:00`)
		})
		.execute();
	await trx
		.updateTable('impact_finding')
		.set({
			status: r.status,
			status_changed_at: new Date(`${r.on}T10:00:00+02:00`),
			owner_unit_id: unitId
		})
		.where('id', '=', findingId)
		.execute();
}

export async function seedImpactDemo(db: ImpactDb): Promise<void> {
	const existing = await db
		.selectFrom('impact_activity')
		.select('id')
		.where('source_type', '=', 'workshop')
		.executeTakeFirst();
	if (existing) return;
	await db.transaction().execute(async (trx) => {
		const line = async (code: string) =>
			(
				await trx
					.selectFrom('service_line')
					.select('id')
					.where('code', '=', code)
					.executeTakeFirstOrThrow()
			).id;
		const unit = async (code: string) =>
			(await trx.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirst())?.id ??
			null;
		const outpatient = await line('outpatient');
		const elderly = await line('elderly-disability');
		const hervanta = await unit('tk-hervanta');

		const workshop = await upsertActivity(trx, {
			sourceType: 'workshop',
			sourceId: 'demo-hervanta-2026',
			topic: 'Hervannan terveysaseman ajanvaraus',
			description: 'Työpaja, jossa asukkaat ja henkilöstö kävivät läpi ajanvarauksen ongelmat.',
			startsOn: '2026-03-10',
			endsOn: '2026-03-10',
			municipalityCode: '837',
			organiserUnitId: hervanta,
			organiser: 'Hervannan terveysasema',
			invited: 40,
			tookPart: 14,
			// The pool's groups, so the metric sets reach against its (illustrative) population.
			byGroup: {
				'age_band:15-29': 3,
				'age_band:30-44': 4,
				'age_band:45-64': 3,
				'age_band:65-74': 4,
				'language:fi': 12,
				'language:sv': 2
			},
			serviceLineIds: [outpatient]
		});
		// "Felt heard" answers of the workshop's participants (anonymous, as after an erasure).
		await trx
			.insertInto('impact_heard')
			.values([5, 4, 4, 3, 5, 2, 4].map((score) => ({ activity_id: workshop, score })))
			.execute();
		const queue = await upsertFinding(trx, {
			activityId: workshop,
			sourceType: 'demo',
			sourceId: 'queue',
			kind: 'recommendation',
			body: 'Puhelinjonossa odottaminen kestää liian kauan. Toivomme takaisinsoittoa.',
			recordedOn: '2026-03-12',
			evidence: [{ label: 'Osallistujista tätä kannatti', share: 0.86, count: 14 }]
		});
		for (const r of [
			{
				status: 'under_consideration',
				on: '2026-03-20',
				fi: 'Selvitämme takaisinsoiton kustannukset.',
				sv: 'Vi utreder vad återuppringning kostar.',
				en: 'We are working out what call-back would cost.'
			},
			{
				status: 'decided',
				on: '2026-04-15',
				fi: 'Päätimme ottaa takaisinsoiton käyttöön.',
				sv: 'Vi beslöt att införa återuppringning.',
				en: 'We decided to introduce call-back.'
			},
			{
				status: 'being_implemented',
				on: '2026-05-04',
				fi: 'Takaisinsoittoa kokeillaan kahdella asemalla.',
				sv: 'Återuppringning prövas på två stationer.',
				en: 'Call-back is being piloted at two health centres.'
			},
			{
				status: 'implemented',
				on: '2026-09-01',
				fi: 'Takaisinsoitto on nyt käytössä kaikilla terveysasemilla.',
				sv: 'Återuppringning används nu på alla hälsostationer.',
				en: 'Call-back is now in use at every health centre.'
			}
		] as DemoResponse[])
			await respond(trx, queue, hervanta, r);
		const form = await upsertFinding(trx, {
			activityId: workshop,
			sourceType: 'demo',
			sourceId: 'form',
			kind: 'recommendation',
			body: 'Ajanvarauksen verkkolomake on vaikea käyttää puhelimella.',
			recordedOn: '2026-03-12',
			evidence: [{ label: 'Osallistujista tätä kannatti', share: 0.64, count: 14 }]
		});
		await respond(trx, form, hervanta, {
			status: 'under_consideration',
			on: '2026-04-02',
			fi: 'Lomake uudistetaan osana sähköisten palvelujen hanketta.',
			sv: 'Formuläret förnyas inom projektet för e-tjänster.',
			en: 'The form will be renewed in the e-services project.'
		});

		const survey = await upsertActivity(trx, {
			sourceType: 'demo',
			sourceId: 'survey-outpatient',
			topic: 'Asiakaspalaute, avovastaanotot',
			startsOn: '2026-01-01',
			endsOn: '2026-06-30',
			municipalityCode: '837',
			organiserUnitId: hervanta,
			tookPart: 1240,
			serviceLineIds: [outpatient]
		});
		const parking = await upsertFinding(trx, {
			activityId: survey,
			sourceType: 'demo',
			sourceId: 'parking',
			kind: 'feedback_theme',
			body: 'Pysäköintipaikkoja on liian vähän.',
			recordedOn: '2026-07-03',
			evidence: [{ label: 'Palautteita, joissa mainitaan pysäköinti', count: 57, share: 0.046 }]
		});
		await respond(trx, parking, hervanta, {
			status: 'not_taken_forward',
			on: '2026-08-20',
			fi: 'Pysäköintialue on kaupungin. Välitimme palautteen kaupungille.',
			sv: 'Parkeringsområdet är stadens. Vi skickade responsen vidare till staden.',
			en: 'The car park belongs to the city. We passed the feedback on to the city.'
		});

		const panel = await upsertActivity(trx, {
			sourceType: 'demo',
			sourceId: 'panel-home-care',
			topic: 'Kotihoidon käyntiajat',
			description: 'Pieni asukasraati kotihoidon asiakkaille ja omaisille.',
			startsOn: '2026-05-05',
			endsOn: '2026-05-26',
			municipalityCode: '211',
			invited: 12,
			tookPart: 4,
			serviceLineIds: [elderly]
		});
		const visits = await upsertFinding(trx, {
			activityId: panel,
			sourceType: 'demo',
			sourceId: 'visits',
			kind: 'recommendation',
			body: 'Käyntiaika pitäisi kertoa asiakkaalle edellisenä päivänä.',
			recordedOn: '2026-05-27',
			evidence: [{ label: 'Raadin suositus', count: 4 }]
		});
		await respond(trx, visits, null, {
			status: 'decided',
			on: '2026-06-30',
			fi: 'Asiakkaat saavat käyntiajan tekstiviestinä edellisenä päivänä vuoden 2027 alusta.',
			sv: 'Från början av 2027 får klienterna besökstiden som sms dagen innan.',
			en: 'From early 2027 clients get their visit time by text message the day before.'
		});
		const strategy = await trx
			.insertInto('impact_decision')
			.values({
				title_fi: 'Palvelujen saavutettavuus 2027',
				title_sv: 'Tjänsternas tillgänglighet 2027',
				title_en: 'Accessible services 2027',
				progress: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const d of [
			{
				t: [
					'Takaisinsoitto terveysasemille',
					'Återuppringning till hälsostationerna',
					'Call-back at health centres'
				],
				p: 100,
				f: [queue],
				m: [
					[
						'2026-04-01',
						'Kokeilu alkoi kahdella asemalla',
						'Försöket började på två stationer',
						'The trial began at two centres'
					],
					[
						'2026-09-01',
						'Käytössä kaikilla asemilla',
						'I bruk på alla stationer',
						'In use at every centre'
					]
				]
			},
			{
				t: [
					'Kotihoidon käyntiajat tekstiviestinä',
					'Hemvårdens besökstider som sms',
					'Home-care visit times by text'
				],
				p: 40,
				f: [visits],
				m: [
					[
						'2026-10-15',
						'Tekstiviestipalvelu kilpailutettu',
						'Sms-tjänsten upphandlad',
						'Text-message service procured'
					]
				]
			}
		]) {
			const row = await trx
				.insertInto('impact_decision')
				.values({
					title_fi: d.t[0],
					title_sv: d.t[1],
					title_en: d.t[2],
					progress: d.p,
					parent_id: strategy.id
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx
				.updateTable('impact_finding')
				.set({ decision_id: row.id })
				.where('id', 'in', d.f)
				.execute();
			// Milestones, so the public timeline shows a decision's steps (Decidim's timeline).
			await trx
				.insertInto('impact_milestone')
				.values(
					d.m.map(([on, fi, sv, en]) => ({
						decision_id: row.id,
						reached_on: on,
						title_fi: fi,
						title_sv: sv,
						title_en: en
					}))
				)
				.execute();
		}
		// The demo history is older than the reminder limit; do not mail owners on the first start.
		await trx
			.updateTable('impact_finding')
			.set({ reminded_at: sql`now()` })
			.execute();
	});
}
