/**
 * Demo data (illustrative, NOT real feedback): the starting taxonomy, the shipped model as
 * version 1 with the evaluation computed when it was built, about 70 varied open answers in
 * the outpatient units (submitted through feedback's intake, so feedback owns them) over four
 * months with "reaching the service" rising this month at tk-hervanta, every open answer
 * labelled, a few of them confirmed or corrected by the demo feedback handler (training data),
 * and the low-confidence rest waiting in the review queue.
 */
import {
	openTextRefsSince,
	submitResponses,
	type FeedbackDb,
	type ResponseInput
} from '../feedback';
import type { TextanalysisDb } from './textanalysis.db';
import { ensureDefaultThemes } from './taxonomy.service';
import { labelAnswers } from './labelling.service';
import { shippedModelJson } from './model-store';
import { reviewAnswer } from './review.service';
import type { SessionUser } from '../core/auth/roles';

const TEXTS: [text: string, monthsAgo: number][] = [
	['Puhelimeen ei vastattu koko aamuna, soitin kymmenen kertaa.', 0],
	['Takaisinsoittoa piti odottaa kaksi päivää.', 0],
	['Ajanvaraukseen on mahdoton päästä läpi.', 0],
	['Linja oli varattu ja puhelu katkesi jonossa.', 0],
	['En saanut puhelimella yhteyttä terveysasemalle.', 0],
	['Soitin monta kertaa mutta kukaan ei vastannut.', 0],
	['Hoitaja oli todella ystävällinen ja kuunteli.', 0],
	['Lääkäri oli asiantunteva ja selitti hoidon hyvin.', 0],
	['Jonotin lääkärille kolme viikkoa.', 0],
	['Lasku tuli kahteen kertaan samasta käynnistä.', 0],
	['Ihan ok käynti.', 0],
	['Tilat olivat ahtaat mutta palvelu oli hyvää.', 0],
	['Sähköinen ajanvaraus ei toiminut illalla.', 0],
	['Kiitos nopeasta avusta, kaikki sujui hyvin.', 0],
	['Tieto ei kulkenut sairaalasta terveysasemalle.', 0],
	['Odotin päivystyksessä viisi tuntia.', 1],
	['Henkilökuntaa on liian vähän, kaikilla kiire.', 1],
	['Ystävällinen vastaanotto ja hyvä hoito.', 1],
	['Puhelimessa odotin puoli tuntia.', 1],
	['Sain selkeät ohjeet kotiin.', 1],
	['Pysäköintipaikkoja ei ollut lainkaan.', 1],
	['Lääkäri ei kuunnellut minua.', 1],
	['Maksut ovat liian korkeita.', 1],
	['Kaikki hoitui yhdellä käynnillä.', 1],
	['Omaolo toimi hyvin ja sain ajan nopeasti.', 2],
	['Jouduin kertomaan asiani monelle eri ihmiselle.', 2],
	['Hoitaja oli tyly ja kiireinen.', 2],
	['Jonot ovat aivan liian pitkät.', 2],
	['Tunsin oloni turvalliseksi.', 2],
	['Kävin verikokeissa.', 2],
	['Soitin ja sain ajan samalle päivälle.', 2],
	['Odotustila oli siisti.', 3],
	['Lähete ei ollut mennyt perille.', 3],
	['Hammaslääkäriin pääsi nopeasti.', 3],
	['Ohjeet olivat epäselvät.', 3],
	['Hyvä palvelu mutta jonot liian pitkät.', 3],
	['Vården var bra men väntetiden lång.', 1],
	['The nurse was very kind.', 2],
	['Ei mitään valitettavaa.', 0],
	['Hmm, vähän niin ja näin.', 0],
	['Jäi epäselväksi, kuka hoitaa asiani jatkossa.', 0]
];

const DAY = 86_400_000;

export async function seedTextanalysisDemo(db: TextanalysisDb, now = new Date()): Promise<void> {
	await ensureDefaultThemes(db);
	const shipped = shippedModelJson();
	const meta = shipped.meta as Record<string, unknown>;
	const evaluation = meta.evaluation as { score: number } | undefined;
	if (evaluation) {
		await db
			.insertInto('ta_model')
			.values({
				status: 'active',
				model: JSON.stringify(shipped),
				trigger: 'shipped',
				requested_by: null,
				train_rows: Number(meta.trainRows ?? 0),
				holdout_rows: Number(meta.holdoutRows ?? 0),
				score: evaluation.score,
				compared_score: null,
				evaluation: JSON.stringify(evaluation),
				examples_per_label: JSON.stringify(meta.examplesPerLabel ?? {}),
				seconds: Number(meta.seconds ?? 0)
			})
			.execute();
	}
	const fdb = db as unknown as FeedbackDb;
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code', 'service_line_id'])
		.where('code', 'in', ['tk-hervanta', 'neuvola-kangasala', 'asiakasohjaus'])
		.orderBy('id')
		.execute();
	const hervanta = units.find((u) => u.code === 'tk-hervanta');
	if (!hervanta) return;
	const inputs: ResponseInput[] = TEXTS.map(([text, monthsAgo], i) => {
		// This month's answers fall within the last few days (never before the month began).
		const back = monthsAgo === 0 ? (i % 3) * 3_600_000 : monthsAgo * 30 * DAY + (i % 9) * DAY;
		const unit = i < 6 || i % 2 === 0 ? hervanta : (units[i % units.length] ?? hervanta);
		return {
			clientId: `demo-ta-${i}`,
			unitId: unit.id,
			channel: 'web',
			answers: { nps: (i * 7) % 11, open: text },
			locale: /[åÅ]|Vården/.test(text) ? 'sv' : /The /.test(text) ? 'en' : 'fi',
			answeredAt: new Date(now.getTime() - back)
		};
	});
	await submitResponses(fdb, inputs);
	// Label every open answer now (the event handler would do it within seconds anyway).
	const refs = await openTextRefsSince(fdb, new Date(0), 10_000);
	for (let i = 0; i < refs.length; i += 500) await labelAnswers(db, refs.slice(i, i + 500));
	// The demo handler has taught a few: confirmed and corrected labels (training data).
	const handler = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', 'palaute@demo.osallistu.fi')
		.executeTakeFirst();
	if (!handler) return;
	const user: SessionUser = {
		id: handler.id,
		email: 'palaute@demo.osallistu.fi',
		displayName: 'Demo',
		locale: 'fi',
		roles: [{ role: 'feedback_handler', serviceLineId: hervanta.service_line_id, unitId: null }]
	};
	const labelled = await db
		.selectFrom('ta_label')
		.select(['source_type', 'source_id', 'needs_review'])
		.where('unit_id', '=', hervanta.id)
		.orderBy('received_at', 'desc')
		.limit(8)
		.execute();
	for (const [k, l] of labelled.entries()) {
		if (k >= 4) break;
		const ref = `${l.source_type}:${l.source_id}`;
		if (k % 2 === 0) await reviewAnswer(db, user, { ref, action: 'confirm' });
		else
			await reviewAnswer(db, user, {
				ref,
				action: 'correct',
				tone: 'negative',
				themes: ['reach'],
				stage: 'contact'
			});
	}
	// The demo's version counts as trained after these labels: the weekly job does not retrain
	// at the first start.
	await db
		.updateTable('ta_model')
		.set({ created_at: new Date(Date.now() + 1000) })
		.where('status', '=', 'active')
		.execute();
}
