import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	createStaffAccount,
	grantRole,
	listPeople,
	revokeRole,
	setDisabled
} from '../../../src/lib/server/core/auth/people.service';
import { listAudit } from '../../../src/lib/server/core/audit';
import { loadRoles } from '../../../src/lib/server/core/auth/session';

describe.each(BACKENDS)('people and audit on %s', (backend) => {
	let t: TestDb;
	let adminId: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const admin = await t.db
			.insertInto('app_user')
			.values({ email: 'admin@example.com', display_name: 'Admin' })
			.returning('id')
			.executeTakeFirstOrThrow();
		adminId = admin.id;
	});
	afterAll(() => t.close());

	it('creates a staff account with a set-password mail, grants and revokes scoped roles, all audited', async () => {
		const created = await createStaffAccount(t.db, adminId, 'http://portal.test', {
			email: 'Hoitaja@Example.com',
			displayName: 'Hoitaja',
			locale: 'fi',
			roles: ['staff', 'feedback_handler']
		});
		if (!created.ok) throw new Error('not created');
		expect(
			await createStaffAccount(t.db, adminId, 'http://portal.test', {
				email: 'hoitaja@example.com',
				displayName: 'Toinen',
				locale: 'fi',
				roles: ['staff']
			})
		).toEqual({ ok: false, error: 'email_taken' });

		const mail = await t.db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('category', '=', 'staff_invite')
			.executeTakeFirstOrThrow();
		expect(mail.text_body).toMatch(/http:\/\/portal\.test\/auth\/reset\/[a-z0-9]+/);

		const line = await t.db
			.selectFrom('service_line')
			.select('id')
			.where('code', '=', 'outpatient')
			.executeTakeFirstOrThrow();
		await grantRole(t.db, adminId, {
			userId: created.userId,
			role: 'conversation_moderator',
			serviceLineId: line.id,
			unitId: null
		});
		// Granting the same role twice changes nothing and logs nothing.
		await grantRole(t.db, adminId, {
			userId: created.userId,
			role: 'conversation_moderator',
			serviceLineId: line.id,
			unitId: null
		});
		const roles = await loadRoles(t.db, created.userId);
		expect(roles).toContainEqual({
			role: 'conversation_moderator',
			serviceLineId: line.id,
			unitId: null
		});
		expect(roles).toHaveLength(3);

		const [person] = await listPeople(t.db, { search: 'hoitaja' });
		const mod = person.roles.find((r) => r.role === 'conversation_moderator')!;
		expect(await revokeRole(t.db, adminId, mod.id)).toBe(true);
		expect(await revokeRole(t.db, adminId, mod.id)).toBe(false);
		await setDisabled(t.db, adminId, created.userId, true);

		const log = await listAudit(t.db);
		expect(log.map((e) => e.action)).toEqual([
			'user.disable',
			'role.revoke',
			'role.grant',
			'user.create_staff'
		]);
		expect(log.every((e) => e.actor_name === 'Admin')).toBe(true);
		// No personal data in audit details.
		expect(JSON.stringify(log.map((e) => e.details))).not.toMatch(/hoitaja|@/i);
	});

	it('filters people by role and escapes LIKE wildcards in search', async () => {
		expect(
			(await listPeople(t.db, { role: 'feedback_handler' })).map((p) => p.displayName)
		).toEqual(['Hoitaja']);
		expect(await listPeople(t.db, { search: '%' })).toEqual([]);
	});
});
