/**
 * Reference data of the model county (Pirkanmaa): its 23 municipalities (Statistics Finland codes)
 * and the seven service lines of Pirha. Units under the lines are demo data (demo/).
 */
export const MUNICIPALITIES: { code: string; fi: string; sv: string }[] = [
	{ code: '020', fi: 'Akaa', sv: 'Akaa' },
	{ code: '108', fi: 'Hämeenkyrö', sv: 'Tavastkyro' },
	{ code: '143', fi: 'Ikaalinen', sv: 'Ikalis' },
	{ code: '177', fi: 'Juupajoki', sv: 'Juupajoki' },
	{ code: '211', fi: 'Kangasala', sv: 'Kangasala' },
	{ code: '250', fi: 'Kihniö', sv: 'Kihniö' },
	{ code: '291', fi: 'Kuhmoinen', sv: 'Kuhmoinen' },
	{ code: '418', fi: 'Lempäälä', sv: 'Lempäälä' },
	{ code: '508', fi: 'Mänttä-Vilppula', sv: 'Mänttä-Filpula' },
	{ code: '536', fi: 'Nokia', sv: 'Nokia' },
	{ code: '562', fi: 'Orivesi', sv: 'Orivesi' },
	{ code: '581', fi: 'Parkano', sv: 'Parkano' },
	{ code: '604', fi: 'Pirkkala', sv: 'Birkala' },
	{ code: '619', fi: 'Punkalaidun', sv: 'Punkalaidun' },
	{ code: '635', fi: 'Pälkäne', sv: 'Pälkäne' },
	{ code: '702', fi: 'Ruovesi', sv: 'Ruovesi' },
	{ code: '790', fi: 'Sastamala', sv: 'Sastamala' },
	{ code: '837', fi: 'Tampere', sv: 'Tammerfors' },
	{ code: '887', fi: 'Urjala', sv: 'Urjala' },
	{ code: '908', fi: 'Valkeakoski', sv: 'Valkeakoski' },
	{ code: '922', fi: 'Vesilahti', sv: 'Vesilax' },
	{ code: '936', fi: 'Virrat', sv: 'Virdois' },
	{ code: '980', fi: 'Ylöjärvi', sv: 'Ylöjärvi' }
];

export const SERVICE_LINES: { code: string; fi: string; sv: string; en: string }[] = [
	{
		code: 'elderly-disability',
		fi: 'Ikäihmisten ja vammaisten palvelut',
		sv: 'Tjänster för äldre och personer med funktionsnedsättning',
		en: 'Services for older people and people with disabilities'
	},
	{ code: 'hospital', fi: 'Sairaalapalvelut', sv: 'Sjukhustjänster', en: 'Hospital services' },
	{ code: 'outpatient', fi: 'Avopalvelut', sv: 'Öppenvårdstjänster', en: 'Outpatient services' },
	{ code: 'support', fi: 'Tukipalvelut', sv: 'Stödtjänster', en: 'Support services' },
	{
		code: 'children-families',
		fi: 'Lasten, nuorten ja perheiden palvelut',
		sv: 'Tjänster för barn, unga och familjer',
		en: 'Services for children, young people and families'
	},
	{
		code: 'rescue-emergency',
		fi: 'Pelastus- ja ensihoitopalvelut',
		sv: 'Räddnings- och prehospitala akutsjukvårdstjänster',
		en: 'Rescue and emergency medical services'
	},
	{
		code: 'strategy',
		fi: 'Strateginen ohjaus ja järjestäminen',
		sv: 'Strategisk styrning och organisering',
		en: 'Strategic steering and organisation'
	}
];
