/**
 * Resident panels end to end on the services, on PGlite and PostgreSQL: volunteers from the
 * pool's invitation (by its event) and from a mailed invitation's CSV; bad CSV and bad quotas are
 * refused by row and nothing is stored; infeasible quotas are reported before a draw, naming the
 * quota and the amount; commitment, seed, LEXIMIN draw in the worker thread (the same seed gives
 * the same panel, the quota table meets its bounds); replacement that keeps the quotas; sessions,
 * support and the published recommendation reaching the impact tracker as findings.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { deliverEventBatch } from '../../../src/lib/server/core/events';
import type { SessionUser } from '../../../src/lib/server/core/auth/roles';
import { addQuestion, answerByToken, createInvitation } from '../../../src/lib/server/pool';
import { IMPACT_HANDLERS } from '../../../src/lib/server/impact';
import { addRate, type FeesTx } from '../../../src/lib/server/fees';
import {
	PANELS_HANDLERS,
	acceptReplacement,
	addPoint,
	addSession,
	checkQuotas,
	commit,
	createPanel,
	enterSeed,
	getPanel,
	importVolunteers,
	memberAction,
	pendingPoolAnswers,
	poolQuestionNames,
	proposeFor,
	publishRecommendation,
	recordSessionFees,
	sessionFees,
	runDraw,
	runQueuedDraws,
	saveQuotas,
	seatedOf,
	setAttendance,
	setSupport,
	stopPanelThread,
	suggestQuotas,
	takePoolVolunteers,
	volunteersOf
} from '../../../src/lib/server/panels';
import { activeMember, lastLinkTo, ORIGIN } from '../pool/helpers';

const enc = (s: string) => new TextEncoder().encode(s);

/** 16 mailed answers: 8 of each gender, ages in two bands, one household pair. */
function mailedCsv(extra = ''): string {
	const rows = ['id,name,email,household,gender,age_band'];
	for (let i = 1; i <= 16; i++)
		rows.push(
			`M${i},Nimi ${i},m${i}@example.fi,${i === 1 || i === 2 ? 'Koti 1' : ''},${i % 2 ? 'female' : 'male'},${i <= 10 ? '30-44' : '65-74'}`
		);
	return rows.join('\n') + '\n' + extra;
}

const QUOTAS = `category,value,min,max
gender,female,2,3
gender,male,2,3
gender,no_answer,0,1
age_band,30-44,2,3
age_band,45-64,0,1
age_band,65-74,2,3
`;

