/* Feedback and NPS: surveys (versioned questions), responses (anonymous), daily rollups that the
   public pages and dashboards read, direct-feedback cases and their contact details (kept apart). */
import { sql, type Kysely } from 'kysely';

/* The default surveys as version 1, frozen here: a migration must give the same rows whenever it
   runs, so it carries its own copy instead of importing src/ (feedback/default-surveys.ts, which
   later code may change; wording changes are new survey versions made by an admin). */
const DEFAULT_SURVEYS: {
	code: string;
	kind: string;
	name: { fi: string; sv: string; en: string };
	questions: unknown[];
}[] = [
	{
		code: 'thl-national',
		kind: 'national',
		name: {
			fi: 'Asiakaspalaute (valtakunnallinen malli)',
			sv: 'Kundrespons (nationell modell)',
			en: 'Customer feedback (national model)'
		},
		questions: [
			{
				key: 'nps',
				type: 'nps',
				required: true,
				text: {
					fi: 'Kuinka todennäköisesti suosittelisit palvelua läheisillesi, jos he tarvitsisivat vastaavaa palvelua?',
					sv: 'Hur sannolikt är det att du skulle rekommendera tjänsten till dina närstående om de behövde motsvarande tjänst?',
					en: 'How likely would you be to recommend this service to your family or friends if they needed similar care or services?'
				}
			},
			{
				key: 's1',
				type: 'statement',
				slot: 1,
				text: {
					fi: 'Asiointi palvelussa oli sujuvaa.',
					sv: 'Det var smidigt att uträtta ärenden i tjänsten.',
					en: 'Dealing with the service was smooth.'
				}
			},
			{
				key: 's2',
				type: 'statement',
				slot: 2,
				text: {
					fi: 'Sain apua tarpeeseeni oikea-aikaisesti.',
					sv: 'Jag fick hjälp med mitt behov i rätt tid.',
					en: 'I got help for my needs when I needed it.'
				}
			},
			{
				key: 's3',
				type: 'statement',
				slot: 3,
				text: {
					fi: 'Koin oloni turvalliseksi hoidon tai palvelun aikana.',
					sv: 'Jag kände mig trygg under vården eller tjänsten.',
					en: 'I felt safe during the care or service.'
				}
			},
			{
				key: 's4',
				type: 'statement',
				slot: 4,
				text: {
					fi: 'Asiaani koskevat päätökset tehtiin yhdessä kanssani.',
					sv: 'Beslut som gällde mitt ärende fattades tillsammans med mig.',
					en: 'Decisions about my matter were made together with me.'
				}
			},
			{
				key: 's5',
				type: 'statement',
				slot: 5,
				text: {
					fi: 'Hoidosta tai palvelusta oli minulle hyötyä.',
					sv: 'Vården eller tjänsten var till nytta för mig.',
					en: 'The care or service was useful to me.'
				}
			},
			{
				key: 's6',
				type: 'statement',
				slot: 6,
				text: {
					fi: 'Sain ymmärrettävää tietoa.',
					sv: 'Jag fick information som var lätt att förstå.',
					en: 'The information I got was understandable.'
				}
			},
			{
				key: 'open',
				type: 'text',
				text: {
					fi: 'Mikä vaikutti kokemukseesi eniten?',
					sv: 'Vad påverkade din upplevelse mest?',
					en: 'What influenced your experience the most?'
				}
			}
		]
	},
	{
		code: 'thl-children',
		kind: 'children',
		name: {
			fi: 'Lasten palaute (7–12-vuotiaat)',
			sv: 'Barnens respons (7–12 år)',
			en: "Children's feedback (ages 7–12)"
		},
		questions: [
			{
				key: 'nps',
				type: 'nps',
				required: true,
				text: {
					fi: 'Kuinka todennäköisesti kertoisit kaverillesi, että täällä kannattaa käydä?',
					sv: 'Hur troligt är det att du skulle säga till en kompis att det är bra att komma hit?',
					en: 'How likely would you be to tell a friend that this is a good place to come to?'
				}
			},
			{
				key: 's1',
				type: 'statement',
				slot: 1,
				text: {
					fi: 'Minua kohdeltiin hyvin.',
					sv: 'Jag blev bra bemött.',
					en: 'I was treated well.'
				}
			},
			{
				key: 's2',
				type: 'statement',
				slot: 2,
				text: {
					fi: 'Sain apua.',
					sv: 'Jag fick hjälp.',
					en: 'I got help.'
				}
			},
			{
				key: 's3',
				type: 'statement',
				slot: 3,
				text: {
					fi: 'Minulla oli turvallinen olo.',
					sv: 'Jag kände mig trygg.',
					en: 'I felt safe.'
				}
			},
			{
				key: 's4',
				type: 'statement',
				slot: 4,
				text: {
					fi: 'Ymmärsin, mitä minulle kerrottiin.',
					sv: 'Jag förstod vad man berättade för mig.',
					en: 'I understood what I was told.'
				}
			},
			{
				key: 'open',
				type: 'text',
				text: {
					fi: 'Mitä muuta haluaisit kertoa?',
					sv: 'Vad mer vill du berätta?',
					en: 'What else would you like to tell us?'
				}
			}
		]
	}
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('feedback_survey')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		// national = THL model for 13+, children = THL's 7–12 set, targeted = the county's own
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('name_fi', 'text', (c) => c.notNull())
		.addColumn('name_sv', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('current_version_id', 'integer')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// Questions are frozen per version: an answer points at the version it was given to.
	await db.schema
		.createTable('feedback_survey_version')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('survey_id', 'integer', (c) =>
			c.notNull().references('feedback_survey.id').onDelete('cascade')
		)
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('questions', 'jsonb', (c) => c.notNull())
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('feedback_survey_version_uq', ['survey_id', 'version'])
		.execute();

	// A survey with no rows here is county-wide (offered in every unit).
	await db.schema
		.createTable('feedback_survey_unit')
		.addColumn('survey_id', 'integer', (c) =>
			c.notNull().references('feedback_survey.id').onDelete('cascade')
		)
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('feedback_survey_unit_pk', ['survey_id', 'unit_id'])
		.execute();

	// Anonymous answers. client_id makes a retried submission land once. The open text is stored
	// masked. text_analysis is the seat for the later themes/tones work (null until then).
	await db.schema
		.createTable('feedback_response')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('client_id', 'text', (c) => c.notNull().unique())
		.addColumn('survey_id', 'integer', (c) => c.notNull().references('feedback_survey.id'))
		.addColumn('survey_version_id', 'integer', (c) =>
			c.notNull().references('feedback_survey_version.id')
		)
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('service_line_id', 'integer', (c) => c.notNull().references('service_line.id'))
		.addColumn('channel', 'text', (c) => c.notNull())
		.addColumn('nps', 'smallint')
		.addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('open_text', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('fi'))
		.addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('text_analysis', 'jsonb')
		.addCheckConstraint('feedback_response_nps_range', sql`nps is null or nps between 0 and 10`)
		.addCheckConstraint(
			'feedback_response_channel',
			sql`channel in ('web', 'qr', 'kiosk', 'sms', 'import')`
		)
		.execute();
	await sql`create index feedback_response_unit_time_idx on feedback_response (unit_id, answered_at desc)`.execute(
		db
	);
	// The dashboards' "newest open answers" across many units.
	await sql`create index feedback_response_open_idx on feedback_response (answered_at desc) where open_text is not null`.execute(
		db
	);

	// Daily rollup per unit × survey × channel: NPS score counts and base-statement sums (slots
	// s1..s6 = the survey's statements in order; "en osaa sanoa" is not counted).
	let rollup = db.schema
		.createTable('feedback_rollup_daily')
		.addColumn('day', 'date', (c) => c.notNull())
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('service_line_id', 'integer', (c) => c.notNull().references('service_line.id'))
		.addColumn('survey_id', 'integer', (c) => c.notNull().references('feedback_survey.id'))
		.addColumn('channel', 'text', (c) => c.notNull())
		.addColumn('responses', 'integer', (c) => c.notNull().defaultTo(0));
	for (let s = 0; s <= 10; s++)
		rollup = rollup.addColumn(`nps_${s}`, 'integer', (c) => c.notNull().defaultTo(0));
	for (let s = 1; s <= 6; s++)
		rollup = rollup
			.addColumn(`s${s}_sum`, 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn(`s${s}_n`, 'integer', (c) => c.notNull().defaultTo(0));
	await rollup
		.addPrimaryKeyConstraint('feedback_rollup_daily_pk', ['day', 'unit_id', 'survey_id', 'channel'])
		.execute();
	await sql`create index feedback_rollup_line_day_idx on feedback_rollup_daily (service_line_id, day)`.execute(
		db
	);
	await sql`create index feedback_rollup_unit_day_idx on feedback_rollup_daily (unit_id, day)`.execute(
		db
	);

	// Direct feedback (praise, complaint, idea). Contact details live in feedback_contact.
	await db.schema
		.createTable('feedback_case')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('client_id', 'text', (c) => c.notNull().unique())
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('service_line_id', 'integer', (c) => c.notNull().references('service_line.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('reply_requested', 'boolean', (c) => c.notNull().defaultTo(false))
		// received (no reply asked) | open | answered→closed
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('fi'))
		.addColumn('due_at', 'timestamptz')
		.addColumn('reminded_at', 'timestamptz')
		.addColumn('escalated_at', 'timestamptz')
		.addColumn('answer', 'text')
		.addColumn('answered_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('closed_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('text_analysis', 'jsonb')
		.addCheckConstraint('feedback_case_kind', sql`kind in ('praise', 'complaint', 'idea')`)
		.execute();
	await sql`create index feedback_case_open_idx on feedback_case (due_at) where status = 'open'`.execute(
		db
	);
	await sql`create index feedback_case_unit_idx on feedback_case (unit_id, created_at desc)`.execute(
		db
	);

	await db.schema
		.createTable('feedback_contact')
		.addColumn('case_id', 'uuid', (c) =>
			c.primaryKey().references('feedback_case.id').onDelete('cascade')
		)
		.addColumn('name', 'text')
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		.addColumn('erase_after', 'timestamptz')
		.execute();

	for (const s of DEFAULT_SURVEYS) {
		const survey = await db
			.insertInto('feedback_survey')
			.values({
				code: s.code,
				kind: s.kind,
				name_fi: s.name.fi,
				name_sv: s.name.sv,
				name_en: s.name.en
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const version = await db
			.insertInto('feedback_survey_version')
			.values({ survey_id: survey.id, version: 1, questions: JSON.stringify(s.questions) })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.updateTable('feedback_survey')
			.set({ current_version_id: version.id })
			.where('id', '=', survey.id)
			.execute();
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'feedback_contact',
		'feedback_case',
		'feedback_rollup_daily',
		'feedback_response',
		'feedback_survey_unit',
		'feedback_survey_version',
		'feedback_survey'
	])
		await db.schema.dropTable(t).execute();
}
