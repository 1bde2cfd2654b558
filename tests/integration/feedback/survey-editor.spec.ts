/**
 * The admin's question editor (issue 11) through the edit page's own load and action, posted as
 * the browser posts the form: editing steps answer with the unsaved draft and write nothing, a
 * locked national item is refused with a 400 whatever the request says, bad questions are named
 * at their fields, and a save writes one new version that the public form then shows.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { formEvent, grant, loadEvent, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	createSurvey,
	getSurveyByCode,
	loadPublicSurvey,
	type DraftQuestion,
	type SurveyEditOutcome
} from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';
import { pageFields, type EditPage } from './editor-fields';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));

const { load, actions } = await import('../../../src/routes/admin/feedback/[id=int]/+page.server');

interface Answer {
	status?: number;
	data?: { editor: SurveyEditOutcome; form: { message?: unknown } };
	editor?: SurveyEditOutcome;
	form?: { message?: unknown };
}

describe.each(BACKENDS)('the survey question editor on %s', (backend) => {
	let t: TestDb;
	let admin: ReturnType<typeof user>;
	let units: Record<string, number>;
	beforeEach(async () => {
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
	afterEach(() => t.close());

	async function open(code: string) {
		const id = String((await getSurveyByCode(t.db, code))!.id);
		const page = (await load(
			loadEvent(`/admin/feedback/${id}`, { user: admin, params: { id } }) as never
		)) as EditPage;
		return structuredClone(page.survey);
	}

	/** Presses a button of the form: the status and the editor's answer (ok or refused). */
	async function press(
		s: EditPage['survey'],
		op: string,
		extra: [string, string][] = [],
		fields = pageFields(s, op, extra)
	) {
		const id = String(s.id);
		const r = (await actions.default(
			formEvent(`/admin/feedback/${id}`, fields, { user: admin, params: { id } }) as never
		)) as Answer;
		const status = r.status ?? 200;
		const editor = (r.data?.editor ?? r.editor)!;
		const form = (r.data?.form ?? r.form)!;
		return { status, editor, form };
	}

	/** The draft an answer carries, as the next page render posts it back. */
	const next = (s: EditPage['survey'], editor: SurveyEditOutcome) => ({
		...s,
		draft: structuredClone(editor.draft) as DraftQuestion[]
	});

	const snapshot = async (code: string) => {
		const s = (await getSurveyByCode(t.db, code))!;
		const versions = await t.db
			.selectFrom('feedback_survey_version')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('survey_id', '=', s.id)
			.executeTakeFirstOrThrow();
		return { version: s.version, versions: Number(versions.n), questions: s.questions };
	};

	it('the national items are locked, the open question is not', async () => {
		const s = await open('thl-national');
		expect(s.draft.map((q) => [q.key, q.locked])).toEqual([
			['nps', true],
			['s1', true],
			['s2', true],
			['s3', true],
			['s4', true],
			['s5', true],
			['s6', true],
			['open', false]
		]);
	});

	it('add, move and remove answer with the edited draft and save nothing', async () => {
		const before = await snapshot('thl-national');
		let s = await open('thl-national');
		const added = await press(s, 'add', [['newType', 'choice']]);
		expect(added.status).toBe(200);
		expect(added.editor.unsaved).toBe(true);
		const q = added.editor.draft[8];
		expect(q).toMatchObject({ type: 'choice', locked: false, key: 'q9' });
		// A new choice question comes with two empty option rows to fill.
		expect(q.options).toHaveLength(2);
		s = next(s, added.editor);

		// Typed texts survive the next step; moving up swaps with the open question.
		Object.assign(s.draft[8], { fi: 'Ruoka?', sv: 'Mat?', en: 'Food?' });
		const up = await press(s, 'up:8');
		expect(up.status).toBe(200);
		expect(up.editor.draft.map((d) => d.key).slice(6)).toEqual(['s6', 'q9', 'open']);
		expect(up.editor.draft[7]).toMatchObject({ fi: 'Ruoka?', sv: 'Mat?', en: 'Food?' });
		s = next(s, up.editor);

		const down = await press(s, 'down:7');
		expect(down.editor.draft.map((d) => d.key).slice(6)).toEqual(['s6', 'open', 'q9']);
		s = next(s, down.editor);

		const more = await press(s, 'addopt:8');
		expect(more.editor.draft[8].options).toHaveLength(3);
		s = next(s, more.editor);
		const fewer = await press(s, 'rmopt:8:0');
		expect(fewer.editor.draft[8].options).toHaveLength(2);
		s = next(s, fewer.editor);

		const removed = await press(s, 'remove:7');
		expect(removed.status).toBe(200);
		expect(removed.editor.draft.map((d) => d.key)).toEqual([
			'nps',
			's1',
			's2',
			's3',
			's4',
			's5',
			's6',
			'q9'
		]);
		expect(await snapshot('thl-national')).toEqual(before);
	});

	it('a step on a locked item is refused with a 400 that names it', async () => {
		const before = await snapshot('thl-national');
		const s = await open('thl-national');
		for (const op of ['remove:0', 'up:3', 'down:1', 'up:7']) {
			const r = await press(s, op);
			expect(r.status, op).toBe(400);
			expect(r.editor.status === 400 && r.editor.errors.questions).toBe(
				'feedback.admin.editor.errors.locked'
			);
		}
		const r = await press(s, 'remove:0');
		expect(r.editor.status === 400 && r.editor.params).toEqual({ key: 'nps' });
		// A step on a question that is not there is refused too.
		expect((await press(s, 'remove:30')).status).toBe(400);
		expect(await snapshot('thl-national')).toEqual(before);
	});

	it('a forged save that edits, drops or reorders a national item is refused and changes nothing', async () => {
		const before = await snapshot('thl-national');
		const forgeries: ((d: DraftQuestion[]) => DraftQuestion[])[] = [
			(d) => d.map((q) => (q.key === 's1' ? { ...q, fi: 'Kaikki oli hienoa.' } : q)),
			(d) => d.map((q) => (q.key === 'nps' ? { ...q, required: false } : q)),
			(d) => d.map((q) => (q.key === 's2' ? { ...q, slot: '5' } : q)),
			(d) => d.filter((q) => q.key !== 's3'),
			(d) => [d[0], d[2], d[1], ...d.slice(3)],
			// The page's locked flag is not trusted: it is the server's.
			(d) => d.map((q) => (q.key === 's4' ? { ...q, locked: false, en: 'Changed' } : q))
		];
		for (const [n, forge] of forgeries.entries()) {
			const s = await open('thl-national');
			s.draft = forge(s.draft);
			const r = await press(s, 'save');
			expect(r.status, `forgery ${n}`).toBe(400);
			expect(r.editor.status === 400 && r.editor.errors.questions).toBe(
				'feedback.admin.editor.errors.locked'
			);
			expect(r.form.message).toMatchObject({ type: 'error' });
		}
		expect(await snapshot('thl-national')).toEqual(before);
	});

	it('bad questions are named at their fields with a 400, and nothing is saved', async () => {
		const before = await snapshot('thl-national');
		let s = await open('thl-national');
		s = next(s, (await press(s, 'add', [['newType', 'choice']])).editor);
		s = next(s, (await press(s, 'add', [['newType', 'statement']])).editor);
		s = next(s, (await press(s, 'add', [['newType', 'scale']])).editor);
		// A choice without options or Finnish text, a taken key, a taken slot, a scale of 11.
		Object.assign(s.draft[8], { key: 'open', sv: 'Mat?' });
		Object.assign(s.draft[9], { fi: 'Väite', slot: '2' });
		Object.assign(s.draft[10], { fi: 'Asteikko', max: '11' });
		const r = await press(s, 'save');
		expect(r.status).toBe(400);
		expect(r.editor.status === 400 && r.editor.errors).toEqual({
			'q.8.key': 'feedback.admin.editor.errors.keyTaken',
			'q.8.fi': 'feedback.admin.editor.errors.textFi',
			'q.8.options': 'feedback.admin.editor.errors.options',
			'q.9.slot': 'feedback.admin.editor.errors.slotTaken',
			'q.10.max': 'feedback.admin.editor.errors.max'
		});
		// The draft comes back as typed, so the admin fixes it in place.
		expect(r.editor.draft[8]).toMatchObject({ key: 'open', sv: 'Mat?' });

		// Options with a bad or repeated value, an option without Finnish text, a bad key.
		Object.assign(s.draft[8], {
			key: 'Ruoka!',
			fi: 'Ruoka?',
			options: [
				{ value: 'hyvä', fi: 'Hyvä', sv: '', en: '' },
				{ value: 'ok', fi: '', sv: 'Ok', en: '' },
				{ value: 'ok', fi: 'Ok', sv: '', en: '' }
			]
		});
		const r2 = await press(s, 'save');
		expect(r2.status).toBe(400);
		expect(r2.editor.status === 400 && r2.editor.errors).toMatchObject({
			'q.8.key': 'feedback.admin.editor.errors.key',
			'q.8.o.0.value': 'feedback.admin.editor.errors.optionValue',
			'q.8.o.1.fi': 'feedback.admin.editor.errors.textFi',
			'q.8.o.2.value': 'feedback.admin.editor.errors.optionValueTaken'
		});
		// A type the editor does not offer (a second NPS question) is refused at its field.
		s.draft = s.draft.slice(0, 8);
		s.draft.push({ ...s.draft[7], key: 'nps2', type: 'nps', locked: false });
		const r3 = await press(s, 'save');
		expect(r3.editor.status === 400 && r3.editor.errors['q.8.type']).toBe(
			'feedback.admin.editor.errors.type'
		);
		expect(await snapshot('thl-national')).toEqual(before);
	});

	it('a preview renders the unsaved draft in the chosen language and saves nothing', async () => {
		const before = await snapshot('thl-national');
		let s = await open('thl-national');
		s = next(s, (await press(s, 'add', [['newType', 'choice']])).editor);
		Object.assign(s.draft[8], {
			fi: 'Millainen ruoka oli?',
			sv: 'Hur var maten?',
			en: '',
			options: [
				{ value: 'good', fi: 'Hyvä', sv: 'Bra', en: 'Good' },
				{ value: '', fi: '', sv: '', en: '' }
			]
		});
		const sv = await press(s, 'preview', [['previewLang', 'sv']]);
		expect(sv.status).toBe(200);
		const pv = sv.editor.status === 200 ? sv.editor.preview : undefined;
		expect(pv?.lang).toBe('sv');
		expect(pv?.questions[0].text).toContain('rekommendera');
		expect(pv?.questions[8]).toEqual({
			key: 'q9',
			type: 'choice',
			text: 'Hur var maten?',
			required: false,
			max: undefined,
			options: [{ value: 'good', text: 'Bra' }]
		});
		// The form's own words come in the preview's language too.
		expect(pv?.labels['feedback.agree.dk']).toBe('Kan inte säga');
		// English left empty shows the Finnish text, as the public form does.
		const en = await press(s, 'preview', [['previewLang', 'en']]);
		expect(en.editor.status === 200 && en.editor.preview?.questions[8].text).toBe(
			'Millainen ruoka oli?'
		);
		// A draft with problems is not previewed: its problems are shown.
		s.draft[8].fi = '';
		const bad = await press(s, 'preview', [['previewLang', 'fi']]);
		expect(bad.status).toBe(400);
		expect(await snapshot('thl-national')).toEqual(before);
	});

	it('a save writes one new version that the public form shows', async () => {
		const before = await snapshot('thl-national');
		let s = await open('thl-national');
		s = next(s, (await press(s, 'add', [['newType', 'choice']])).editor);
		Object.assign(s.draft[8], {
			key: 'food',
			fi: 'Millainen ruoka oli?',
			sv: 'Hur var maten?',
			en: 'How was the food?',
			required: true,
			options: [
				{ value: 'good', fi: 'Hyvä', sv: 'Bra', en: 'Good' },
				{ value: 'bad', fi: 'Huono', sv: 'Dålig', en: 'Bad' }
			]
		});
		s = next(s, (await press(s, 'up:8')).editor);
		s = next(s, (await press(s, 'remove:8')).editor); // the open question
		const r = await press(s, 'save');
		expect(r.status).toBe(200);
		expect(r.form.message).toEqual({
			type: 'success',
			key: 'feedback.admin.saved',
			params: { n: before.version + 1 }
		});
		expect(r.editor.unsaved).toBe(false);
		const after = await snapshot('thl-national');
		expect(after.versions).toBe(before.versions + 1);
		expect(after.questions.slice(0, 7)).toEqual(before.questions.slice(0, 7));
		expect(after.questions.map((q) => q.key)).toEqual([
			'nps',
			's1',
			's2',
			's3',
			's4',
			's5',
			's6',
			'food'
		]);
		const pub = await loadPublicSurvey(t.db, 'fx-a', null, 'en');
		expect(pub.questions.at(-1)).toMatchObject({
			key: 'food',
			type: 'choice',
			text: 'How was the food?',
			required: true,
			options: [
				{ value: 'good', text: 'Good' },
				{ value: 'bad', text: 'Bad' }
			]
		});
		// Saving the saved state again makes no further version.
		const again = await press(next(s, r.editor), 'save');
		expect(again.status).toBe(200);
		expect((await snapshot('thl-national')).versions).toBe(after.versions);
	});

	it('in a targeted survey only the recommendation question is locked', async () => {
		await createSurvey(t.db, admin.id, {
			code: 'ruoka',
			name_fi: 'Ruoka',
			name_sv: 'Mat',
			name_en: 'Food',
			questions: [
				{
					key: 'nps',
					type: 'nps',
					required: true,
					text: { fi: 'Suosittelisitko?', sv: '', en: '' }
				},
				{ key: 'st', type: 'statement', slot: 1, text: { fi: 'Väite', sv: '', en: '' } },
				{ key: 'x', type: 'text', text: { fi: 'Muuta?', sv: '', en: '' } }
			]
		});
		let s = await open('ruoka');
		expect(s.draft.map((q) => q.locked)).toEqual([true, false, false]);
		expect((await press(s, 'up:1')).status).toBe(400);
		s = next(s, (await press(s, 'down:1')).editor);
		expect(s.draft.map((q) => q.key)).toEqual(['nps', 'x', 'st']);
		s.draft[2].fi = 'Uusi väite';
		expect((await press(s, 'save')).status).toBe(200);
		expect((await getSurveyByCode(t.db, 'ruoka'))!.questions[2].text.fi).toBe('Uusi väite');
		// Not even a targeted survey's NPS question may be changed.
		s = await open('ruoka');
		s.draft[0].fi = 'Toinen kysymys';
		expect((await press(s, 'save')).status).toBe(400);
		void units;
	});
});
