/**
 * The default surveys shipped with the portal. The feedback migration carries a frozen copy and
 * inserts it as version 1; later wording changes are new survey versions made by an admin.
 *
 * The national model follows THL's national customer-feedback survey: the recommendation
 * question (NPS, 0–10), THL's six base statements on a five-step agreement scale with
 * "en osaa sanoa", and one open question. THL asks it from 13-year-olds up; the children's set
 * is for ages 7–12. WORDING: our best faithful rendering of THL's published form — it must be
 * checked against THL's current questionnaire (fi/sv/en) before production use.
 */
import type { Question, SurveyDefinition } from './feedback.types';

const npsQuestion: Question = {
	key: 'nps',
	type: 'nps',
	required: true,
	text: {
		fi: 'Kuinka todennäköisesti suosittelisit palvelua läheisillesi, jos he tarvitsisivat vastaavaa palvelua?',
		sv: 'Hur sannolikt är det att du skulle rekommendera tjänsten till dina närstående om de behövde motsvarande tjänst?',
		en: 'How likely would you be to recommend this service to your family or friends if they needed similar care or services?'
	}
};

const statements: [string, string, string][] = [
	[
		'Asiointi palvelussa oli sujuvaa.',
		'Det var smidigt att uträtta ärenden i tjänsten.',
		'Dealing with the service was smooth.'
	],
	[
		'Sain apua tarpeeseeni oikea-aikaisesti.',
		'Jag fick hjälp med mitt behov i rätt tid.',
		'I got help for my needs when I needed it.'
	],
	[
		'Koin oloni turvalliseksi hoidon tai palvelun aikana.',
		'Jag kände mig trygg under vården eller tjänsten.',
		'I felt safe during the care or service.'
	],
	[
		'Asiaani koskevat päätökset tehtiin yhdessä kanssani.',
		'Beslut som gällde mitt ärende fattades tillsammans med mig.',
		'Decisions about my matter were made together with me.'
	],
	[
		'Hoidosta tai palvelusta oli minulle hyötyä.',
		'Vården eller tjänsten var till nytta för mig.',
		'The care or service was useful to me.'
	],
	[
		'Sain ymmärrettävää tietoa.',
		'Jag fick information som var lätt att förstå.',
		'The information I got was understandable.'
	]
];

const childStatements: [string, string, string][] = [
	['Minua kohdeltiin hyvin.', 'Jag blev bra bemött.', 'I was treated well.'],
	['Sain apua.', 'Jag fick hjälp.', 'I got help.'],
	['Minulla oli turvallinen olo.', 'Jag kände mig trygg.', 'I felt safe.'],
	[
		'Ymmärsin, mitä minulle kerrottiin.',
		'Jag förstod vad man berättade för mig.',
		'I understood what I was told.'
	]
];

function toStatements(list: [string, string, string][]): Question[] {
	return list.map(([fi, sv, en], i) => ({
		key: `s${i + 1}`,
		type: 'statement',
		slot: i + 1,
		text: { fi, sv, en }
	}));
}

export const NATIONAL_SURVEY: SurveyDefinition = {
	code: 'thl-national',
	kind: 'national',
	name: {
		fi: 'Asiakaspalaute (valtakunnallinen malli)',
		sv: 'Kundrespons (nationell modell)',
		en: 'Customer feedback (national model)'
	},
	questions: [
		npsQuestion,
		...toStatements(statements),
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
};

export const CHILDREN_SURVEY: SurveyDefinition = {
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
		...toStatements(childStatements),
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
};

export const DEFAULT_SURVEYS: SurveyDefinition[] = [NATIONAL_SURVEY, CHILDREN_SURVEY];

/**
 * The first version of a new targeted survey: the national recommendation question (locked, so
 * the county's NPS stays comparable) and an open question, both in fi/sv/en.
 */
export const NEW_SURVEY_QUESTIONS: Question[] = [
	npsQuestion,
	{
		key: 'open',
		type: 'text',
		text: {
			fi: 'Mitä muuta haluat kertoa?',
			sv: 'Vad mer vill du berätta?',
			en: 'What else would you like to tell us?'
		}
	}
];
