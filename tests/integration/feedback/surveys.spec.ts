import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	parseQuestions,
	saveSurvey,
	createSurvey,
	getSurveyByCode,
	surveysForUnit,
	submitResponses
} from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

describe.each(BACKENDS)('feedback surveys on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	let admin: string;
	// A fresh database per test: no test relies on what another one stored, in any order.
	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		admin = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'a@example.test', display_name: 'A' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterEach(() => t.close());

	it('ships the national THL model and the children variant in fi/sv/en', async () => {
		const n = await getSurveyByCode(t.db, 'thl-national');
		expect(n!.questions.map((q) => q.type)).toEqual([
			'nps',
			'statement',
			'statement',
			'statement',
			'statement',
			'statement',
			'statement',
			'text'
		]);
		expect(n!.questions[7].text.fi).toBe('Mikä vaikutti kokemukseesi eniten?');
		for (const q of n!.questions) expect(q.text.sv && q.text.en).toBeTruthy();
		const c = await getSurveyByCode(t.db, 'thl-children');
		expect(c!.kind).toBe('children');
		expect((await surveysForUnit(t.db, units.a)).map((s) => s.code)).toEqual([
			'thl-national',
			'thl-children'
		]);
	});

	it('editing questions makes a new version; old answers keep their version and text', async () => {
		const n = (await getSurveyByCode(t.db, 'thl-national'))!;
		await submitResponses(t.db, [
			{ clientId: 'v1-answer', unitId: units.a, channel: 'web', answers: { nps: 8 } }
		]);
		const edited = n.questions.map((q) =>
			q.key === 'open' ? { ...q, text: { ...q.text, fi: 'Mitä muuta?' } } : q
		);
		const r = await saveSurvey(t.db, admin, n.id, {
			name_fi: n.name_fi,
			name_sv: n.name_sv,
			name_en: n.name_en,
			active: true,
			unitIds: [],
			questions: edited
		});
		expect(r.version).toBe(2);
		const old = await t.db
			.selectFrom('feedback_response as r')
			.innerJoin('feedback_survey_version as v', 'v.id', 'r.survey_version_id')
			.select(['v.version', 'v.questions'])
			.where('r.client_id', '=', 'v1-answer')
			.executeTakeFirstOrThrow();
		expect(old.version).toBe(1);
		expect(old.questions.at(-1)!.text.fi).toBe('Mikä vaikutti kokemukseesi eniten?');
		// Saving the same questions again keeps the version.
		expect(
			(
				await saveSurvey(t.db, admin, n.id, {
					name_fi: n.name_fi,
					name_sv: n.name_sv,
					name_en: n.name_en,
					active: true,
					unitIds: [],
					questions: edited
				})
			).version
		).toBe(2);
	});

	it('targeted surveys are limited to their units and validated', async () => {
		expect(parseQuestions('[{"key":"q","type":"choice","text":{"fi":"x"}}]')).toEqual({
			ok: false,
			detail: '0.options'
		});
		expect(parseQuestions('not json')).toEqual({ ok: false, detail: 'JSON' });
		const q = parseQuestions(
			'[{"key":"nps","type":"nps","required":true,"text":{"fi":"Suosittelisitko?"}},{"key":"food","type":"choice","text":{"fi":"Ruoka?"},"options":[{"value":"good","text":{"fi":"Hyvä"}},{"value":"bad","text":{"fi":"Huono"}}]}]'
		);
		expect(q.ok).toBe(true);
		if (!q.ok) return;
		const id = (await createSurvey(t.db, admin, {
			code: 'ruoka',
			name_fi: 'Ruokakysely',
			name_sv: 'Mat',
			name_en: 'Food',
			questions: q.questions
		}))!;
		const s = (await getSurveyByCode(t.db, 'ruoka'))!;
		await saveSurvey(t.db, admin, id, {
			name_fi: 'Ruokakysely',
			name_sv: 'Mat',
			name_en: 'Food',
			active: true,
			unitIds: [units.c],
			questions: s.questions
		});
		expect((await surveysForUnit(t.db, units.c)).map((x) => x.code)).toContain('ruoka');
		expect((await surveysForUnit(t.db, units.a)).map((x) => x.code)).not.toContain('ruoka');
		await expect(
			submitResponses(t.db, [
				{
					clientId: 'food-1',
					unitId: units.c,
					surveyId: id,
					channel: 'web',
					answers: { nps: 7, food: 'meh' }
				}
			])
		).rejects.toThrow('invalid');
		expect(
			await submitResponses(t.db, [
				{
					clientId: 'food-2',
					unitId: units.c,
					surveyId: id,
					channel: 'web',
					answers: { nps: 7, food: 'good' }
				}
			])
		).toEqual({ stored: 1, duplicates: 0 });
		await expect(
			submitResponses(t.db, [
				{ clientId: 'food-3', unitId: units.a, surveyId: id, channel: 'web', answers: { nps: 7 } }
			])
		).rejects.toThrow('invalid');
	});
});
