import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { answerCase, runCaseDeadlines, submitCase } from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

describe.each(BACKENDS)('feedback cases on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	let handlerId: string;
	// A database per test: the lifecycle steps below each start from their own case, in any order.
	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		const mk = async (email: string) =>
			(
				await t.db
					.insertInto('app_user')
					.values({ email, display_name: 'Käsittelijä' })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		handlerId = await mk('unit-handler@example.test');
		const lineHandler = await mk('line-handler@example.test');
		const otherHandler = await mk('other-handler@example.test');
		await t.db
			.insertInto('user_role')
			.values([
				{ user_id: handlerId, role: 'feedback_handler', unit_id: units.a, service_line_id: null },
				{
					user_id: lineHandler,
					role: 'feedback_handler',
					service_line_id: units.outpatient,
					unit_id: null
				},
				{ user_id: otherHandler, role: 'feedback_handler', unit_id: units.c, service_line_id: null }
			])
			.execute();
	});
	afterEach(() => t.close());

	const mails = (category: string) =>
		t.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'text_body'])
			.where('category', '=', category)
			.orderBy('to_address')
			.execute();

	const created = new Date('2026-11-01T10:00:00Z');
	/** A complaint that asks for a reply, received on 1 November (due on the 8th). */
	const replyCase = () =>
		submitCase(
			t.db,
			'http://portal.test',
			{
				clientId: 'case-0001',
				unitId: units.a,
				kind: 'complaint',
				body: 'Soittakaa 040 123 4567',
				replyRequested: true,
				contact: { name: 'Asta Asiakas', email: 'asta@example.test' },
				locale: 'fi'
			},
			created
		);

	it('reply requested: handlers mailed at once, due in 7 days, contact kept apart, text masked', async () => {
		const r = await replyCase();
		const again = await submitCase(
			t.db,
			'http://portal.test',
			{
				clientId: 'case-0001',
				unitId: units.a,
				kind: 'complaint',
				body: 'x',
				replyRequested: true,
				locale: 'fi'
			},
			created
		);
		// A retry of the same form answers with the same case: its number and day too.
		expect(again).toEqual({ id: r.id, duplicate: true, caseNo: r.caseNo, dueDay: r.dueDay });
		const c = await t.db
			.selectFrom('feedback_case')
			.selectAll()
			.where('id', '=', r.id)
			.executeTakeFirstOrThrow();
		expect(c.status).toBe('open');
		expect(c.body).toBe('Soittakaa [puhelinnumero]');
		expect(new Date(c.due_at!).toISOString()).toBe('2026-11-08T10:00:00.000Z');
		const m = await mails('feedback.mail.newCase');
		expect(m.map((x) => x.to_address)).toEqual([
			'line-handler@example.test',
			'unit-handler@example.test'
		]);
		expect(m[0].text_body).toContain(`http://portal.test/staff/feedback/cases/${r.id}`);
		expect(m[0].text_body).not.toContain('asta@example.test');
	});

	it('reminds before the due date, escalates to the service line when late, once each', async () => {
		await replyCase();
		expect(
			await runCaseDeadlines(t.db, 'http://portal.test', new Date('2026-11-05T10:00:00Z'))
		).toMatchObject({ reminded: 0, escalated: 0 });
		expect(
			await runCaseDeadlines(t.db, 'http://portal.test', new Date('2026-11-06T11:00:00Z'))
		).toMatchObject({ reminded: 1, escalated: 0 });
		expect(
			await runCaseDeadlines(t.db, 'http://portal.test', new Date('2026-11-09T11:00:00Z'))
		).toMatchObject({ reminded: 0, escalated: 1 });
		expect(
			await runCaseDeadlines(t.db, 'http://portal.test', new Date('2026-11-10T11:00:00Z'))
		).toMatchObject({ reminded: 0, escalated: 0 });
		expect((await mails('feedback.mail.reminder')).map((x) => x.to_address)).toEqual([
			'line-handler@example.test',
			'unit-handler@example.test'
		]);
		expect((await mails('feedback.mail.escalation')).map((x) => x.to_address)).toEqual([
			'line-handler@example.test'
		]);
	});

	it('answering mails the resident, closes the case, and contact details are erased after retention', async () => {
		await replyCase();
		const c = await t.db
			.selectFrom('feedback_case')
			.select('id')
			.where('client_id', '=', 'case-0001')
			.executeTakeFirstOrThrow();
		const closedAt = new Date('2026-11-10T12:00:00Z');
		expect(await answerCase(t.db, handlerId, c.id, 'Kiitos, korjaamme asian.', closedAt)).toBe(
			'answered'
		);
		expect(await answerCase(t.db, handlerId, c.id, 'Toinen vastaus', closedAt)).toBe('not_open');
		const m = await mails('feedback.mail.answer');
		expect(m).toHaveLength(1);
		expect(m[0].to_address).toBe('asta@example.test');
		expect(m[0].text_body).toContain('Kiitos, korjaamme asian.');
		const row = await t.db
			.selectFrom('feedback_case')
			.select(['status', 'closed_at'])
			.where('id', '=', c.id)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('closed');
		const audit = await t.db
			.selectFrom('audit_log')
			.select('details')
			.where('action', '=', 'feedback.case.answered')
			.executeTakeFirstOrThrow();
		expect(JSON.stringify(audit.details)).not.toContain('asta');
		await runCaseDeadlines(t.db, 'http://portal.test', new Date('2026-11-20T12:00:00Z'));
		expect(
			await t.db
				.selectFrom('feedback_contact')
				.select('case_id')
				.where('case_id', '=', c.id)
				.execute()
		).toHaveLength(1);
		const r = await runCaseDeadlines(t.db, 'http://portal.test', new Date('2026-12-11T12:00:00Z'));
		expect(r.erased).toBe(1);
		expect(
			await t.db
				.selectFrom('feedback_contact')
				.select('case_id')
				.where('case_id', '=', c.id)
				.execute()
		).toHaveLength(0);
	});

	it('without a reply request the case is only received and nobody is mailed', async () => {
		const before = (await mails('feedback.mail.newCase')).length;
		const r = await submitCase(t.db, 'http://portal.test', {
			clientId: 'case-0002',
			unitId: units.c,
			kind: 'praise',
			body: 'Hyvää työtä',
			replyRequested: false,
			locale: 'fi'
		});
		const c = await t.db
			.selectFrom('feedback_case')
			.select(['status', 'due_at'])
			.where('id', '=', r.id)
			.executeTakeFirstOrThrow();
		expect(c).toEqual({ status: 'received', due_at: null });
		expect((await mails('feedback.mail.newCase')).length).toBe(before);
	});
});
