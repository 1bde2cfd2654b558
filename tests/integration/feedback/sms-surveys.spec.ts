/**
 * SMS surveys after a visit, through the HTTP edges: the visit API (token per source, hashed;
 * idempotent; all-or-nothing with errors naming index/row and field; rate limited), the sending
 * job against a fake gateway on loopback (real HTTP), the exclusion rules, text replies turned
 * into a counted response, STOP ending later surveys, a gateway that is down keeping messages
 * queued and sending none twice, and no phone number left in the database after sending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { findPersonalData } from '../../helpers/personal-data-scan';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { resetRateLimits } from '../../../src/lib/server/core/rate-limit';
import {
	createVisitSource,
	handleSmsReply,
	handleVisitIntake,
	httpGateway,
	recordVisitsCsv,
	runSmsSending,
	sendAfter,
	smsOverview,
	startFakeGateway,
	type FakeGateway
} from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(BACKENDS)('SMS surveys after a visit on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	let gw: FakeGateway;
	let token: string;
	let sourceId: number;
	let admin: string;
	// Visits three days ago (Helsinki afternoon); the job runs at 13:00 the next day.
	const visitedAt = new Date(Date.now() - 3 * DAY);
	const jobNow = new Date(sendAfter(visitedAt).getTime() + HOUR);

	beforeAll(async () => {
		process.env.FEEDBACK_SMS_TOKEN = 'test-sms-token';
		process.env.FEEDBACK_PHONE_HASH_KEY = 'test-phone-key';
		process.env.FEEDBACK_SMS_REPEAT_DAYS = '90';
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		admin = (
			await t.db
				.insertInto('app_user')
				.values({
					email: `sms-admin-${backend}@example.test`,
					display_name: 'Admin',
					password_hash: null
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const src = await createVisitSource(t.db, admin, { code: 'pt-test', name: 'Potilastieto' });
		if (!src.ok) throw new Error('source');
		token = src.token;
		sourceId = src.id;
		gw = await startFakeGateway();
	});
	afterAll(async () => {
		await gw.close();
		await t.close();
	});

	const post = (body: unknown, auth = token, type = 'application/json') =>
		new Request('http://x/api/feedback/visits', {
			method: 'POST',
			headers: { 'content-type': type, authorization: `Bearer ${auth}` },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	const visit = (id: string, phone: string, extra: Record<string, unknown> = {}) => ({
		id,
		unit: 'fx-a',
		visitedAt: visitedAt.toISOString(),
		phone,
		language: 'fi',
		ageBand: '45-64',
		...extra
	});
	const visitCount = async () =>
		(
			await t.db
				.selectFrom('feedback_visit')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n;
	const reply = (reference: string, messageId: string, text: string) =>
		handleSmsReply(
			t.db,
			new Request('http://x/api/feedback/sms/replies', {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: 'Bearer test-sms-token' },
				body: JSON.stringify({ messageId, reference, text })
			}),
			'fi',
			httpGateway(gw.url, gw.token)
		);
	const visitRow = (externalId: string) =>
		t.db
			.selectFrom('feedback_visit')
			.selectAll()
			.where('external_id', '=', externalId)
			.executeTakeFirstOrThrow();

	it('API: refuses a wrong token; stores with the right one; a resend is a duplicate', async () => {
		const wrong = await handleVisitIntake(t.db, post(visit('v-1', '040 111 0001'), 'nope'));
		expect(wrong.status).toBe(401);
		expect(await visitCount()).toBe(0);
		const token_hash = await t.db
			.selectFrom('feedback_visit_source')
			.select('token_hash')
			.where('id', '=', sourceId)
			.executeTakeFirstOrThrow();
		expect(token_hash.token_hash).not.toBe(token);
		const ok = await handleVisitIntake(
			t.db,
			post({
				visits: [
					visit('v-1', '040 111 0001'),
					visit('v-2', '+358401110002', { language: 'sv' }),
					visit('v-3', '0401110003', { nonDisclosure: true }),
					visit('v-4', '0401110004', { ageBand: '0-17' }),
					visit('v-5', '0401110005', { ageBand: '0-17', minorConsent: true, language: 'ru' }),
					visit('v-6', '0401110006', { sharedNumber: true }),
					visit('v-7', '0401110007', { followUp: true }),
					visit('v-8', '0401110008', { form: 'link' }),
					visit('v-9', '0401110009')
				]
			})
		);
		expect(ok.status).toBe(201);
		expect(await ok.json()).toMatchObject({ stored: 9, duplicates: 0, excluded: 4 });
		const again = await handleVisitIntake(t.db, post(visit('v-1', '040 111 0001')));
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1 });
		// Excluded on arrival: their numbers were never kept.
		expect((await visitRow('v-3')).phone).toBeNull();
		expect((await visitRow('v-1')).phone).toBe('+358401110001');
		expect((await visitRow('v-5')).locale).toBe('en');
	});

	it('API: bad input is refused naming the item and field, and nothing is stored', async () => {
		const before = await visitCount();
		const res = await handleVisitIntake(
			t.db,
			post({
				visits: [
					visit('bad-1', '040 111 0101'),
					visit('bad-2', '040 111 0102', { unit: 'no-such-unit' }),
					visit('bad-3', 'not a number'),
					visit('bad-4', '040 111 0104', { visitedAt: new Date(Date.now() + DAY).toISOString() })
				]
			}),
			'en'
		);
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ index: 1, field: 'unit', message: 'Unknown unit.' }),
				expect.objectContaining({ index: 2, field: 'phone' }),
				expect.objectContaining({
					index: 3,
					field: 'visitedAt',
					message: 'The visit time is in the future.'
				})
			])
		);
		expect(await visitCount()).toBe(before);
		expect((await handleVisitIntake(t.db, post('{oops'))).status).toBe(400);
	});

	it('CSV drop: a bad row refuses the file naming row and column; a good file is stored', async () => {
		const before = await visitCount();
		const at = visitedAt.toISOString();
		const bad = `visit_id;unit_code;visited_at;phone;age_band;non_disclosure\ncsv-1;fx-b;${at};0401112001;25-44;ei\ncsv-2;fx-b;${at};0401112002;25-44;maybe\n`;
		const r = await handleVisitIntake(t.db, post(bad, token, 'text/csv'), 'en');
		expect(r.status).toBe(400);
		expect((await r.json()).problems).toEqual([
			expect.objectContaining({ row: 3, field: 'non_disclosure' })
		]);
		expect(await visitCount()).toBe(before);
		const good = bad.replace('maybe', 'kyllä');
		const ok = await recordVisitsCsv(t.db, sourceId, good, { actorUserId: admin });
		expect(ok).toMatchObject({ ok: true, stored: 2, excluded: 1 });
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'feedback.visits.upload')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('API: rate limited per source', async () => {
		process.env.FEEDBACK_VISIT_RATE_PER_MINUTE = '2';
		resetRateLimits();
		try {
			const batch = { visits: [visit('rl-1', '0401113001'), visit('rl-2', '0401113002')] };
			expect((await handleVisitIntake(t.db, post(batch))).status).toBe(201);
			const limited = await handleVisitIntake(t.db, post(visit('rl-3', '0401113003')));
			expect(limited.status).toBe(429);
			expect(
				(
					await t.db
						.selectFrom('feedback_visit')
						.select('id')
						.where('external_id', '=', 'rl-3')
						.execute()
				).length
			).toBe(0);
		} finally {
			delete process.env.FEEDBACK_VISIT_RATE_PER_MINUTE;
			resetRateLimits();
		}
	});

	it('the job: nothing before noon; at 13:00 the fake gateway receives the texts', async () => {
		const gateway = httpGateway(gw.url, gw.token);
		const early = await runSmsSending(t.db, {
			origin: 'https://osallistu.test',
			gateway,
			now: new Date(sendAfter(visitedAt).getTime() - HOUR)
		});
		expect(early.sent).toBe(0);
		expect(gw.messages).toHaveLength(0);
		const run = await runSmsSending(t.db, {
			origin: 'https://osallistu.test',
			gateway,
			now: jobNow
		});
		// v-1, v-2, v-5, v-8, v-9, csv-1, rl-1, rl-2: sent; csv-2 was flagged.
		expect(run.sent).toBe(8);
		const to = gw.messages.map((m) => m.to).sort();
		expect(to).toContain('+358401110001');
		expect(to).not.toContain('+358401110003');
		const sv = gw.messages.find((m) => m.to === '+358401110002')!;
		expect(sv.text).toContain('Hur sannolikt');
		const en = gw.messages.find((m) => m.to === '+358401110005')!;
		expect(en.text).toContain('How likely');
		const link = gw.messages.find((m) => m.to === '+358401110008')!;
		expect(link.text).toContain('https://osallistu.test/feedback/fx-a');
		// Used for sending, then discarded: no number anywhere in the database.
		const found = await findPersonalData(t.db, ['401110001', '401110002', '401112001']);
		expect(found).toEqual([]);
		// A second run sends nothing again.
		const second = await runSmsSending(t.db, { origin: 'x', gateway, now: jobNow });
		expect(second.sent).toBe(0);
		expect(gw.posts).toBe(8);
	});

	it('text replies: NPS, a retry for a bad answer, the statement, the open answer → one response', async () => {
		const v1 = await visitRow('v-1');
		const r1 = await reply(v1.id, 'in-1', '9');
		expect(await r1.json()).toEqual({ status: 'answered' });
		// The next question goes to the conversation, without the number.
		const next = gw.messages.filter((m) => m.reference === v1.id);
		expect(next).toHaveLength(2);
		expect(next[1].to).toBeNull();
		expect(await (await reply(v1.id, 'in-1', '9')).json()).toEqual({ status: 'duplicate' });
		expect(await (await reply(v1.id, 'in-2', 'hmm')).json()).toEqual({ status: 'retry' });
		expect(gw.messages.filter((m) => m.reference === v1.id).at(-1)!.text).toContain('1–5');
		expect(await (await reply(v1.id, 'in-3', '4')).json()).toEqual({ status: 'answered' });
		expect(await (await reply(v1.id, 'in-4', 'Hyvä hoitaja')).json()).toEqual({
			status: 'completed'
		});
		const responses = await t.db
			.selectFrom('feedback_response')
			.select(['nps', 'answers', 'open_text', 'channel', 'unit_id'])
			.where('channel', '=', 'sms')
			.execute();
		expect(responses).toHaveLength(1);
		expect(responses[0]).toMatchObject({ nps: 9, unit_id: units.a, open_text: 'Hyvä hoitaja' });
		expect(responses[0].answers).toMatchObject({ s1: 4 });
		const rollup = await t.db
			.selectFrom('feedback_rollup_daily')
			.select(['nps_9', 'responses'])
			.where('channel', '=', 'sms')
			.executeTakeFirstOrThrow();
		expect(rollup).toEqual({ nps_9: 1, responses: 1 });
		expect(await (await reply(v1.id, 'in-5', 'vielä')).json()).toEqual({ status: 'closed' });
		const unknown = await reply('00000000-0000-0000-0000-000000000000', 'in-6', '5');
		expect(unknown.status).toBe(404);
		const unauth = await handleSmsReply(
			t.db,
			new Request('http://x', {
				method: 'POST',
				body: '{}',
				headers: { authorization: 'Bearer x' }
			})
		);
		expect(unauth.status).toBe(401);
	});

	it('a bad NPS reply gets exactly one polite retry', async () => {
		const v = await visitRow('v-9');
		expect(await (await reply(v.id, 'b-1', 'kymmenen')).json()).toEqual({ status: 'retry' });
		expect(await (await reply(v.id, 'b-2', 'kymmenen!')).json()).toEqual({ status: 'ignored' });
		expect(gw.messages.filter((m) => m.reference === v.id)).toHaveLength(2);
	});

	it('STOP opts the number out; a later visit of that number is not asked', async () => {
		const v2 = await visitRow('v-2');
		expect(await (await reply(v2.id, 'stop-1', 'STOP')).json()).toEqual({ status: 'opted_out' });
		expect(gw.messages.filter((m) => m.reference === v2.id).at(-1)!.text).toContain('inga fler');
		const optouts = await t.db.selectFrom('feedback_sms_optout').selectAll().execute();
		expect(optouts).toHaveLength(1);
		expect(JSON.stringify(optouts)).not.toContain('401110002');
		// 40 days later (past the follow-up window, within the repeat window of 90 days but
		// opt-out is the stronger rule), the same number at another unit.
		const later = new Date(visitedAt.getTime() + 40 * DAY);
		const now = new Date(sendAfter(later).getTime() + HOUR);
		const res = await handleVisitIntake(
			t.db,
			post({
				visits: [
					{ ...visit('v-2b', '+358401110002'), unit: 'fx-b', visitedAt: later.toISOString() }
				]
			}),
			'fi',
			now
		);
		expect(res.status).toBe(201);
		const posts = gw.posts;
		await runSmsSending(t.db, { origin: 'x', gateway: httpGateway(gw.url, gw.token), now });
		expect(gw.posts).toBe(posts);
		expect(await visitRow('v-2b')).toMatchObject({
			status: 'excluded',
			excluded_reason: 'opted_out',
			phone: null
		});
	});

	it('repeat and follow-up rules at send time, from the kept hashes', async () => {
		const day = (n: number) => new Date(visitedAt.getTime() + n * DAY);
		const now = new Date(sendAfter(day(5)).getTime() + HOUR);
		await handleVisitIntake(
			t.db,
			post({
				visits: [
					// v-9's number again at the same unit 5 days later: a follow-up visit.
					{ ...visit('r-1', '0401110009'), visitedAt: day(5).toISOString() },
					// v-8's number at another unit: asked 5 days ago, within 90 days.
					{ ...visit('r-2', '0401110008'), unit: 'fx-c', visitedAt: day(5).toISOString() },
					// The same person reference twice is fine; another person on the number is not.
					{ ...visit('r-3', '0401114001', { personRef: 'p-1' }), visitedAt: day(5).toISOString() },
					{
						...visit('r-4', '0401114001', { personRef: 'p-2' }),
						unit: 'fx-c',
						visitedAt: day(5).toISOString()
					}
				]
			}),
			'fi',
			now
		);
		const run = await runSmsSending(t.db, {
			origin: 'x',
			gateway: httpGateway(gw.url, gw.token),
			now
		});
		expect(run).toMatchObject({ sent: 0, excluded: 4 });
		expect((await visitRow('r-1')).excluded_reason).toBe('follow_up');
		expect((await visitRow('r-2')).excluded_reason).toBe('recently_asked');
		expect((await visitRow('r-3')).excluded_reason).toBe('shared_number');
		expect((await visitRow('r-4')).excluded_reason).toBe('shared_number');
	});

	it('a gateway that is down keeps the message queued; once up it is sent once', async () => {
		const later = new Date(visitedAt.getTime() + 2 * DAY);
		const now = new Date(sendAfter(later).getTime() + 2 * HOUR);
		await handleVisitIntake(
			t.db,
			post({ ...visit('d-1', '0401115001'), unit: 'fx-b', visitedAt: later.toISOString() }),
			'fi',
			now
		);
		gw.down = true;
		const gateway = httpGateway(gw.url, gw.token);
		const down = await runSmsSending(t.db, { origin: 'x', gateway, now });
		expect(down).toMatchObject({ sent: 0, waiting: 1 });
		expect(await visitRow('d-1')).toMatchObject({ status: 'queued', attempts: 1 });
		expect((await visitRow('d-1')).phone).toBe('+358401115001');
		gw.down = false;
		expect((await runSmsSending(t.db, { origin: 'x', gateway, now })).sent).toBe(1);
		expect((await runSmsSending(t.db, { origin: 'x', gateway, now })).sent).toBe(0);
		expect(gw.messages.filter((m) => m.to === '+358401115001')).toHaveLength(1);
		expect((await visitRow('d-1')).phone).toBeNull();
	});

	it('the staff figures: counts by rule and response rate by form and age band', async () => {
		const o = await smsOverview(
			t.db,
			[units.a, units.b, units.c],
			new Date(visitedAt.getTime() - DAY),
			new Date(Date.now() + 60 * DAY)
		);
		expect(o.excluded).toEqual({
			// v-3 and csv-2.
			non_disclosure: 2,
			shared_number: 3,
			follow_up: 2,
			minor: 1,
			opted_out: 1,
			recently_asked: 1
		});
		expect(o.sent).toBe(9);
		const text = o.byForm.find((f) => f.form === 'text')!;
		// v-1 answered the NPS; v-9 never did; v-2 stopped before answering.
		expect(text.answered).toBe(1);
		expect(o.byForm.find((f) => f.form === 'link')).toMatchObject({ sent: 1, answered: null });
		expect(o.optOuts).toBe(1);
	});
});
