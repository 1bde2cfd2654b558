/**
 * Demo data for the pool: ILLUSTRATIVE population figures (rounded, made-up shares in the shape
 * of Pirkanmaa's, not official statistics), the S1–S4 segment question, and fictional members
 * so the coordinator views show real counts.
 */
import type { PoolDb } from './pool.db';
import { importPopulation } from './import.service';
import { CONSENT_VERSION } from './pool.types';

const SOURCE = 'Havainnollistava esimerkki (ei virallinen tilasto) / Illustrative example';

export function illustrativePopulationCsv(year = 2025): string {
	const rows: [string, string, number][] = [
		['municipality', '837', 255000],
		['municipality', '536', 36000],
		['municipality', '980', 33500],
		['municipality', '211', 33000],
		['municipality', '418', 25000],
		['municipality', '604', 20000],
		['municipality', '790', 24000],
		['municipality', '908', 20500],
		['municipality', '020', 16500],
		['municipality', '108', 10500],
		['municipality', '143', 6800],
		['municipality', '562', 9000],
		['municipality', '508', 9500],
		['municipality', '936', 6500],
		['municipality', '581', 6000],
		['municipality', '922', 4500],
		['municipality', '635', 6500],
		['municipality', '702', 4000],
		['municipality', '887', 4600],
		['municipality', '619', 2700],
		['municipality', '291', 2100],
		['municipality', '250', 1700],
		['municipality', '177', 1800],
		['age_band', '15-29', 95000],
		['age_band', '30-44', 105000],
		['age_band', '45-64', 125000],
		['age_band', '65-74', 65000],
		['age_band', '75+', 60000],
		['gender', 'female', 272000],
		['gender', 'male', 268000],
		['language', 'fi', 500000],
		['language', 'sv', 2500],
		['language', 'other', 37500]
	];
	return (
		'dimension,value,population,source,year,illustrative\n' +
		rows.map(([d, v, n]) => `${d},${v},${n},"${SOURCE}",${year},true`).join('\n')
	);
}

const FIRST = [
	'Aino',
	'Eino',
	'Helmi',
	'Väinö',
	'Linnea',
	'Oliver',
	'Sofia',
	'Leo',
	'Ella',
	'Onni',
	'Anna',
	'Mikko'
];
const LAST = [
	'Virtanen',
	'Korhonen',
	'Mäkinen',
	'Nieminen',
	'Laine',
	'Heikkinen',
	'Koskinen',
	'Lindqvist'
];
const MUNIS = ['837', '837', '837', '837', '536', '980', '211', '418', '604', '790', '908', '143'];

export async function seedPoolDemo(db: PoolDb): Promise<void> {
	await importPopulation(db, null, illustrativePopulationCsv());
	const q = await db
		.insertInto('pool_question')
		.values({
			label_fi: 'Mikä kuvaa sinua parhaiten palveluja käyttäessä?',
			label_sv: 'Vad beskriver dig bäst när du använder tjänster?',
			label_en: 'What describes you best when using services?',
			options: JSON.stringify([
				{
					value: 's1',
					fi: 'S1 Tarvitsen asiantuntijan apua',
					sv: 'S1 Jag behöver expertis',
					en: 'S1 I need expertise'
				},
				{
					value: 's2',
					fi: 'S2 Tarvitsen saavutettavuutta ja tukea',
					sv: 'S2 Jag behöver tillgänglighet',
					en: 'S2 I need accessibility'
				},
				{
					value: 's3',
					fi: 'S3 Haluan asioida vaivattomasti',
					sv: 'S3 Jag vill ha enkelhet',
					en: 'S3 I want effortlessness'
				},
				{
					value: 's4',
					fi: 'S4 Haluan palvelun nopeasti',
					sv: 'S4 Jag vill ha snabbhet',
					en: 'S4 I want speed'
				}
			])
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const lines = await db.selectFrom('service_line').select('id').orderBy('sort_order').execute();
	const now = new Date();
	const members = Array.from({ length: 48 }, (_, i) => ({
		name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} (demo)`,
		email: `jasen${i + 1}@demo.osallistu.fi`,
		municipality_code: MUNIS[(i * 5) % MUNIS.length],
		birth_year: 1940 + ((i * 13) % 65),
		gender: ['female', 'female', 'male', 'other', null][i % 5],
		mother_tongue: i % 11 === 0 ? 'sv' : i % 7 === 0 ? 'other' : 'fi',
		locale: i % 11 === 0 ? 'sv' : 'fi',
		service_line_ids: [lines[i % lines.length].id, lines[(i * 3) % lines.length].id],
		modes: [['online'], ['in_person'], ['online', 'phone']][i % 3],
		background: JSON.stringify(i % 3 === 0 ? {} : { [String(q.id)]: `s${(i % 4) + 1}` }),
		status: i % 9 === 0 ? ('paused' as const) : ('active' as const),
		source: 'demo',
		consent_version: CONSENT_VERSION,
		consent_at: now,
		confirmed_at: now
	}));
	await db.insertInto('pool_member').values(members).execute();
}
