/**
 * Demo data for an empty embedded database: the county's first panel ("how do we make the
 * digital change respectfully and responsibly?") recruited from 80 answers to a mailed
 * invitation, balanced on age band, gender, municipality and mother tongue; its commitment and
 * seed published and the panel drawn by LEXIMIN (in-process: a small pool draws in moments),
 * three sessions held, one member replaced, and a recommendation published with the members'
 * support, which reaches the impact tracker by its event as in production. The demo resident
 * (asukas@demo.osallistu.fi) is one of the members, so their account page shows the panel.
 */
import type { SessionUser } from '../core/auth/roles';
import { recordAudit } from '../core/audit';
import type { PanelsDb } from './panels.db';
import { getPanel, seatedOf, volunteersOf } from './panels.queries';
import { createPanel, importVolunteers, saveQuotas } from './panels.service';
import { enterSeed } from './draw.service';
import { commitment } from '../../../../ml/panels';
import { runEngine } from './panel-draw.thread';
import { acceptReplacement, proposeFor } from './members.service';
import {
	addPoint,
	addSession,
	publishRecommendation,
	setAttendance,
	setSupport
} from './work.service';
import { panelSpec } from './panels.queries';
import { recordSessionFees } from './fees.service';

/** A small deterministic generator, so the demo is the same on every start. */
function lcg(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

const pick = <T>(r: () => number, xs: readonly [T, number][]): T => {
	const total = xs.reduce((s, [, w]) => s + w, 0);
	let x = r() * total;
	for (const [v, w] of xs) if ((x -= w) < 0) return v;
	return xs[xs.length - 1][0];
};

export function demoVolunteersCsv(n = 80): string {
	const r = lcg(13);
	const rows = ['id,name,email,household,age_band,gender,municipality,language'];
	for (let i = 1; i <= n; i++) {
		const age = pick(r, [
			['15-29', 2],
			['30-44', 3],
			['45-64', 4],
			['65-74', 3],
			['75+', 1]
		]);
		const gender = pick(r, [
			['female', 11],
			['male', 9],
			['other', 1]
		]);
		const mun = pick(r, [
			['837', 6],
			['536', 2],
			['980', 2],
			['211', 2],
			['418', 1]
		]);
		const lang = pick(r, [
			['fi', 16],
			['sv', 2],
			['other', 2]
		]);
		// Two pairs share a household, so the rule "one per household" has something to do.
		const household = i === 2 || i === 3 ? 'kotikatu 1' : i === 10 || i === 11 ? 'rantatie 5' : '';
		const id = `K${String(i).padStart(3, '0')}`;
		rows.push(
			`${id},Vastaaja ${i},vastaaja${i}@demo.osallistu.fi,${household},${age},${gender},${mun},${lang}`
		);
	}
	return rows.join('\n') + '\n';
}

const QUOTAS = `category,value,min,max
age_band,15-29,2,4
age_band,30-44,3,5
age_band,45-64,4,6
age_band,65-74,2,5
age_band,75+,1,3
gender,female,7,11
gender,male,6,9
gender,other,0,1
municipality,837,4,9
municipality,536,1,4
municipality,980,1,4
municipality,211,1,4
municipality,418,0,2
language,fi,12,17
language,sv,1,3
language,other,1,3
`;

export async function seedPanelsDemo(db: PanelsDb): Promise<void> {
	if (await db.selectFrom('panel').select('id').limit(1).executeTakeFirst()) return;
	const admin = await db
		.selectFrom('app_user')
		.select(['id', 'email', 'display_name'])
		.where('email', '=', 'pooli@demo.osallistu.fi')
		.executeTakeFirst();
	if (!admin) return;
	const user: SessionUser = {
		id: admin.id,
		email: admin.email,
		displayName: admin.display_name,
		locale: 'fi',
		roles: [{ role: 'pool_coordinator', serviceLineId: null, unitId: null }]
	};
	const id = await createPanel(db, user, {
		question: 'Miten teemme digimuutoksen kunnioittavasti ja vastuullisesti?',
		description:
			'Hyvinvointialueen ensimmäinen puntaroiva asukaspaneeli. 20 arvalla valittua asukasta perehtyy digitaalisiin palveluihin, kuulee asiantuntijoita ja laatii suosituksen aluehallitukselle.',
		size: 20,
		categories: ['age_band', 'gender', 'municipality', 'language'],
		householdRule: true,
		seedRule: ''
	});
	let panel = (await getPanel(db, id))!;
	const imported = await importVolunteers(
		db,
		user,
		panel,
		new TextEncoder().encode(demoVolunteersCsv())
	);
	if (!imported.ok) throw new Error(`panels demo: ${JSON.stringify(imported.problems)}`);
	const q = await saveQuotas(db, user, panel, QUOTAS);
	if (!q.ok) throw new Error(`panels demo: ${JSON.stringify(q.problems)}`);
	// The commitment, as the coordinator publishes it (the check runs in-process here).
	const spec = await panelSpec(db, panel);
	await db
		.updateTable('panel')
		.set({
			status: 'committed',
			commitment: commitment(spec, 'leximin'),
			committed_at: new Date('2026-11-02T10:00:00Z'),
			seed_rule:
				'Veikkauksen Lotto-arvonnan 7.11.2026 oikeat numerot pienimmästä suurimpaan, väliviivoin erotettuina.'
		})
		.where('id', '=', id)
		.execute();
	panel = (await getPanel(db, id))!;
	await enterSeed(db, user, panel, '3-9-14-21-27-33-38');
	// The draw, in-process (the web server is not yet answering).
	await db.updateTable('panel').set({ draw_state: 'running' }).where('id', '=', id).execute();
	const r = await runEngine({ id: 0, op: 'select', spec, seed: '3-9-14-21-27-33-38' });
	if (!r.ok || r.op !== 'select') throw new Error(`panels demo: draw failed ${JSON.stringify(r)}`);
	const s = r.selection;
	const chosen = new Set(s.selected);
	for (const v of await volunteersOf(db, id))
		await db
			.updateTable('panel_volunteer')
			.set({
				probability: s.probabilities[v.ref] ?? 0,
				state: chosen.has(v.ref) ? 'selected' : 'in_pool',
				invited_at: new Date('2026-11-08T09:00:00Z')
			})
			.where('id', '=', v.id)
			.execute();
	await db
		.updateTable('panel')
		.set({
			status: 'drawn',
			draw_state: 'done',
			algorithm: s.algorithm,
			engine: s.engine,
			distribution_hash: s.distributionHash,
			min_probability: s.minProbability,
			quota_table: JSON.stringify(s.quotaTable),
			drawn_at: new Date('2026-11-07T19:00:00Z')
		})
		.where('id', '=', id)
		.execute();
	await recordAudit(db, {
		actorUserId: null,
		action: 'panels.drawn',
		entityType: 'panel',
		entityId: id,
		details: { demo: true }
	});
	panel = (await getPanel(db, id))!;

	// Everyone confirms but one, who declines and is replaced by the proposal.
	const seated = await seatedOf(db, id);
	const resident = await db
		.selectFrom('app_user')
		.select(['id', 'email'])
		.where('email', '=', 'asukas@demo.osallistu.fi')
		.executeTakeFirst();
	for (const [i, m] of seated.entries()) {
		await db
			.updateTable('panel_volunteer')
			.set({
				state: i === 1 ? 'declined' : 'confirmed',
				answered_at: new Date('2026-11-10T12:00:00Z'),
				...(i === 0 && resident
					? { user_id: resident.id, email: resident.email, name: 'Antti Asukas' }
					: {})
			})
			.where('id', '=', m.id)
			.execute();
	}
	const proposal = await proposeFor(db, panel, seated[1].id);
	if (proposal?.candidate) {
		await acceptReplacement(db, user, panel, seated[1].id, proposal.candidate.id);
		await db
			.updateTable('panel_volunteer')
			.set({ state: 'confirmed' })
			.where('id', '=', proposal.candidate.id)
			.execute();
	}
	const members = (await seatedOf(db, id)).filter((m) => m.state === 'confirmed');

	const sessions = [
		{
			title: 'Aloitus: mitä digimuutos tarkoittaa palveluissa?',
			heldOn: '2026-11-14',
			agenda:
				'Tutustuminen, paneelin tehtävä ja aikataulu. Digipalvelujen nykytila hyvinvointialueella.',
			materials: 'Digipalvelujen käyttötilastot 2025; Asiakaskyselyn tulokset (Omaolo, chat).',
			experts: 'Digipalvelujohtaja; Vanhusneuvoston edustaja'
		},
		{
			title: 'Asiantuntijakuuleminen: saavutettavuus ja tietosuoja',
			heldOn: '2026-11-21',
			agenda: 'Kuka jää digipalvelujen ulkopuolelle? Mitä tietosuoja edellyttää? Pienryhmät.',
			materials: 'Saavutettavuusdirektiivi tiivistettynä; Tietosuojavaltuutetun ohje.',
			experts: 'Saavutettavuusasiantuntija; Tietosuojavastaava; Digitukihenkilö'
		},
		{
			title: 'Puntarointi ja suosituksen viimeistely',
			heldOn: '2026-11-28',
			agenda: 'Suositusluonnoksen käsittely kohta kohdalta, tuen mittaaminen.',
			materials: 'Suositusluonnos (työtila).',
			experts: ''
		}
	];
	for (const [i, sd] of sessions.entries()) {
		const made = await addSession(db, user, panel, sd);
		if (!made.ok) continue;
		const present = members.filter((_, k) => (k + i) % 7 !== 0).map((m) => m.id);
		await setAttendance(db, user, panel, made.id, present);
		// Fees on the county's schedule (the fees module's demo rates): meeting fee, some travel.
		await recordSessionFees(db, user, panel, made.id, {
			volunteerIds: present,
			km: present.map((_, k) => (k % 3 === 0 ? String(12 + k) : ''))
		});
	}
	const points = [
		'Jokaisella palvelulla on aina myös muu kuin digitaalinen asiointitapa, eikä sen käyttö maksa enempää.',
		'Digitukea tarjotaan jokaisessa kunnassa kirjastoissa ja sosiaali- ja terveysasemilla ilman ajanvarausta.',
		'Uudet digipalvelut testataan ennen käyttöönottoa asukkailla, myös ikääntyneillä ja ruotsinkielisillä.',
		'Asukkaalle kerrotaan selkeästi, mihin hänen tietojaan käytetään ja kuka niitä näkee.',
		'Tekoälyä käytetään päätöksissä vain ihmisen tukena, ei päätöksentekijänä.'
	];
	for (const [i, body] of points.entries()) {
		const author = members[i % members.length];
		const made = await addPoint(db, user, panel, body, author.id);
		if (!made.ok) continue;
		for (const [k, m] of members.entries())
			if ((k * (i + 3)) % 10 < 8 - i) await setSupport(db, user, panel, m.id, made.id, true);
	}
	await publishRecommendation(db, user, panel, new Date('2026-11-30T12:00:00Z'));
}
