import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { formEvent, grant, loadEvent, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { getSurveyByCode } from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';
import { pageFields, type EditPage } from './editor-fields';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));

const { load, actions } = await import('../../../src/routes/admin/feedback/[id=int]/+page.server');

describe.each(BACKENDS)('the admin survey form on %s', (backend) => {
	let t: TestDb;
	let admin: ReturnType<typeof user>;
	let units: Record<string, number>;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		const id = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'admin@example.test', display_name: 'A' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		admin = user(id, [grant('admin')]);
		rt.current = { db: t.db, config: {} };
	});
	afterAll(() => t.close());

	/** Opens the edit page and posts its form back as the browser sends it, with changes. */
	async function openAndSave(code: string, change: (s: EditPage['survey']) => void = () => {}) {
		const id = String((await getSurveyByCode(t.db, code))!.id);
		const page = (await load(
			loadEvent(`/admin/feedback/${id}`, { user: admin, params: { id } }) as never
		)) as EditPage;
		const s = structuredClone(page.survey);
		change(s);
		// The save button: the form as the browser posts it.
		const fields = pageFields(s, 'save');
		const result = await actions.default(
			formEvent(`/admin/feedback/${id}`, fields, { user: admin, params: { id } }) as never
		);
		return { before: page.survey.version, result: result as { form: { message?: unknown } } };
	}

	const saved = (n: number) => ({ type: 'success', key: 'feedback.admin.saved', params: { n } });

	const versions = async (code: string) =>
		(
			await t.db
				.selectFrom('feedback_survey_version as v')
				.innerJoin('feedback_survey as s', 's.id', 'v.survey_id')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('s.code', '=', code)
				.executeTakeFirstOrThrow()
		).n;

	it('saving the form unchanged makes no new version', async () => {
		for (const code of ['thl-national', 'thl-children']) {
			const n = await versions(code);
			const { before, result } = await openAndSave(code);
			expect(result.form.message).toEqual(saved(before));
			expect(await versions(code)).toBe(n);
		}
	});

	it('changing only the name or the units makes no new version either', async () => {
		const n = await versions('thl-national');
		const { before, result } = await openAndSave('thl-national', (s) => {
			s.name_en = 'National survey (renamed)';
			s.unitIds = [units.a];
		});
		expect(result.form.message).toEqual(saved(before));
		expect(await versions('thl-national')).toBe(n);
		expect((await getSurveyByCode(t.db, 'thl-national'))!.name_en).toBe(
			'National survey (renamed)'
		);
	});

	it('changing a question text makes exactly one new version, and saving again none', async () => {
		const n = await versions('thl-national');
		const first = await openAndSave('thl-national', (s) => {
			s.draft.find((q) => q.key === 'open')!.fi = 'Mitä muuta haluat kertoa?';
		});
		expect(first.result.form.message).toEqual(saved(first.before + 1));
		const again = await openAndSave('thl-national');
		expect(again.result.form.message).toEqual(saved(first.before + 1));
		expect(await versions('thl-national')).toBe(n + 1);
	});
});
