/**
 * Text analysis on PGlite and PostgreSQL: a new open answer is labelled through feedback's event
 * (and its summary lands in feedback's reserved column); a handler's one-click confirm and a
 * correction are stored as training data with who and when, audited, outside the queue; a
 * handler of another unit is refused; a correction changes the next model's prediction for a
 * similar text; a version that scores below the active one is stored as rejected and the
 * active one stays; a rising theme reaches the impact tracker as a finding with its counts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { addUnits } from '../feedback/fixtures';
import { deliverEventBatch } from '../../../src/lib/server/core/events';
import type { Role, SessionUser } from '../../../src/lib/server/core/auth/roles';
import { submitResponses, type ResponseInput } from '../../../src/lib/server/feedback';
import {
	TEXTANALYSIS_HANDLERS,
	labelAnswers,
	activeModel,
	ensureDefaultThemes,
	retrain,
	reviewAnswer,
	reviewQueue,
	runRetrain,
	saveTheme,
	sendRisingTheme
} from '../../../src/lib/server/textanalysis';
import { IMPACT_HANDLERS } from '../../../src/lib/server/impact';
import { modelFromJson, predict } from '../../../ml/text-analysis/model';

describe.each(BACKENDS)('text analysis on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	const users: Record<string, SessionUser> = {};

	async function user(key: string, roles: { role: Role; unitId?: number | null }[]) {
		const row = await t.db
			.insertInto('app_user')
			.values({ email: `${key}@example.fi`, display_name: key, locale: 'fi' })
			.returning('id')
			.executeTakeFirstOrThrow();
		users[key] = {
			id: row.id,
			email: `${key}@example.fi`,
			displayName: key,
			locale: 'fi',
			roles: roles.map((r) => ({ role: r.role, unitId: r.unitId ?? null, serviceLineId: null }))
		};
		return users[key];
	}

	let seq = 0;
	const answer = (unitId: number, text: string, answeredAt = new Date()): ResponseInput => ({
		clientId: `ta-${++seq}-${Math.random().toString(36).slice(2)}`,
		unitId,
		channel: 'web',
		answers: { nps: 5, open: text },
		answeredAt
	});
	const deliver = () => deliverEventBatch(t.db, [...TEXTANALYSIS_HANDLERS, ...IMPACT_HANDLERS]);
	const labels = () => t.db.selectFrom('ta_label').selectAll().orderBy('source_id').execute();

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		await ensureDefaultThemes(t.db);
		await user('handler', [{ role: 'feedback_handler', unitId: units.a }]);
		await user('otherHandler', [{ role: 'feedback_handler', unitId: units.b }]);
		await user('admin', [{ role: 'admin' }]);
	});
	afterEach(() => t.close());

	it('labels a new open answer through the feedback event and writes the summary', async () => {
		await submitResponses(t.db, [
			answer(units.a, 'Puhelimeen ei vastattu koko päivänä.'),
			{ ...answer(units.a, ''), answers: { nps: 9 } }
		]);
		await deliver();
		const rows = await labels();
		expect(rows).toHaveLength(1);
		expect(rows[0].tone).toBe('negative');
		expect(rows[0].themes.map((x) => x.id)).toContain('reach');
		const resp = await t.db
			.selectFrom('feedback_response')
			.select('text_analysis')
			.where('id', '=', Number(rows[0].source_id))
			.executeTakeFirstOrThrow();
		expect(resp.text_analysis).toMatchObject({ tone: 'negative', status: 'auto' });
		// A redelivered event relabels the same row (no second one).
		await labelAnswers(t.db, [{ type: 'response', id: rows[0].source_id }]);
		expect(await labels()).toHaveLength(1);
	});

	it('stores confirm and correct as training data with who and when; refuses another unit', async () => {
		await submitResponses(t.db, [
			answer(units.a, 'Lasku tuli kahteen kertaan.'),
			answer(units.a, 'Hmm, niin ja näin.')
		]);
		await deliver();
		const [a, b] = await labels();
		const refA = `response:${a.source_id}`;
		const refB = `response:${b.source_id}`;
		expect(await reviewAnswer(t.db, users.otherHandler, { ref: refA, action: 'confirm' })).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect(await reviewAnswer(t.db, users.handler, { ref: refA, action: 'confirm' })).toEqual({
			ok: true
		});
		const bad = await reviewAnswer(t.db, users.handler, {
			ref: refB,
			action: 'correct',
			tone: 'mixed',
			themes: ['no-such-theme'],
			stage: ''
		});
		expect(bad).toEqual({ ok: false, error: 'theme' });
		await reviewAnswer(t.db, users.handler, {
			ref: refB,
			action: 'correct',
			tone: 'mixed',
			themes: ['encounter'],
			stage: 'delivery'
		});
		const ex = await t.db
			.selectFrom('ta_training_example')
			.selectAll()
			.orderBy('source_id')
			.execute();
		expect(ex.map((e) => [e.kind, e.labelled_by])).toEqual([
			['confirmed', users.handler.id],
			['corrected', users.handler.id]
		]);
		expect(ex[1]).toMatchObject({ tone: 'mixed', themes: ['encounter'], stage: 'delivery' });
		expect(ex[1].labelled_at).toBeInstanceOf(Date);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'details'])
			.where('action', 'like', 'textanalysis.label_%')
			.execute();
		expect(audit.map((x) => x.action).sort()).toEqual([
			'textanalysis.label_confirmed',
			'textanalysis.label_corrected'
		]);
		expect(JSON.stringify(audit)).not.toContain('niin ja näin');
		const queue = await reviewQueue(t.db, [units.a]);
		expect(queue.items.map((i) => i.ref)).not.toContain(refB);
		// A later answer's automatic relabel never overwrites a staff label.
		const after = await labels();
		expect(after.find((l) => l.source_id === b.source_id)?.status).toBe('corrected');
	});

	it('a correction changes the next model for similar texts; a worse version is not promoted', async () => {
		expect(
			(
				await saveTheme(t.db, users.admin, {
					id: 'nutrition',
					nameFi: 'Ruoka',
					nameSv: 'Mat',
					nameEn: 'Food',
					active: true
				})
			).ok
		).toBe(true);
		const food = [
			'Ruoka oli kylmää ja mautonta.',
			'Lounas oli taas kylmää.',
			'Ruoka-annokset olivat liian pieniä.',
			'Ateria tuli myöhässä ja ruoka oli kylmää.',
			'Ruoan maku oli huono.',
			'Kylmää ruokaa joka päivä.',
			'Ruokaa ei ollut tarpeeksi.',
			'Päivällinen oli mautonta ja kylmää.',
			'Ruoka oli pahaa.',
			'Aamupala oli kylmä ja niukka.'
		];
		await submitResponses(
			t.db,
			food.map((x) => answer(units.a, x))
		);
		await deliver();
		const probe = 'Osastolla ruoka oli jälleen kylmää ja mautonta.';
		const before = predict((await activeModel(t.db)).model, probe);
		expect(before.themes.map((x) => x.label)).not.toContain('nutrition');
		for (const l of await labels()) {
			await reviewAnswer(t.db, users.handler, {
				ref: `response:${l.source_id}`,
				action: 'correct',
				tone: 'negative',
				themes: ['nutrition'],
				stage: 'delivery'
			});
		}
		const r = await retrain(t.db, 'manual', users.handler.id, {
			corpus: () => [],
			runner: runRetrain
		});
		const row = await t.db
			.selectFrom('ta_model')
			.select(['model', 'status', 'score', 'compared_score', 'evaluation'])
			.where('version', '=', r.version)
			.executeTakeFirstOrThrow();
		const next = modelFromJson(row.model);
		expect(predict(next, probe).themes.map((x) => x.label)).toContain('nutrition');
		// The stored figures are the evaluation's, and the rule decided the status.
		expect(row.score).toBeCloseTo(row.evaluation.score, 5);
		expect(row.status).toBe(row.score >= (row.compared_score ?? -1) - 1e-9 ? 'active' : 'rejected');

		// A version that scores below the active one: stored as rejected, the active one stays.
		const activeBefore = (await activeModel(t.db)).version;
		const worse = await retrain(t.db, 'manual', null, {
			corpus: () => [],
			runner: async (input) => {
				const out = await runRetrain(input);
				return { ...out, promote: false, candidate: { ...out.candidate, score: 0 } };
			}
		});
		expect(worse.promoted).toBe(false);
		expect((await activeModel(t.db)).version).toBe(activeBefore);
		const st = await t.db
			.selectFrom('ta_model')
			.select('status')
			.where('version', '=', worse.version)
			.executeTakeFirstOrThrow();
		expect(st.status).toBe('rejected');
	}, 240_000);

	it('sends a rising theme to the impact tracker as a finding with its counts', async () => {
		await submitResponses(
			t.db,
			[
				'Puhelimeen ei vastattu.',
				'Soitin monta kertaa, kukaan ei vastannut.',
				'Puhelinjono oli tunnin mittainen.',
				'Takaisinsoittoa ei tullut.'
			].map((x) => answer(units.a, x))
		);
		await deliver();
		expect(
			(await sendRisingTheme(t.db, users.otherHandler, { theme: 'reach', unit: units.a })).ok
		).toBe(false);
		expect(await sendRisingTheme(t.db, users.handler, { theme: 'reach', unit: units.a })).toEqual({
			ok: true
		});
		await deliver();
		const f = await t.db
			.selectFrom('impact_finding')
			.select(['kind', 'source_type', 'evidence', 'body'])
			.where('source_type', '=', 'text_analysis_theme')
			.execute();
		expect(f).toHaveLength(1);
		expect(f[0].kind).toBe('feedback_theme');
		expect(f[0].evidence[0].count).toBeGreaterThanOrEqual(3);
	});
});
