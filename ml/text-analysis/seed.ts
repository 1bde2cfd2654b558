/**
 * The theme model's seed set: short answers WRITTEN FOR THIS PROJECT by its developers, in the
 * style of resident feedback, each labelled with a tone, themes from the starting taxonomy and,
 * where the text shows it, a journey stage. They are not real feedback and not a benchmark:
 * they only start the theme head, which then grows with staff corrections. Tone in the shipped
 * model is learnt from FinnSentiment (data/README.md) plus these rows.
 */
import type { Example } from './train';
import { stageLabel, themeLabel } from './taxonomy';

type Row = [text: string, tone: string, themes: string, stage?: string];

const ROWS: Row[] = [
	// access
	[
		'Jouduin jonottamaan lääkärille kolme viikkoa, aivan liian kauan.',
		'negative',
		'access',
		'contact'
	],
	['Hoitoon pääsy kesti kuukausia ja kipu vain paheni.', 'negative', 'access', 'organising'],
	['Jonotus oli pitkä mutta hoito oli erinomaista.', 'mixed', 'access,quality', 'delivery'],
	[
		'Pääsin hammaslääkärille jo samalla viikolla, kiitos nopeudesta.',
		'positive',
		'access',
		'organising'
	],
	[
		'Päivystyksessä odotin kuusi tuntia ennen kuin kukaan katsoi minua.',
		'negative',
		'access',
		'delivery'
	],
	['Jonot fysioterapiaan ovat kohtuuttomat.', 'negative', 'access'],
	['Aika järjestyi nopeasti eikä tarvinnut odottaa.', 'positive', 'access,process', 'organising'],
	['Väntetiden till läkaren var alldeles för lång.', 'negative', 'access', 'contact'],
	['The waiting time for a specialist was far too long.', 'negative', 'access'],
	// reach
	['Puhelimeen ei vastattu, soitin monta kertaa turhaan.', 'negative', 'reach', 'contact'],
	['Takaisinsoitto tuli samana päivänä, hyvä järjestelmä.', 'positive', 'reach', 'contact'],
	['Ajanvaraukseen on mahdoton saada yhteyttä aamuisin.', 'negative', 'reach', 'contact'],
	['Linjat olivat jatkuvasti varattuja ja puhelu katkesi.', 'negative', 'reach', 'contact'],
	['Sain ajan helposti soittamalla, palvelu toimi hyvin.', 'positive', 'reach', 'contact'],
	['Puhelinjonossa odotin puoli tuntia.', 'negative', 'reach,access', 'contact'],
	['Det gick inte att nå mottagningen per telefon.', 'negative', 'reach', 'contact'],
	['Nobody answered the phone at the health centre.', 'negative', 'reach', 'contact'],
	// information
	[
		'En saanut mitään tietoa siitä, mitä seuraavaksi tapahtuu.',
		'negative',
		'information',
		'followup'
	],
	[
		'Hoitaja selitti kaiken selkeästi ja ymmärrettävästi.',
		'positive',
		'information,encounter',
		'delivery'
	],
	[
		'Kirjeessä oli väärä aika eikä kukaan ilmoittanut muutoksesta.',
		'negative',
		'information',
		'organising'
	],
	[
		'Ohjeet kotihoitoon olivat selkeät ja sain kirjalliset ohjeet mukaan.',
		'positive',
		'information',
		'followup'
	],
	['Tiedotus muutoksista oli puutteellista.', 'negative', 'information'],
	['Verkkosivuilla ei kerrota aukioloaikoja.', 'negative', 'information,digital', 'before'],
	['Jag fick tydlig information om behandlingen.', 'positive', 'information', 'delivery'],
	['I was never told the results of my tests.', 'negative', 'information', 'followup'],
	// encounter
	['Hoitaja oli todella ystävällinen ja kuunteli minua.', 'positive', 'encounter', 'delivery'],
	['Lääkäri oli töykeä eikä katsonut minua silmiin.', 'negative', 'encounter', 'delivery'],
	[
		'Minua kohdeltiin ihmisenä, kiitos lämpimästä vastaanotosta.',
		'positive',
		'encounter',
		'delivery'
	],
	['Henkilökunta oli kiireinen ja tyly.', 'negative', 'encounter,staffing', 'delivery'],
	['Ei ollut ystävällinen, tunsin itseni vaivaksi.', 'negative', 'encounter', 'delivery'],
	['Kiitos ihanalle hoitajalle, joka rauhoitteli lastani.', 'positive', 'encounter', 'delivery'],
	['Personalen var vänlig och lyssnade.', 'positive', 'encounter', 'delivery'],
	['The nurse was kind and patient with my mother.', 'positive', 'encounter', 'delivery'],
	// quality
	['Lääkäri oli asiantunteva ja löysi vaivan syyn heti.', 'positive', 'quality', 'assessment'],
	['Diagnoosi oli väärä ja jouduin käymään uudelleen.', 'negative', 'quality', 'assessment'],
	['Hoito oli ammattitaitoista ja leikkaus onnistui hyvin.', 'positive', 'quality', 'delivery'],
	['Haava tulehtui, koska sitä ei hoidettu kunnolla.', 'negative', 'quality,safety', 'delivery'],
	['Palvelutarpeen arviointi tehtiin huolellisesti.', 'positive', 'quality', 'assessment'],
	['Hoitosuunnitelma tehtiin yhdessä ja se tuntui oikealta.', 'positive', 'quality', 'planning'],
	['Vården var professionell och effektiv.', 'positive', 'quality', 'delivery'],
	['The doctor did not examine me properly.', 'negative', 'quality', 'assessment'],
	// process
	['Kaikki sujui vaivattomasti alusta loppuun.', 'positive', 'process'],
	['Jouduin kertomaan asiani viidelle eri ihmiselle.', 'negative', 'process,handover', 'contact'],
	[
		'Lomakkeita piti täyttää moneen kertaan samoista asioista.',
		'negative',
		'process',
		'assessment'
	],
	['Asiointi oli sujuvaa ja nopeaa.', 'positive', 'process'],
	['Minua pompoteltiin luukulta toiselle.', 'negative', 'process', 'organising'],
	['Palvelu oli joustavaa ja kaikki hoitui yhdellä käynnillä.', 'positive', 'process', 'delivery'],
	['Det var krångligt och tog mycket tid.', 'negative', 'process'],
	['Everything went smoothly and quickly.', 'positive', 'process'],
	// handover
	[
		'Lähete ei ollut mennyt erikoissairaanhoitoon, tieto katosi matkalla.',
		'negative',
		'handover',
		'organising'
	],
	[
		'Kotihoito ei tiennyt, että lääkitystä oli muutettu sairaalassa.',
		'negative',
		'handover,safety',
		'followup'
	],
	['Tiedot siirtyivät hyvin terveyskeskuksesta sairaalaan.', 'positive', 'handover', 'organising'],
	['Uusi lääkäri ei ollut lukenut aiempia merkintöjä.', 'negative', 'handover', 'assessment'],
	['Hoitajat tiesivät taustani, tiedonkulku toimi.', 'positive', 'handover', 'delivery'],
	['Epikriisi ei tullut omalääkärille.', 'negative', 'handover', 'followup'],
	['Remissen kom aldrig fram till specialisten.', 'negative', 'handover', 'organising'],
	// digital
	[
		'Omaolo-palvelu oli helppo käyttää ja sain vastauksen nopeasti.',
		'positive',
		'digital',
		'contact'
	],
	['Sähköinen ajanvaraus ei toiminut, sivu kaatui.', 'negative', 'digital,reach', 'contact'],
	['Chat-palvelussa vastattiin nopeasti.', 'positive', 'digital', 'contact'],
	['Etävastaanotto videolla toimi hyvin.', 'positive', 'digital', 'delivery'],
	['Sovellukseen kirjautuminen on liian hankalaa.', 'negative', 'digital', 'contact'],
	['Verkkopalvelu on sekava ja vaikea käyttää iäkkäälle.', 'negative', 'digital', 'before'],
	['Den digitala tidsbokningen fungerade bra.', 'positive', 'digital', 'contact'],
	['The online booking system kept crashing.', 'negative', 'digital', 'contact'],
	// premises
	['Pysäköintipaikkoja ei ollut ja jouduin kävelemään kauas.', 'negative', 'premises', 'delivery'],
	['Odotustila oli siisti ja viihtyisä.', 'positive', 'premises', 'delivery'],
	['Rakennukseen ei pääse pyörätuolilla, hissi oli rikki.', 'negative', 'premises', 'delivery'],
	['Terveysasema on liian kaukana, bussilla matka kestää tunnin.', 'negative', 'premises'],
	['Tilat olivat ahtaat ja meluisat.', 'negative', 'premises', 'delivery'],
	['Vastaanotto on hyvällä paikalla keskustassa.', 'positive', 'premises'],
	['Lokalerna var fräscha och lätta att hitta.', 'positive', 'premises'],
	['The building was not accessible for wheelchairs.', 'negative', 'premises'],
	// costs
	['Lasku tuli kahteen kertaan samasta käynnistä.', 'negative', 'costs', 'followup'],
	['Asiakasmaksu oli kohtuullinen.', 'positive', 'costs'],
	['Maksut ovat liian korkeita eläkeläiselle.', 'negative', 'costs'],
	['Laskussa oli virhe eikä kukaan vastannut kysymykseeni.', 'negative', 'costs,reach', 'followup'],
	['Perimättä jääneestä käynnistä tuli muistutusmaksu.', 'negative', 'costs', 'followup'],
	['Hinnat kerrottiin etukäteen selvästi.', 'positive', 'costs,information', 'before'],
	['Avgiften var för hög.', 'negative', 'costs'],
	['I was charged twice for the same visit.', 'negative', 'costs', 'followup'],
	// safety
	['Sain väärän lääkkeen, se oli vaarallista.', 'negative', 'safety', 'delivery'],
	['Äiti kaatui osastolla eikä kukaan huomannut.', 'negative', 'safety,staffing', 'delivery'],
	['Tunsin oloni turvalliseksi koko hoidon ajan.', 'positive', 'safety', 'delivery'],
	['Käsihygieniasta ei huolehdittu.', 'negative', 'safety,quality', 'delivery'],
	['Päivystyksessä oli uhkaava asiakas eikä vartijaa näkynyt.', 'negative', 'safety', 'delivery'],
	['Lääkitys tarkistettiin huolellisesti ennen kotiutusta.', 'positive', 'safety', 'followup'],
	['Jag kände mig trygg under hela vistelsen.', 'positive', 'safety', 'delivery'],
	// staffing
	['Hoitajia on aivan liian vähän, kaikilla on kiire.', 'negative', 'staffing'],
	['Kotihoidossa käy joka kerta eri ihminen.', 'negative', 'staffing', 'delivery'],
	['Osastolla oli riittävästi henkilökuntaa.', 'positive', 'staffing', 'delivery'],
	['Omalääkäri vaihtuu jatkuvasti.', 'negative', 'staffing,handover'],
	['Henkilökuntaa pitäisi lisätä, nyt hoitajat ovat uupuneita.', 'negative', 'staffing'],
	['Sijaisia ei saatu ja vastaanotto peruttiin.', 'negative', 'staffing,access', 'organising'],
	['Det finns för lite personal.', 'negative', 'staffing'],
	['There are not enough nurses on the ward.', 'negative', 'staffing'],
	// stages and tones without a strong theme
	['Kiitos!', 'positive', ''],
	['Ei kommentoitavaa.', 'neutral', ''],
	['Kävin vastaanotolla tiistaina.', 'neutral', '', 'delivery'],
	['Seurantakäynti sovittiin kuukauden päähän.', 'neutral', '', 'followup'],
	['Palvelusuunnitelma tehtiin yhdessä omaisten kanssa.', 'neutral', '', 'planning'],
	['Ennen yhteydenottoa etsin tietoa netistä.', 'neutral', 'information', 'before'],
	['Hyvä palvelu mutta jonot liian pitkät.', 'mixed', 'access,quality'],
	['Lääkäri oli mukava, mutta laskutus oli sekavaa.', 'mixed', 'encounter,costs'],
	['Hoito oli hyvää, tilat kuitenkin huonot.', 'mixed', 'quality,premises', 'delivery']
];

/** The seed rows as training examples (ids "seed:<n>", so the held-out split is stable). */
export function seedExamples(): Example[] {
	return ROWS.map(([text, tone, themes, stage], i) => ({
		id: `seed:${i}`,
		text,
		tone,
		labels: [
			...themes.split(',').filter(Boolean).map(themeLabel),
			...(stage ? [stageLabel(stage)] : [])
		]
	}));
}
