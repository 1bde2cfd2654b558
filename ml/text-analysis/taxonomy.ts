/** The starting taxonomy of issue #16 (the county's documents): themes and journey stages. */
export interface TaxonomyEntry {
	id: string;
	fi: string;
	sv: string;
	en: string;
}

export const DEFAULT_THEMES: TaxonomyEntry[] = [
	{
		id: 'access',
		fi: 'Hoitoon pääsy ja jonot',
		sv: 'Tillgång till vård och väntetider',
		en: 'Access to care and waiting times'
	},
	{
		id: 'reach',
		fi: 'Palvelun tavoitettavuus (puhelin, ajanvaraus)',
		sv: 'Att nå tjänsten (telefon, tidsbokning)',
		en: 'Reaching the service (phone, booking)'
	},
	{
		id: 'information',
		fi: 'Tiedonsaanti ja viestintä',
		sv: 'Information och kommunikation',
		en: 'Information and communication'
	},
	{
		id: 'encounter',
		fi: 'Inhimillinen kohtaaminen ja ystävällisyys',
		sv: 'Mänskligt bemötande och vänlighet',
		en: 'Humane encounter and kindness'
	},
	{
		id: 'quality',
		fi: 'Osaaminen ja hoidon laatu',
		sv: 'Kompetens och vårdens kvalitet',
		en: 'Expertise and quality of care'
	},
	{
		id: 'process',
		fi: 'Sujuvuus ja vaivattomuus',
		sv: 'Smidighet och enkelhet',
		en: 'Smooth process and effort'
	},
	{
		id: 'handover',
		fi: 'Tiedonkulku ammattilaisten välillä',
		sv: 'Informationsöverföring mellan yrkespersoner',
		en: 'Information transfer between professionals'
	},
	{ id: 'digital', fi: 'Digitaaliset palvelut', sv: 'Digitala tjänster', en: 'Digital services' },
	{
		id: 'premises',
		fi: 'Tilat, sijainti ja esteettömyys',
		sv: 'Lokaler, läge och tillgänglighet',
		en: 'Premises, location and accessibility'
	},
	{
		id: 'costs',
		fi: 'Maksut ja laskutus',
		sv: 'Avgifter och fakturering',
		en: 'Costs and billing'
	},
	{ id: 'safety', fi: 'Turvallisuus', sv: 'Säkerhet', en: 'Safety' },
	{ id: 'staffing', fi: 'Henkilöstöresurssit', sv: 'Personalresurser', en: 'Staff resources' }
];

export const STAGES: TaxonomyEntry[] = [
	{ id: 'before', fi: 'Ennen yhteydenottoa', sv: 'Före kontakt', en: 'Before contact' },
	{ id: 'contact', fi: 'Yhteydenotto', sv: 'Kontakt', en: 'Contact' },
	{
		id: 'assessment',
		fi: 'Palvelutarpeen arviointi',
		sv: 'Bedömning av behov',
		en: 'Needs assessment'
	},
	{ id: 'planning', fi: 'Suunnittelu', sv: 'Planering', en: 'Planning' },
	{ id: 'organising', fi: 'Järjestäminen', sv: 'Ordnande', en: 'Organising' },
	{ id: 'delivery', fi: 'Palvelun toteutus', sv: 'Genomförande', en: 'Delivery' },
	{ id: 'followup', fi: 'Seuranta', sv: 'Uppföljning', en: 'Follow-up' }
];

export const themeLabel = (id: string) => `theme:${id}`;
export const stageLabel = (id: string) => `stage:${id}`;

/** The prefixed label ids of a model head for these themes (and every stage). */
export function labelIds(themeIds: string[]): string[] {
	return [...themeIds.map(themeLabel), ...STAGES.map((s) => stageLabel(s.id))];
}