describe.each(BACKENDS)('panels on %s', (backend) => {
	let t: TestDb;
	let coordinator: SessionUser;

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const u = await t.db
			.insertInto('app_user')
			.values({ email: 'coord@example.fi', display_name: 'Coord', locale: 'fi' })
			.returning('id')
			.executeTakeFirstOrThrow();
		coordinator = {
			id: u.id,
			email: 'coord@example.fi',
			displayName: 'Coord',
			locale: 'fi',
			roles: [{ role: 'pool_coordinator', serviceLineId: null, unitId: null }]
		};
	});
	afterEach(() => t.close());
	afterAll(() => stopPanelThread());

	async function newPanel(size = 5) {
		const id = await createPanel(t.db, coordinator, {
			question: 'Digimuutos',
			description: '',
			size,
			categories: ['gender', 'age_band'],
			householdRule: true,
			seedRule: ''
		});
		return (await getPanel(t.db, id))!;
	}
	const count = async (table: 'panel_volunteer' | 'panel_quota') =>
		Number(
			(
				await t.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	it('refuses a bad CSV by row and stores nothing', async () => {
		const panel = await newPanel();
		const dup = await importVolunteers(
			t.db,
			coordinator,
			panel,
			enc(mailedCsv('M3,X,,,male,30-44\n'))
		);
		expect(dup.ok).toBe(false);
		if (!dup.ok)
			expect(dup.problems).toContainEqual({
				key: 'panels.errors.csvDuplicate',
				params: { line: 18, id: 'M3', first: 4 }
			});
		const missing = await importVolunteers(t.db, coordinator, panel, enc('id,gender\nA,female\n'));
		expect(missing).toMatchObject({
			ok: false,
			problems: [{ key: 'panels.errors.csvColumns', params: { columns: 'age_band' } }]
		});
		expect(await count('panel_volunteer')).toBe(0);
	});

	it('refuses quotas with an unknown category or summing below the size, storing nothing', async () => {
		const panel = await newPanel();
		const unknown = await saveQuotas(t.db, coordinator, panel, QUOTAS + 'shoe,42,0,1\n');
		expect(unknown).toMatchObject({
			ok: false,
			problems: [{ key: 'panels.errors.unknownCategory', params: { line: 8, category: 'shoe' } }]
		});
		const below = await saveQuotas(
			t.db,
			coordinator,
			panel,
			QUOTAS.replace('gender,female,2,3', 'gender,female,1,1').replace(
				'gender,male,2,3',
				'gender,male,1,1'
			)
		);
		expect(below).toMatchObject({
			ok: false,
			problems: [
				{
					key: 'panels.errors.maxBelowSize',
					params: { category: 'gender', sum: 3, size: 5, by: 2 }
				}
			]
		});
		expect(await count('panel_quota')).toBe(0);
	});

	it('runs a panel from the pool invitation to the recommendation in the tracker', async () => {
		const panel = await newPanel();
		// Stage one: two pool members say yes to the panel's invitation; the event brings them.
		await activeMember(t.db, { email: 'p1@example.fi', gender: 'female', birthYear: 1955 });
		await activeMember(t.db, { email: 'p2@example.fi', gender: 'male', birthYear: 1985 });
		await createInvitation(t.db, coordinator.id, ORIGIN, {
			activityType: 'panel',
			activityId: String(panel.id),
			title: 'Paneeli',
			messages: { fi: 'Tule paneeliin' },
			replyDeadline: new Date(Date.now() + 86400000),
			maxAccepted: null,
			filters: {}
		});
		for (const e of ['p1@example.fi', 'p2@example.fi'])
			expect(await answerByToken(t.db, await lastLinkTo(t.db, e, '/pool/reply'), 'yes')).toBe('ok');
		await deliverEventBatch(t.db, PANELS_HANDLERS);
		const answers = await pendingPoolAnswers(t.db, panel.id);
		expect(answers).toHaveLength(2);
		const took = await takePoolVolunteers(
			t.db,
			coordinator,
			panel,
			answers.map((a) => a.member_id)
		);
		expect(took).toMatchObject({ ok: true, count: 2 });
		// Stage two: the mailed invitation's answers.
		expect(await importVolunteers(t.db, coordinator, panel, enc(mailedCsv()))).toMatchObject({
			ok: true,
			count: 16
		});
		const vols = await volunteersOf(t.db, panel.id);
		expect(vols.find((v) => v.ref === 'P0001')?.attributes).toMatchObject({
			gender: 'female',
			age_band: '65-74'
		});

		// Suggested quotas list every volunteer value.
		const suggested = await suggestQuotas(t.db, panel);
		expect(suggested).toContain('age_band,30-44,');

		// Infeasible together, though each category adds up: five women aged 65–74, and the pool
		// has four.
		const INFEASIBLE = `category,value,min,max
gender,female,5,5
gender,male,0,0
gender,no_answer,0,0
age_band,30-44,0,0
age_band,45-64,0,0
age_band,65-74,5,5
`;
		expect(await saveQuotas(t.db, coordinator, panel, INFEASIBLE)).toMatchObject({ ok: true });
		let fresh = (await getPanel(t.db, panel.id))!;
		const bad = await checkQuotas(t.db, fresh);
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			for (const p of bad.problems) {
				// Which quota, from what to what, by how much.
				expect(p.key).toMatch(/^panels\.errors\.(lowerMin|raiseMax)$/);
				expect(p.params).toMatchObject({ by: 1 });
				expect(['gender', 'age_band']).toContain(p.params!.category);
			}
		expect((await commit(t.db, coordinator, fresh, 'Lotto')).ok).toBe(false);

		expect((await saveQuotas(t.db, coordinator, panel, QUOTAS)).ok).toBe(true);
		fresh = (await getPanel(t.db, panel.id))!;
		expect(await checkQuotas(t.db, fresh)).toEqual({ ok: true });
		const c = await commit(t.db, coordinator, fresh, 'Lotto 7.11.');
		expect(c.ok).toBe(true);
		// Frozen after the commitment.
		fresh = (await getPanel(t.db, panel.id))!;
		expect((await saveQuotas(t.db, coordinator, fresh, QUOTAS)).ok).toBe(false);
		expect((await enterSeed(t.db, coordinator, fresh, '1-2-3')).ok).toBe(true);
		expect((await enterSeed(t.db, coordinator, fresh, '4-5-6')).ok).toBe(false);
		await runDraw(t.db, panel.id);
		fresh = (await getPanel(t.db, panel.id))!;
		expect(fresh.draw_state).toBe('done');
		expect(fresh.algorithm).toBe('leximin');
		for (const q of fresh.quota_table!) {
			expect(q.selected).toBeGreaterThanOrEqual(q.min);
			expect(q.selected).toBeLessThanOrEqual(q.max);
		}
		const seated = await seatedOf(t.db, panel.id);
		expect(seated).toHaveLength(5);
		// The household pair never sit together.
		expect(seated.filter((m) => m.ref === 'M1' || m.ref === 'M2').length).toBeLessThanOrEqual(1);
		const probs = (await volunteersOf(t.db, panel.id)).map((v) => v.probability!);
		expect(probs.reduce((s, p) => s + p, 0)).toBeCloseTo(5, 6);

		// Members: one declines, the replacement keeps the quotas.
		for (const m of seated.slice(1))
			expect((await memberAction(t.db, coordinator, fresh, m.id, 'confirm', ORIGIN)).ok).toBe(true);
		expect((await memberAction(t.db, coordinator, fresh, seated[0].id, 'decline', ORIGIN)).ok).toBe(
			true
		);
		const proposal = (await proposeFor(t.db, fresh, seated[0].id))!;
		expect(proposal.candidate).not.toBeNull();
		expect(proposal.violation).toBe(0);
		expect((await acceptReplacement(t.db, coordinator, fresh, seated[0].id, seated[1].id)).ok).toBe(
			false
		);
		expect(
			(await acceptReplacement(t.db, coordinator, fresh, seated[0].id, proposal.candidate!.id)).ok
		).toBe(true);
		await memberAction(t.db, coordinator, fresh, proposal.candidate!.id, 'confirm', ORIGIN);
		const members = (await seatedOf(t.db, panel.id)).filter((m) => m.state === 'confirmed');
		expect(members).toHaveLength(5);

		// Sessions, support, recommendation.
		const s = await addSession(t.db, coordinator, fresh, {
			title: 'Aloitus',
			heldOn: '2026-11-14',
			agenda: 'Esittely',
			materials: '',
			experts: 'Digijohtaja'
		});
		expect(s.ok).toBe(true);
		if (s.ok) {
			expect((await setAttendance(t.db, coordinator, fresh, s.id, [999999])).ok).toBe(false);
			expect(
				await setAttendance(
					t.db,
					coordinator,
					fresh,
					s.id,
					members.map((m) => m.id)
				)
			).toMatchObject({ ok: true, count: 5 });
			// Fees: refused without a rate on the day (nothing written), then on the schedule.
			const fees = { volunteerIds: [members[0].id, members[1].id], km: ['24', ''] };
			expect(await recordSessionFees(t.db, coordinator, fresh, s.id, fees)).toMatchObject({
				ok: false,
				problems: [{ key: 'fees.errors.noRate' }]
			});
			expect(await sessionFees(t.db, s.id)).toEqual([]);
			await t.db.transaction().execute(async (trx) => {
				for (const [kind, cents] of [
					['meeting_fee_member', 6000],
					['travel_km', 55]
				] as const)
					await addRate(trx as unknown as FeesTx, coordinator.id, {
						kind,
						cents,
						validFrom: '2026-01-01',
						validTo: null
					});
			});
			expect(await recordSessionFees(t.db, coordinator, fresh, s.id, fees)).toEqual({
				ok: true,
				rows: 6
			});
			const rows = await sessionFees(t.db, s.id);
			expect(rows.filter((r) => r.kind === 'meeting_fee_member')).toHaveLength(5);
			expect(rows.find((r) => r.kind === 'travel_km')).toMatchObject({
				quantity: 24,
				amount_cents: 1320
			});
			expect((await recordSessionFees(t.db, coordinator, fresh, s.id, fees)).ok).toBe(false);
		}
		const p1 = await addPoint(
			t.db,
			coordinator,
			fresh,
			'Aina myös muu kuin digitaalinen tapa',
			members[0].id
		);
		expect(p1.ok).toBe(true);
		if (p1.ok)
			for (const m of members.slice(1, 3))
				await setSupport(t.db, coordinator, fresh, m.id, p1.id, true);
		expect((await publishRecommendation(t.db, coordinator, fresh)).ok).toBe(true);
		await deliverEventBatch(t.db, IMPACT_HANDLERS);
		const finding = await t.db
			.selectFrom('impact_finding')
			.select(['kind', 'body', 'evidence'])
			.where('source_type', '=', 'panel_point')
			.executeTakeFirstOrThrow();
		expect(finding.kind).toBe('recommendation');
		expect(finding.evidence[0]).toMatchObject({ count: 3, share: 0.6 });
		// The panel reaches the tracker's reach figures by its confirmed members' groups, as their
		// attributes were frozen when they became volunteers (a hand count of the seated five).
		// Three seated from the mailed CSV (gender, age band) and two from the pool (also municipality
		// 837; their language "unknown" and the like are no group the population has).
		const hand = {
			'gender:female': 2,
			'gender:male': 3,
			'age_band:30-44': 3,
			'age_band:65-74': 2,
			'municipality:837': 2
		};
		const activity = await t.db
			.selectFrom('impact_activity')
			.select(['took_part', 'by_group'])
			.where('source_type', '=', 'panel')
			.executeTakeFirstOrThrow();
		expect(activity).toEqual({ took_part: 5, by_group: hand });
	});

	it('gives the same panel for the same seed', async () => {
		const panels = [];
		for (let k = 0; k < 2; k++) {
			const panel = await newPanel();
			await importVolunteers(t.db, coordinator, panel, enc(mailedCsv()));
			await saveQuotas(t.db, coordinator, panel, QUOTAS);
			await commit(t.db, coordinator, (await getPanel(t.db, panel.id))!, 'Lotto');
			await enterSeed(t.db, coordinator, (await getPanel(t.db, panel.id))!, 'same-seed');
			await runDraw(t.db, panel.id);
			panels.push((await seatedOf(t.db, panel.id)).map((m) => m.ref));
		}
		expect(panels[0]).toEqual(panels[1]);
		expect(panels[0]).toHaveLength(5);
	});

	it('re-draws a draw whose process died (no heartbeat within the lease) and leaves a live one', async () => {
		const ready = async () => {
			const panel = await newPanel();
			await importVolunteers(t.db, coordinator, panel, enc(mailedCsv()));
			await saveQuotas(t.db, coordinator, panel, QUOTAS);
			await commit(t.db, coordinator, (await getPanel(t.db, panel.id))!, 'Lotto');
			await enterSeed(t.db, coordinator, (await getPanel(t.db, panel.id))!, 'crash-seed');
			return panel.id;
		};
		// What a process killed mid-draw leaves behind: "running", its last heartbeat long ago.
		const dead = await ready();
		const live = await ready();
		const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
		await t.db
			.updateTable('panel')
			.set({ draw_state: 'running', draw_heartbeat_at: minutesAgo(10) })
			.where('id', '=', dead)
			.execute();
		await t.db
			.updateTable('panel')
			.set({ draw_state: 'running', draw_heartbeat_at: minutesAgo(1) })
			.where('id', '=', live)
			.execute();

		await runQueuedDraws(t.db);

		const after = async (id: number) => (await getPanel(t.db, id))!;
		expect((await after(dead)).draw_state).toBe('done');
		expect((await after(dead)).status).toBe('drawn');
		expect(await seatedOf(t.db, dead)).toHaveLength(5);
		expect((await after(live)).draw_state).toBe('running'); // another process is drawing it
		const requeued = await t.db
			.selectFrom('audit_log')
			.select(['entity_id', 'actor_user_id'])
			.where('action', '=', 'panels.draw_requeued')
			.execute();
		expect(requeued).toEqual([{ entity_id: String(dead), actor_user_id: null }]);
	});

	it('names pool-question categories from the pool, the retired questions too, falling back to Finnish', async () => {
		await addQuestion(t.db, coordinator.id, {
			labelFi: 'Käytätkö digipalveluja?',
			labelSv: '',
			labelEn: 'Do you use digital services?',
			options: [{ value: 'often', fi: 'Usein', sv: 'Ofta', en: 'Often' }]
		});
		const q = await t.db.selectFrom('pool_question').select('id').executeTakeFirstOrThrow();
		await t.db.updateTable('pool_question').set({ active: false }).execute();
		const names = await poolQuestionNames(t.db);
		expect(names.get(`q${q.id}`)?.label).toEqual({
			fi: 'Käytätkö digipalveluja?',
			sv: 'Käytätkö digipalveluja?',
			en: 'Do you use digital services?'
		});
		expect(names.get(`q${q.id}`)?.options.get('often')?.sv).toBe('Ofta');
	});
});
