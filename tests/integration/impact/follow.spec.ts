/**
 * Anonymous conversation participants who leave an address (issue 12), on PGlite and PostgreSQL,
 * through the conversation page's form action: only someone who has voted may; bad addresses are
 * refused and change nothing; the address reaches the tracker only by an event emptied once
 * delivered; the mailed link (a button) makes it a recipient, and only then does a status change
 * mail them; a link is used once; an unconfirmed request is forgotten after FOLLOW_DAYS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { deliverEventBatch } from '../../../src/lib/server/core/events';
import { helsinkiDay } from '../../../src/lib/server/core/time';
import type { SessionUser } from '../../../src/lib/server/core/auth/roles';
import {
	addFinding,
	createConversation,
	createConversationSchema,
	followFormAction,
	listStatements,
	voteFormAction
} from '../../../src/lib/server/conversations';
import {
	CONTACT_HANDLERS,
	FOLLOW_DAYS,
	IMPACT_HANDLERS,
	changeStatus,
	confirmFollow,
	followRequestView,
	forgetStaleFollowRequests,
	statusSchema
} from '../../../src/lib/server/impact';
import { CookieJar, event } from '../conversations/http-event';

const ORIGIN = 'http://portal.test';
const TODAY = helsinkiDay(new Date());

describe.each(BACKENDS)('following a conversation by e-mail on %s', (backend) => {
	let t: TestDb;
	let coordinator: SessionUser;
	let moderator: string;
	let conv: string;

	const deliver = () => deliverEventBatch(t.db, [...IMPACT_HANDLERS, ...CONTACT_HANDLERS]);
	const mails = (category: string) =>
		t.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'subject', 'text_body'])
			.where('category', '=', category)
			.orderBy('id')
			.execute();
	const follow = (jar: CookieJar, email: string) =>
		followFormAction(t.db, event({ id: conv, jar, form: { email } }));
	const vote = (jar: CookieJar) =>
		voteFormAction(
			t.db,
			event({
				id: conv,
				jar,
				form: { vote: 'agree', tid: '0', clientId: `c-${Math.random().toString(36).slice(2)}` }
			})
		);
	const tokenIn = (text: string) => /\/sanoitte-teimme\/follow\/([a-z2-7]{32})/.exec(text)![1];

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const ids = [];
		for (const [key, role] of [
			['coordinator', 'impact_coordinator'],
			['moderator', 'conversation_moderator']
		] as const) {
			const row = await t.db
				.insertInto('app_user')
				.values({ email: `${key}@example.fi`, display_name: key, locale: 'fi' })
				.returning('id')
				.executeTakeFirstOrThrow();
			await t.db.insertInto('user_role').values({ user_id: row.id, role }).execute();
			ids.push(row.id);
		}
		coordinator = {
			id: ids[0],
			email: 'coordinator@example.fi',
			displayName: 'c',
			locale: 'fi',
			roles: [{ role: 'impact_coordinator', unitId: null, serviceLineId: null }]
		};
		moderator = ids[1];
		conv = await createConversation(
			t.db,
			moderator,
			createConversationSchema.parse({ topic: 'Ajanvaraus', seeds: 'Takaisinsoitto auttaisi' })
		);
	});
	afterEach(() => t.close());

	it('mails a link to a participant’s address and tells them of a move only once it is followed', async () => {
		const jar = new CookieJar();
		// Not yet a participant: refused, nothing published.
		expect(await follow(jar, 'osallistuja@example.fi')).toMatchObject({
			status: 409,
			data: { followError: 'conversations.errors.vote_first' }
		});
		expect(await vote(jar)).toEqual({ voted: true });
		// A bad address: the field's error, 400, nothing published.
		for (const bad of ['', 'ei-osoite', 'a@b'])
			expect(await follow(jar, bad)).toMatchObject({ status: 400 });
		expect(
			await t.db
				.selectFrom('event_outbox')
				.selectAll()
				.where('name', '=', 'conversations.follow_requested')
				.execute()
		).toEqual([]);

		expect(await follow(jar, 'Osallistuja@Example.fi')).toEqual({ followRequested: true });
		// Sent twice the same day: one mail.
		expect(await follow(jar, 'osallistuja@example.fi')).toEqual({ followRequested: true });
		await deliver();
		const sent = await mails('impact.mail.follow');
		expect(sent).toHaveLength(1);
		expect(sent[0].to_address).toBe('osallistuja@example.fi');
		// The locale of the page (the test event's 'en'), the topic, and the link.
		expect(sent[0].text_body).toContain('"Ajanvaraus"');
		expect(sent[0].subject).toMatch(/^Confirm/);
		// The events with the address were emptied once delivered; the conversation kept nothing.
		const left = await t.db
			.selectFrom('event_outbox')
			.select('payload')
			.where('name', '=', 'conversations.follow_requested')
			.execute();
		expect(JSON.stringify(left)).not.toContain('osallistuja');
		expect(await t.db.selectFrom('impact_recipient').selectAll().execute()).toEqual([]);

		// A finding moves before the link is followed: no notice.
		const [s] = await listStatements(t.db, conv);
		expect(await addFinding(t.db, moderator, conv, s.id, 'Enemmistö')).toBe(true);
		await deliver();
		const f = await t.db.selectFrom('impact_finding').select('id').executeTakeFirstOrThrow();
		const move = (to: string) =>
			changeStatus(
				t.db,
				coordinator,
				[f.id],
				statusSchema.parse({ status: to, effectiveOn: TODAY, explanationFi: 'Selitys' }),
				ORIGIN
			);
		expect((await move('under_consideration')).ok).toBe(true);
		expect(await mails('impact.mail.notice')).toEqual([]);

		const token = tokenIn(sent[0].text_body);
		expect(await followRequestView(t.db, token)).toEqual({ topic: 'Ajanvaraus' });
		expect(await confirmFollow(t.db, 'x'.repeat(32))).toBe(false);
		expect(await confirmFollow(t.db, token)).toBe(true);
		// Used once.
		expect(await confirmFollow(t.db, token)).toBe(false);
		expect(await followRequestView(t.db, token)).toBeNull();

		expect((await move('decided')).ok).toBe(true);
		const notices = await mails('impact.mail.notice');
		expect(notices.map((n) => n.to_address)).toEqual(['osallistuja@example.fi']);
		expect(notices[0].subject).not.toMatch(/Osallistuit/); // in the language it was left in (en)
	});

	it('forgets an address whose link was never followed after the days the mail gives', async () => {
		const jar = new CookieJar();
		await vote(jar);
		await follow(jar, 'unohtuva@example.fi');
		await deliver();
		const token = tokenIn((await mails('impact.mail.follow'))[0].text_body);
		await t.db
			.updateTable('impact_follow_request')
			.set({ created_at: sql<Date>`now() - make_interval(days => ${FOLLOW_DAYS + 1})` })
			.execute();
		expect(await followRequestView(t.db, token)).toBeNull();
		expect(await confirmFollow(t.db, token)).toBe(false);
		expect(await forgetStaleFollowRequests(t.db)).toBe(1);
		expect(await t.db.selectFrom('impact_follow_request').selectAll().execute()).toEqual([]);
		expect(await t.db.selectFrom('impact_recipient').selectAll().execute()).toEqual([]);
	});
});
