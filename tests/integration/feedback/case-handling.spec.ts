/**
 * Case handling (issue 11): the resident's receipt in their language with the case number, the
 * answer mail quoting the feedback, assignment only to a handler of the unit, staff notes, a
 * phone reply that closes without mail, the list filters, and the open-case count for the home.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	addCaseNote,
	answerCase,
	assignCase,
	countOpenCases,
	listCaseNotes,
	listCases,
	recordPhoneReply,
	submitCase,
	caseFilterSchema
} from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';
import type { SessionUser } from '../../../src/lib/server/core/auth/roles';

describe.each(BACKENDS)('feedback case handling on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	let handler: string;
	let colleague: string;
	let outsider: string;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		const mk = async (email: string, name: string) =>
			(
				await t.db
					.insertInto('app_user')
					.values({ email, display_name: name })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		handler = await mk('handler@example.test', 'Hanna Käsittelijä');
		colleague = await mk('colleague@example.test', 'Kalle Kollega');
		outsider = await mk('outsider@example.test', 'Olli Ulkopuolinen');
		await t.db
			.insertInto('user_role')
			.values([
				{ user_id: handler, role: 'feedback_handler', unit_id: units.a, service_line_id: null },
				{ user_id: colleague, role: 'feedback_handler', unit_id: units.a, service_line_id: null },
				{ user_id: outsider, role: 'feedback_handler', unit_id: units.c, service_line_id: null }
			])
			.execute();
		const submit = (clientId: string, unitId: number, extra: object) =>
			submitCase(t.db, 'http://portal.test', {
				clientId,
				unitId,
				kind: 'complaint',
				body: 'Jonotin tunnin.\nKukaan ei kertonut syytä.',
				replyRequested: true,
				locale: 'fi',
				...extra
			});
		ids.sv = (
			await submit('case-sv-0001', units.a, {
				locale: 'sv',
				contact: { email: 'sara@example.test' }
			})
		).id;
		ids.phone = (
			await submit('case-ph-0001', units.a, { kind: 'idea', contact: { phone: '040 111 2222' } })
		).id;
		ids.c = (await submit('case-c-0001', units.c, { contact: { email: 'c@example.test' } })).id;
	});
	afterAll(() => t.close());

	const mail = (category: string, to: string) =>
		t.db
			.selectFrom('mail_outbox')
			.select(['subject', 'text_body'])
			.where('category', '=', category)
			.where('to_address', '=', to)
			.execute();

	it('mails the sender a receipt in their language with the case number, and only with an address', async () => {
		const [r] = await mail('feedback.mail.receipt', 'sara@example.test');
		const no = (
			await t.db
				.selectFrom('feedback_case')
				.select('case_no')
				.where('id', '=', ids.sv)
				.executeTakeFirstOrThrow()
		).case_no;
		expect(r.subject).toBe(`Din respons har tagits emot (P-${no})`);
		expect(r.text_body).toContain('Enhet A');
		expect(r.text_body).toContain('> Jonotin tunnin.\n> Kukaan ei kertonut syytä.');
		const all = await t.db
			.selectFrom('mail_outbox')
			.select('to_address')
			.where('category', '=', 'feedback.mail.receipt')
			.execute();
		expect(all.map((m) => m.to_address).sort()).toEqual(['c@example.test', 'sara@example.test']);
	});

	it('assigns only to a handler of the unit, and the filter finds the assigned case', async () => {
		expect(await assignCase(t.db, handler, ids.sv, outsider)).toBe('not_handler');
		expect(await assignCase(t.db, handler, ids.sv, colleague)).toBe('assigned');
		const f = caseFilterSchema.parse({ assignee: colleague });
		expect((await listCases(t.db, [units.a, units.c], f)).map((c) => c.id)).toEqual([ids.sv]);
		const none = caseFilterSchema.parse({ assignee: 'none' });
		expect((await listCases(t.db, [units.a, units.c], none)).map((c) => c.id).sort()).toEqual(
			[ids.phone, ids.c].sort()
		);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['actor_user_id', 'entity_id'])
			.where('action', '=', 'feedback.case.assigned')
			.execute();
		expect(audit).toEqual([{ actor_user_id: handler, entity_id: ids.sv }]);
	});

	it('filters by unit, kind, status and day; a bad day or kind is refused', async () => {
		const q = (v: Record<string, string>) =>
			listCases(t.db, [units.a, units.c], caseFilterSchema.parse(v)).then((r) =>
				r.map((c) => c.id).sort()
			);
		expect(await q({ unit: String(units.c) })).toEqual([ids.c]);
		expect(await q({ kind: 'idea' })).toEqual([ids.phone]);
		expect(await q({ status: 'closed' })).toEqual([]);
		expect(await q({ from: '2000-01-01', to: '2000-01-31' })).toEqual([]);
		expect((await q({ from: '2000-01-01' })).length).toBe(3);
		expect(caseFilterSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
		expect(caseFilterSchema.safeParse({ kind: 'spam' }).success).toBe(false);
	});

	it('keeps staff notes (masked) and records a phone reply that closes without mail', async () => {
		expect(
			await addCaseNote(t.db, handler, ids.phone, 'Soitan huomenna numeroon 040 111 2222')
		).toBe('added');
		const notes = await listCaseNotes(t.db, ids.phone);
		expect(notes.map((n) => [n.author, n.body])).toEqual([
			['Hanna Käsittelijä', 'Soitan huomenna numeroon [puhelinnumero]']
		]);
		expect(await recordPhoneReply(t.db, handler, ids.phone, 'Kerroin jonotilanteesta.')).toBe(
			'recorded'
		);
		expect(await recordPhoneReply(t.db, handler, ids.phone, 'Toinen')).toBe('not_open');
		const c = await t.db
			.selectFrom('feedback_case')
			.select(['status', 'answer_channel', 'answer'])
			.where('id', '=', ids.phone)
			.executeTakeFirstOrThrow();
		expect(c).toEqual({
			status: 'closed',
			answer_channel: 'phone',
			answer: 'Kerroin jonotilanteesta.'
		});
		expect(
			await t.db
				.selectFrom('mail_outbox')
				.select('id')
				.where('category', '=', 'feedback.mail.answer')
				.execute()
		).toHaveLength(0);
	});

	it('the answer mail quotes the feedback and names the case', async () => {
		expect(await answerCase(t.db, colleague, ids.sv, 'Vi beklagar väntan.')).toBe('answered');
		const [m] = await mail('feedback.mail.answer', 'sara@example.test');
		expect(m.subject).toMatch(/^Svar på din respons \(P-\d+\)$/);
		expect(m.text_body).toContain('Vi beklagar väntan.');
		expect(m.text_body).toContain('> Jonotin tunnin.');
		// One signature, from the template.
		const sig = m.text_body.trim().split('\n').pop()!;
		expect(m.text_body.split(sig).length - 1).toBe(1);
	});

	it('counts open cases in the units a handler covers, and those assigned to them', async () => {
		const as = (id: string, unitId: number): SessionUser => ({
			id,
			email: 'x@example.test',
			displayName: 'x',
			locale: 'fi',
			roles: [{ role: 'feedback_handler', unitId, serviceLineId: null }]
		});
		await assignCase(t.db, outsider, ids.c, outsider);
		expect(await countOpenCases(t.db, as(handler, units.a))).toEqual({ open: 0, mine: 0 });
		expect(await countOpenCases(t.db, as(outsider, units.c))).toEqual({ open: 1, mine: 1 });
	});
});
