/**
 * The audit log for people (issue 11): actions in words in fi/sv/en, objects named and linked by
 * the manifests' `auditObjects`, filters by person, action, object and Helsinki days, and the
 * spreadsheet export (BOM, semicolons, readable values) that logs itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	auditCsv,
	auditFilterSchema,
	auditPage,
	recordAudit,
	CORE_AUDIT_OBJECTS
} from '../../../src/lib/server/core/audit';
import { readCsv, csvObjects } from '../../../src/lib/server/core/csv';
import { auditObjects } from '../../../src/lib/server/modules';

describe.each(BACKENDS)('readable audit log on %s', (backend) => {
	let t: TestDb;
	let admin: string;
	let handler: string;
	const f = (v: Record<string, string> = {}) => auditFilterSchema.parse(v);

	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const mk = async (email: string, name: string) =>
			(
				await t.db
					.insertInto('app_user')
					.values({ email, display_name: name })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		admin = await mk('admin@example.test', 'Aino Admin');
		handler = await mk('handler@example.test', 'Hanna Käsittelijä');
		await recordAudit(t.db, {
			actorUserId: admin,
			action: 'role.grant',
			entityType: 'user',
			entityId: handler,
			details: { role: 'feedback_handler' }
		});
		await recordAudit(t.db, {
			actorUserId: handler,
			action: 'feedback.case.assigned',
			entityType: 'feedback_case',
			entityId: '00000000-0000-4000-8000-000000000001'
		});
		await recordAudit(t.db, {
			actorUserId: handler,
			action: 'something.new',
			entityType: 'thing',
			entityId: '7'
		});
		// One entry on 1 November (Helsinki), the others today.
		await t.db
			.updateTable('audit_log')
			.set({ created_at: new Date('2026-10-31T22:30:00Z') })
			.where('action', '=', 'role.grant')
			.execute();
	});
	afterAll(() => t.close());

	it('names actions and objects in the reader language, links objects, shows unknown codes', async () => {
		const fi = await auditPage(t.db, auditObjects, 'fi', f());
		const byAction = Object.fromEntries(fi.entries.map((e) => [e.action, e]));
		expect(byAction['role.grant'].actionLabel).toBe('Antoi roolin');
		expect(byAction['role.grant'].object).toMatchObject({
			label: 'Henkilö',
			href: `/admin/people/${handler}`
		});
		expect(byAction['feedback.case.assigned'].actionLabel).toBe(
			'Osoitti palautteen käsittelijälle'
		);
		expect(byAction['feedback.case.assigned'].object.href).toBe(
			'/staff/feedback/cases/00000000-0000-4000-8000-000000000001'
		);
		expect(byAction['something.new']).toMatchObject({
			actionLabel: 'something.new',
			object: { label: 'thing', href: null }
		});
		const sv = await auditPage(t.db, CORE_AUDIT_OBJECTS, 'sv', f());
		expect(sv.entries.find((e) => e.action === 'role.grant')?.actionLabel).toBe('Gav en roll');
		const en = await auditPage(t.db, auditObjects, 'en', f());
		expect(en.actions.map((a) => a.label)).toContain('Assigned feedback to a handler');
	});

	it('filters by person, action, object and Helsinki day', async () => {
		const ids = async (v: Record<string, string>) =>
			(await auditPage(t.db, auditObjects, 'fi', f(v))).entries.map((e) => e.action).sort();
		expect(await ids({ actor: admin })).toEqual(['role.grant']);
		expect(await ids({ action: 'feedback.case.assigned' })).toEqual(['feedback.case.assigned']);
		expect(await ids({ object: 'user', objectId: handler })).toEqual(['role.grant']);
		// 22:30 UTC on 31 October is 00:30 on 1 November in Helsinki.
		expect(await ids({ from: '2026-11-01', to: '2026-11-01' })).toEqual(['role.grant']);
		expect(await ids({ to: '2026-10-31' })).toEqual([]);
		expect(auditFilterSchema.safeParse({ from: '2026-13-01' }).success).toBe(false);
		expect(auditFilterSchema.safeParse({ actor: 'x' }).success).toBe(false);
	});

	it('exports the filtered entries for Excel, readable, and logs the export', async () => {
		const csv = await auditCsv(t.db, auditObjects, 'fi', admin, f({ actor: handler }));
		expect(csv.startsWith('\ufeffAika;Tekijä;Sähköposti;Toimenpide;')).toBe(true);
		const t2 = readCsv(csv);
		if (!t2.ok) throw new Error('unreadable');
		const rows = csvObjects(t2);
		expect(rows.map((r) => r.values['toimenpide']).sort()).toEqual([
			'Osoitti palautteen käsittelijälle',
			'something.new'
		]);
		expect(rows[0].values['tekijä']).toBe('Hanna Käsittelijä');
		expect(rows[0].values['aika']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		const logged = await t.db
			.selectFrom('audit_log')
			.select(['actor_user_id', 'details'])
			.where('action', '=', 'audit.exported')
			.execute();
		expect(logged).toEqual([{ actor_user_id: admin, details: { rows: 2 } }]);
	});
});
