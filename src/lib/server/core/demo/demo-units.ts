/** Illustrative units under each service line (demo data, not the county's real unit register). */
export const DEMO_UNITS: Record<
	string,
	{ code: string; fi: string; sv: string; en: string; municipality: string }[]
> = {
	'elderly-disability': [
		{
			code: 'koti-tampere',
			fi: 'Kotihoito, Tampere',
			sv: 'Hemvård, Tammerfors',
			en: 'Home care, Tampere',
			municipality: '837'
		},
		{
			code: 'palveluasuminen-nokia',
			fi: 'Palveluasuminen, Nokia',
			sv: 'Serviceboende, Nokia',
			en: 'Assisted living, Nokia',
			municipality: '536'
		},
		{
			code: 'vammaispalvelut',
			fi: 'Vammaispalvelut',
			sv: 'Handikappservice',
			en: 'Disability services',
			municipality: '837'
		}
	],
	hospital: [
		{
			code: 'tays-paivystys',
			fi: 'Tays Keskussairaala, päivystys',
			sv: 'Tays centralsjukhus, jour',
			en: 'Tays Central Hospital, emergency',
			municipality: '837'
		},
		{
			code: 'tays-sydan',
			fi: 'Sydänkeskus',
			sv: 'Hjärtcentrum',
			en: 'Heart centre',
			municipality: '837'
		},
		{
			code: 'valkeakoski-sairaala',
			fi: 'Valkeakosken sairaala',
			sv: 'Valkeakoski sjukhus',
			en: 'Valkeakoski hospital',
			municipality: '908'
		}
	],
	outpatient: [
		{
			code: 'tk-hervanta',
			fi: 'Hervannan terveysasema',
			sv: 'Hervanta hälsostation',
			en: 'Hervanta health centre',
			municipality: '837'
		},
		{
			code: 'tk-ylojarvi',
			fi: 'Ylöjärven terveysasema',
			sv: 'Ylöjärvi hälsostation',
			en: 'Ylöjärvi health centre',
			municipality: '980'
		},
		{
			code: 'suun-terveys',
			fi: 'Suun terveydenhuolto',
			sv: 'Munhälsovård',
			en: 'Oral health care',
			municipality: '837'
		}
	],
	support: [
		{
			code: 'asiakasohjaus',
			fi: 'Asiakasohjaus',
			sv: 'Klienthänvisning',
			en: 'Client guidance',
			municipality: '837'
		},
		{
			code: 'ravintopalvelut',
			fi: 'Ravintopalvelut',
			sv: 'Kostservice',
			en: 'Catering services',
			municipality: '837'
		}
	],
	'children-families': [
		{
			code: 'neuvola-kangasala',
			fi: 'Neuvola, Kangasala',
			sv: 'Rådgivning, Kangasala',
			en: 'Child health clinic, Kangasala',
			municipality: '211'
		},
		{
			code: 'perheneuvola',
			fi: 'Perheneuvola',
			sv: 'Familjerådgivning',
			en: 'Family counselling',
			municipality: '837'
		},
		{
			code: 'lastensuojelu',
			fi: 'Lastensuojelu',
			sv: 'Barnskydd',
			en: 'Child welfare',
			municipality: '837'
		}
	],
	'rescue-emergency': [
		{
			code: 'ensihoito',
			fi: 'Ensihoito',
			sv: 'Prehospital akutsjukvård',
			en: 'Emergency medical services',
			municipality: '837'
		},
		{
			code: 'pelastus-sastamala',
			fi: 'Paloasema, Sastamala',
			sv: 'Brandstation, Sastamala',
			en: 'Fire station, Sastamala',
			municipality: '790'
		}
	],
	strategy: [
		{
			code: 'osallisuus',
			fi: 'Osallisuus ja asiakaskokemus',
			sv: 'Delaktighet och kundupplevelse',
			en: 'Participation and customer experience',
			municipality: '837'
		},
		{
			code: 'digipalvelut',
			fi: 'Digitaaliset palvelut',
			sv: 'Digitala tjänster',
			en: 'Digital services',
			municipality: '837'
		}
	]
};
