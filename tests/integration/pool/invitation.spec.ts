import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	answerByToken,
	closeInvitation,
	createInvitation,
	invitationSummary,
	invitationRepliesCsv,
	sendReminders,
	setPaused
} from '../../../src/lib/server/pool';
import { activeMember, lastLinkTo, ORIGIN } from './helpers';

describe.each(BACKENDS)('pool invitations on %s', (backend) => {
	let t: TestDb;
	let coordinator: string;
	const ids: string[] = [];
	// A fresh database per test: no test relies on what another one stored, in any order.
	beforeEach(async () => {
		t = await createTestDb(backend);
		ids.length = 0;
		await seedReferenceData(t.db);
		coordinator = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'c@example.fi', display_name: 'C' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		ids.push(
			await activeMember(t.db, { email: 'a@example.fi', municipality: '837', locale: 'sv' })
		);
		ids.push(await activeMember(t.db, { email: 'b@example.fi', municipality: '837' }));
		ids.push(await activeMember(t.db, { email: 'c@example.fi', municipality: '536' }));
		ids.push(await activeMember(t.db, { email: 'd@example.fi', municipality: '837' }));
		await setPaused(t.db, ids[3], true);
	});
	afterEach(() => t.close());

	it('invites active members matching the filter, each in their own language, and audits it', async () => {
		const inv = await createInvitation(t.db, coordinator, ORIGIN, {
			activityType: 'council',
			activityId: '12',
			title: 'Raati',
			messages: { fi: 'Suomeksi', sv: 'På svenska' },
			replyDeadline: new Date(Date.now() + 86400000),
			maxAccepted: 1,
			filters: { municipality: ['837'] }
		});
		expect(inv.recipients).toBe(2); // the paused member is left out
		const mails = await t.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'text_body'])
			.where('category', '=', 'pool.mail.invitation')
			.execute();
		expect(mails.find((m) => m.to_address === 'a@example.fi')?.text_body).toContain('På svenska');
		expect(mails.find((m) => m.to_address === 'b@example.fi')?.text_body).toContain('Suomeksi');
		const audit = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'pool.invitation_created')
			.execute();
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit[0].details)).not.toContain('@');

		// Answers: the maximum accepted holds; each accepted answer writes its event.
		const ta = await lastLinkTo(t.db, 'a@example.fi', '/pool/reply');
		const tb = await lastLinkTo(t.db, 'b@example.fi', '/pool/reply');
		expect(await answerByToken(t.db, 'nonsense', 'yes')).toBe('invalid');
		expect(await answerByToken(t.db, ta, 'yes', '  Gluteeniton  ')).toBe('ok');
		expect(await answerByToken(t.db, tb, 'yes')).toBe('full');
		// Needs are kept with a "yes" only.
		expect(await answerByToken(t.db, tb, 'maybe', 'Laktoositon')).toBe('ok');
		const events = await t.db
			.selectFrom('event_outbox')
			.select(['name', 'payload'])
			.where('name', 'like', 'pool.invitation_%')
			.orderBy('id')
			.execute();
		expect(events.map((e) => [e.name, e.payload.answer ?? null])).toEqual([
			['pool.invitation_created', null],
			['pool.invitation_answered', 'yes'],
			['pool.invitation_answered', 'maybe']
		]);
		expect(events[1].payload).toMatchObject({ invitationId: inv.id, activityType: 'council' });

		const s = await invitationSummary(t.db, inv.id);
		expect(s?.counts).toEqual({ yes: 1, no: 0, maybe: 1, none: 0 });
		// The organiser's list: filtered by answer, with names and contact details.
		const yes = await invitationSummary(t.db, inv.id, 'yes');
		expect(yes?.replies.map((r) => [r.email, r.answer, r.municipality_fi, r.reply_needs])).toEqual([
			['a@example.fi', 'yes', 'Tampere', 'Gluteeniton']
		]);
		const all = await invitationSummary(t.db, inv.id);
		expect(all?.replies.find((r) => r.email === 'b@example.fi')?.reply_needs).toBe('');
		const yesCsv = await invitationRepliesCsv(t.db, coordinator, inv.id, 'fi', 'yes');
		expect(yesCsv.split('\r\n')[0]).toMatch(/;Tarpeet tähän tilaisuuteen$/);
		expect(yesCsv.split('\r\n')[1]).toMatch(/;Gluteeniton$/);
		// The export opens in Excel: semicolons, municipality names in the reader's language.
		const csv = await invitationRepliesCsv(t.db, coordinator, inv.id, 'sv', 'maybe');
		const [head, row, end] = csv.split('\r\n');
		expect(head).toBe(
			'\ufeffNamn;E-post;Telefon;Kommun;Svar;Besvarad;Behov av hjälp och tillgänglighet (t.ex. tolk);Behov vid detta tillfälle'
		);
		expect(row).toMatch(
			/^[^;]+;b@example\.fi;[^;]*;Tammerfors;Kanske;\d{4}-\d{2}-\d{2} \d{2}:\d{2};/
		);
		expect(end).toBe('');
		expect(
			await t.db
				.selectFrom('audit_log')
				.select('entity_id')
				.where('action', '=', 'pool.replies_exported')
				.execute()
		).toEqual([{ entity_id: String(inv.id) }, { entity_id: String(inv.id) }]);
	});

	it('reminds only those without an answer with a new link; the old link stops working; closing ends answers', async () => {
		const inv = await createInvitation(t.db, coordinator, ORIGIN, {
			activityType: 'survey',
			title: 'Kysely',
			messages: { fi: 'Vastaa' },
			replyDeadline: new Date(Date.now() + 86400000),
			memberIds: [ids[0], ids[2], ids[3]]
		});
		expect(inv.recipients).toBe(2); // hand-picked, still only active members
		const old = await lastLinkTo(t.db, 'c@example.fi', '/pool/reply');
		expect(
			await answerByToken(t.db, await lastLinkTo(t.db, 'a@example.fi', '/pool/reply'), 'no')
		).toBe('ok');
		expect(await sendReminders(t.db, coordinator, ORIGIN, inv.id)).toBe(1);
		const fresh = await lastLinkTo(t.db, 'c@example.fi', '/pool/reply');
		expect(fresh).not.toBe(old);
		expect(await answerByToken(t.db, old, 'yes')).toBe('invalid');
		await closeInvitation(t.db, coordinator, inv.id);
		expect(await answerByToken(t.db, fresh, 'yes')).toBe('closed');
		expect(await sendReminders(t.db, coordinator, ORIGIN, inv.id)).toBe(0);
	});

	it('refuses answers after the deadline', async () => {
		const inv = await createInvitation(t.db, coordinator, ORIGIN, {
			activityType: 'workshop',
			title: 'Työpaja',
			messages: { fi: 'x' },
			replyDeadline: new Date(Date.now() - 1000),
			memberIds: [ids[1]]
		});
		expect(inv.recipients).toBe(1);
		expect(
			await answerByToken(t.db, await lastLinkTo(t.db, 'b@example.fi', '/pool/reply'), 'yes')
		).toBe('closed');
	});
});
