import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { findPersonalData, scannedTables } from '../../helpers/personal-data-scan';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	confirmMembership,
	eraseMember,
	exportMember,
	joinPool,
	memberForUser,
	setPaused,
	updateProfile,
	answerByToken,
	createInvitation
} from '../../../src/lib/server/pool';
import { recordAudit } from '../../../src/lib/server/core/audit';
import { deliverEventBatch } from '../../../src/lib/server/core/events';
import { activeMember, lastLinkTo, ORIGIN, profile } from './helpers';

describe.each(BACKENDS)('pool members on %s', (backend) => {
	let t: TestDb;
	let coordinator: string;
	// A fresh database per test: no test relies on what another one stored, in any order.
	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const u = await t.db
			.insertInto('app_user')
			.values({
				email: 'coord@example.fi',
				display_name: 'Coordinator',
				email_verified_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		coordinator = u.id;
	});
	afterEach(() => t.close());

	it('joins as pending with a versioned consent, and confirms by the mailed link', async () => {
		await joinPool(t.db, ORIGIN, profile({ email: 'Join@Example.fi', modes: ['online'] }));
		const m = await t.db
			.selectFrom('pool_member')
			.selectAll()
			.where('email', '=', 'join@example.fi')
			.executeTakeFirstOrThrow();
		expect(m.status).toBe('pending');
		expect(m.modes).toEqual(['online']);
		const consents = await t.db
			.selectFrom('pool_consent')
			.selectAll()
			.where('member_id', '=', m.id)
			.execute();
		expect(consents).toHaveLength(1);
		expect(consents[0].consent_version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const token = await lastLinkTo(t.db, 'join@example.fi', '/pool/confirm');
		expect(await confirmMembership(t.db, 'wrong-token')).toBe(false);
		expect(await confirmMembership(t.db, token)).toBe(true);
		expect(await confirmMembership(t.db, token)).toBe(false); // one use only
		const after = await t.db
			.selectFrom('pool_member')
			.select(['status', 'confirmed_at'])
			.where('id', '=', m.id)
			.executeTakeFirstOrThrow();
		expect(after.status).toBe('active');
		expect(after.confirmed_at).not.toBeNull();
	});

	it('a duplicate join creates no second member and mails the owner instead', async () => {
		// A confirmed member of its own (a pending one would just get the confirmation again).
		await joinPool(t.db, ORIGIN, profile({ email: 'Join@Example.fi', modes: ['online'] }));
		expect(
			await confirmMembership(t.db, await lastLinkTo(t.db, 'join@example.fi', '/pool/confirm'))
		).toBe(true);
		const before = await t.db
			.selectFrom('mail_outbox')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow();
		await joinPool(t.db, ORIGIN, profile({ email: 'JOIN@example.fi', name: 'Someone Else' }));
		const rows = await t.db
			.selectFrom('pool_member')
			.select(['name'])
			.where(sql<string>`lower(email)`, '=', 'join@example.fi')
			.execute();
		expect(rows).toEqual([{ name: 'Testi Henkilö' }]);
		const mail = await t.db
			.selectFrom('mail_outbox')
			.selectAll()
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(mail.category).toBe('pool.mail.alreadyMember');
		const afterCount = await t.db
			.selectFrom('mail_outbox')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(afterCount.n)).toBe(Number(before.n) + 1);
	});

	it('links a confirmed membership to the account with the same e-mail, edits and pauses', async () => {
		const user = await t.db
			.insertInto('app_user')
			.values({ email: 'linked@example.fi', display_name: 'L', email_verified_at: new Date() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const id = await activeMember(t.db, { email: 'linked@example.fi' });
		const m = await memberForUser(t.db, { id: user.id, email: 'linked@example.fi' });
		expect(m?.id).toBe(id);
		await updateProfile(
			t.db,
			id,
			profile({
				email: 'linked@example.fi',
				name: 'Uusi Nimi',
				serviceLines: [1, 2],
				topics: 'odotusajat'
			})
		);
		await setPaused(t.db, id, true);
		const after = await t.db
			.selectFrom('pool_member')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(after).toMatchObject({
			name: 'Uusi Nimi',
			status: 'paused',
			topics: 'odotusajat',
			service_line_ids: [1, 2]
		});
		await setPaused(t.db, id, false);
		const data = await exportMember(t.db, id);
		expect(data?.member.email).toBe('linked@example.fi');
		expect(data?.consents).toHaveLength(1);
	});

	it('pool mails to an unconfirmed address carry no text the requester chose', async () => {
		const name = 'Voitit https://evil.example/palkinto';
		const email = 'kohde@example.fi';
		await joinPool(t.db, ORIGIN, profile({ email, name, topics: 'https://evil.example/t' }));
		// A second sign-up with the same address (still pending), then one once it is active.
		await joinPool(t.db, ORIGIN, profile({ email, name: 'Toinen https://evil.example/2' }));
		await confirmMembership(t.db, await lastLinkTo(t.db, email, '/pool/confirm'));
		await joinPool(t.db, ORIGIN, profile({ email, name: 'Kolmas https://evil.example/3' }));
		const mails = await t.db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('to_address', '=', email)
			.execute();
		expect(mails.map((m) => m.category)).toEqual([
			'pool.mail.confirm',
			'pool.mail.confirm',
			'pool.mail.alreadyMember'
		]);
		for (const m of mails)
			expect(`${m.subject}${m.text_body}${m.html_body}`).not.toMatch(
				/evil\.example|Voitit|Toinen|Kolmas/
			);
	});

	it('erasure leaves no personal field anywhere, only anonymous counts', async () => {
		const secret = {
			name: 'Erkki Poistettava',
			email: 'erkki.poistettava@example.fi',
			phone: '+358 40 987 6543',
			topics: 'salainen-aihe-xyz',
			accessibility: 'pyörätuoli-esteettömyys-qwe'
		};
		const id = await activeMember(t.db, {
			...secret,
			birthYear: 1950,
			gender: 'male',
			motherTongue: 'sv'
		});
		const inv = await createInvitation(t.db, coordinator, ORIGIN, {
			activityType: 'panel',
			title: 'Paneeli',
			messages: { fi: 'Tervetuloa' },
			replyDeadline: new Date(Date.now() + 86400000),
			memberIds: [id]
		});
		const token = await lastLinkTo(t.db, secret.email, '/pool/reply');
		expect(await answerByToken(t.db, token, 'yes')).toBe('ok');

		expect(await eraseMember(t.db, id, 'erased')).toBe(true);

		// Every column of every table, not a list that a new table would slip past.
		const tables = await scannedTables(t.db);
		expect(tables).toEqual(
			expect.arrayContaining(['pool_member', 'audit_log', 'mail_outbox', 'event_outbox'])
		);
		// Only the erasure's own event still names the member, for the handlers that erase their
		// copies; it is emptied once delivered. Earlier events keep what happened, not who.
		const needles = [...Object.values(secret), '987 6543', id];
		expect(await findPersonalData(t.db, needles)).toEqual([
			{ table: 'event_outbox', column: 'payload', needle: id }
		]);
		const answered = await t.db
			.selectFrom('event_outbox')
			.select('payload')
			.where('name', '=', 'pool.invitation_answered')
			.executeTakeFirstOrThrow();
		expect(answered.payload).toMatchObject({ memberId: null, answer: 'yes' });
		expect((await deliverEventBatch(t.db, [])).delivered).toBeGreaterThan(0);
		expect(await findPersonalData(t.db, needles)).toEqual([]);
		const left = await t.db
			.selectFrom('pool_recipient')
			.selectAll()
			.where('invitation_id', '=', inv.id)
			.execute();
		expect(left).toHaveLength(1);
		expect(left[0]).toMatchObject({ member_id: null, answer: 'yes' });
		const stat = await t.db
			.selectFrom('pool_stat')
			.selectAll()
			.where('metric', '=', 'removed_erased')
			.execute();
		expect(stat[0].count).toBe(1);
	});

	it('after a self-erasure the audit log keeps the action but names neither member nor account', async () => {
		const email = 'itse.poistaja@example.fi';
		const user = await t.db
			.insertInto('app_user')
			.values({ email, display_name: 'Itse Poistaja', email_verified_at: new Date() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const id = await activeMember(t.db, {
			email,
			name: 'Iida Itsepoistaja',
			phone: '040 555 1212'
		});
		const member = await memberForUser(t.db, { id: user.id, email });
		expect(member?.id).toBe(id);
		// A staff action on the member earlier (as e.g. a coordinator's change would log it).
		await recordAudit(t.db, {
			actorUserId: coordinator,
			action: 'pool.member_updated',
			entityType: 'pool_member',
			entityId: id,
			details: { memberId: id, fields: ['phone'] }
		});

		expect(await eraseMember(t.db, id, 'erased', user.id)).toBe(true);

		const log = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
		const text = JSON.stringify(log);
		expect(text).not.toContain(id);
		expect(text).not.toContain(user.id);
		const erased = log.filter((e) => e.action === 'pool.member_erased').at(-1)!;
		expect(erased).toMatchObject({
			actor_user_id: null,
			entity_id: null,
			entity_type: 'pool_member'
		});
		expect(erased.details).toMatchObject({ reason: 'erased', bySelf: true });
		const earlier = log.find((e) => e.action === 'pool.member_updated')!;
		expect(earlier).toMatchObject({ actor_user_id: coordinator, entity_id: null });
		// The account stays (it was not erased), but nothing of the pool membership does, once the
		// erasure's event (which names the member for its handlers) is delivered.
		await deliverEventBatch(t.db, []);
		expect(await findPersonalData(t.db, ['Iida Itsepoistaja', '555 1212', id])).toEqual([]);
	});
});
