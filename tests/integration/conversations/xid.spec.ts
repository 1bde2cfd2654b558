import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	createConversation,
	createConversationSchema,
	handleVoteApi,
	makeXidLinks,
	setXidAllowed,
	statementFormAction,
	voteFormAction
} from '../../../src/lib/server/conversations';
import { translate } from '../../../src/lib/server/core/i18n/translate';
import { apiPath, CookieJar, event } from './http-event';

const ORIGIN = 'https://osallistu.example.fi';

describe.each(BACKENDS)('signed external ids (XIDs) on %s', (backend) => {
	let t: TestDb;
	let actor: string;
	/** Sign-in only (no anonymous participation). */
	let signInOnly: string;
	/** Anonymous participation allowed, XIDs never turned on. */
	let open: string;
	let n = 0;
	const clientId = () => `xid-test-${++n}`;

	beforeAll(async () => {
		t = await createTestDb(backend);
		actor = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'xid@x.fi', display_name: 'M' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const seeds = 'Ensimmäinen väite\nToinen väite\nKolmas väite';
		signInOnly = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Raati', allowAnonymous: false, seeds })
		);
		open = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Avoin', seeds })
		);
	});
	afterAll(() => t.close());

	const vote = (id: string, body: object) =>
		handleVoteApi(t.db, event({ id, path: apiPath(id), json: { vote: 1, ...body } }));
	const sigOf = (link: string) => new URL(link).searchParams.get('xsig')!;
	async function signed(id: string, xid: string) {
		const r = await makeXidLinks(t.db, actor, id, ORIGIN, xid);
		if (!r.ok) throw new Error(r.error);
		return sigOf(r.links[0].link);
	}
	const count = async (table: 'conversation_vote' | 'conversation_participant', id: string) =>
		Number(
			(
				await t.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('conversation_id', '=', id)
					.executeTakeFirstOrThrow()
			).n
		);
	const voteOf = async (id: string, xid: string, tid: number) =>
		(
			await t.db
				.selectFrom('conversation_vote as v')
				.innerJoin('conversation_participant as p', 'p.id', 'v.participant_id')
				.innerJoin('conversation_statement as s', 's.id', 'v.statement_id')
				.select('v.vote')
				.where('v.conversation_id', '=', id)
				.where('p.xid', '=', xid)
				.where('s.tid', '=', tid)
				.executeTakeFirst()
		)?.vote;

	it('an invented xid is refused on a sign-in-only conversation, at the vote API and in the page forms', async () => {
		// XIDs not turned on: an id in the body or the link is not a way in.
		const off = await vote(signInOnly, { xid: 'invented-1', tid: 0, clientId: clientId() });
		expect(off.status).toBe(403);
		expect(await off.json()).toMatchObject({
			ok: false,
			error: 'xid_disabled',
			message: translate('en', 'conversations.errors.xid_disabled')
		});
		const jar = new CookieJar();
		const page = `/conversations/${signInOnly}?xid=invented-1`;
		const form = await voteFormAction(
			t.db,
			event({
				id: signInOnly,
				path: page,
				jar,
				form: { vote: 'agree', tid: '0', clientId: clientId() }
			})
		);
		expect(form).toMatchObject({
			status: 403,
			data: { voteError: 'conversations.errors.xid_disabled' }
		});

		// Turned on: still refused without a signature, or with one that was made up.
		await setXidAllowed(t.db, actor, signInOnly, true);
		for (const body of [
			{ xid: 'invented-1' },
			{ xid: 'invented-1', xsig: 'A'.repeat(43) },
			{ xid: 'invented-1', xsig: 'not a signature' }
		]) {
			const r = await vote(signInOnly, { ...body, tid: 0, clientId: clientId() });
			expect(r.status).toBe(403);
			expect(await r.json()).toMatchObject({
				error: 'xid_invalid',
				message: translate('en', 'conversations.errors.xid_invalid')
			});
		}
		const forged = `/conversations/${signInOnly}?xid=invented-1&xsig=${'A'.repeat(43)}`;
		expect(
			await voteFormAction(
				t.db,
				event({
					id: signInOnly,
					path: forged,
					jar,
					form: { vote: 'agree', tid: '0', clientId: clientId() }
				})
			)
		).toMatchObject({ status: 403, data: { voteError: 'conversations.errors.xid_invalid' } });
		expect(
			await statementFormAction(
				t.db,
				event({ id: signInOnly, path: forged, jar, form: { body: 'Keksitty väite tähän' } })
			)
		).toMatchObject({
			status: 403,
			data: { statementError: 'conversations.errors.xid_invalid' }
		});
		// A forged link is not remembered, and without it the page asks to sign in.
		expect([...jar.values.keys()].some((k) => k.startsWith('osallistu_xid_'))).toBe(false);
		expect(
			await voteFormAction(
				t.db,
				event({ id: signInOnly, jar, form: { vote: 'agree', tid: '0', clientId: clientId() } })
			)
		).toMatchObject({ status: 401, data: { voteError: 'conversations.errors.sign_in' } });
		expect(await count('conversation_vote', signInOnly)).toBe(0);
		expect(await count('conversation_participant', signInOnly)).toBe(0);
	});

	it("a known xid without its valid signature cannot change another participant's votes", async () => {
		await setXidAllowed(t.db, actor, signInOnly, true);
		const sig = await signed(signInOnly, 'panel-7');
		const own = await vote(signInOnly, { xid: 'panel-7', xsig: sig, tid: 1, clientId: clientId() });
		expect(own.status).toBe(200);
		expect(await voteOf(signInOnly, 'panel-7', 1)).toBe(1);

		// Someone who knows the id: no signature, another id's signature, the same id's
		// signature from another conversation, a signature one character off.
		const otherIdSig = await signed(signInOnly, 'panel-8');
		const otherConvSig = await signed(open, 'panel-7');
		const tampered = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
		for (const xsig of [undefined, otherIdSig, otherConvSig, tampered]) {
			const r = await vote(signInOnly, {
				xid: 'panel-7',
				xsig,
				tid: 1,
				vote: -1,
				clientId: clientId()
			});
			expect(r.status).toBe(403);
		}
		const page = `/conversations/${signInOnly}?xid=panel-7&xsig=${otherIdSig}`;
		expect(
			await voteFormAction(
				t.db,
				event({
					id: signInOnly,
					path: page,
					form: { vote: 'disagree', tid: '1', clientId: clientId() }
				})
			)
		).toMatchObject({ status: 403 });
		expect(await voteOf(signInOnly, 'panel-7', 1)).toBe(1);
	});

	it('a correctly signed xid works where XIDs are allowed and is refused where they are not', async () => {
		await setXidAllowed(t.db, actor, signInOnly, true);
		const links = await makeXidLinks(
			t.db,
			actor,
			signInOnly,
			ORIGIN,
			'panel-1\n\npanel-2\npanel-1\n'
		);
		expect(links.ok && links.links.map((l) => l.xid)).toEqual(['panel-1', 'panel-2']);
		const link = new URL(links.ok ? links.links[0].link : '');
		expect(link.origin + link.pathname).toBe(`${ORIGIN}/conversations/${signInOnly}`);

		// The page opened from the link remembers it: the next form post has no query string.
		const jar = new CookieJar();
		const fromLink = link.pathname + link.search;
		expect(
			await voteFormAction(
				t.db,
				event({
					id: signInOnly,
					path: fromLink,
					jar,
					form: { vote: 'agree', tid: '0', clientId: clientId() }
				})
			)
		).toEqual({ voted: true });
		expect(
			await voteFormAction(
				t.db,
				event({ id: signInOnly, jar, form: { vote: 'disagree', tid: '2', clientId: clientId() } })
			)
		).toEqual({ voted: true });
		expect(
			await statementFormAction(
				t.db,
				event({ id: signInOnly, jar, form: { body: 'Raadin oma väite' } })
			)
		).toEqual({ statementSent: 'pre' });
		expect(await voteOf(signInOnly, 'panel-1', 0)).toBe(1);
		expect(await voteOf(signInOnly, 'panel-1', 2)).toBe(-1);
		const api = await vote(signInOnly, {
			xid: 'panel-2',
			xsig: sigOf(links.ok ? links.links[1].link : ''),
			tid: 0,
			clientId: clientId()
		});
		expect(api.status).toBe(200);

		// The other conversation never allowed XIDs: its own valid signature does not open it.
		const sig = await signed(open, 'panel-1');
		const refused = await vote(open, { xid: 'panel-1', xsig: sig, tid: 0, clientId: clientId() });
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ error: 'xid_disabled' });
		expect(
			await voteFormAction(
				t.db,
				event({
					id: open,
					path: `/conversations/${open}?xid=panel-1&xsig=${sig}`,
					form: { vote: 'agree', tid: '0', clientId: clientId() }
				})
			)
		).toMatchObject({ status: 403, data: { voteError: 'conversations.errors.xid_disabled' } });
		expect(await count('conversation_participant', open)).toBe(0);

		// Turned off again: the same valid link stops working at once.
		await setXidAllowed(t.db, actor, signInOnly, false);
		const after = await vote(signInOnly, {
			xid: 'panel-2',
			xsig: sigOf(links.ok ? links.links[1].link : ''),
			tid: 1,
			clientId: clientId()
		});
		expect(after.status).toBe(403);
	});

	it('the moderator gets a clear refusal for a bad list of ids, and every change is audited', async () => {
		expect(await makeXidLinks(t.db, actor, signInOnly, ORIGIN, '  \n ')).toEqual({
			ok: false,
			error: 'xidList'
		});
		expect(await makeXidLinks(t.db, actor, signInOnly, ORIGIN, 'ok-1\nnot ok')).toEqual({
			ok: false,
			error: 'xidList'
		});
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'details'])
			.where('entity_id', '=', signInOnly)
			.where('action', 'like', 'conversation.xid.%')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'conversation.xid.allow',
				'conversation.xid.disallow',
				'conversation.xid.links'
			])
		);
		// The ids themselves are not written to the audit log.
		expect(JSON.stringify(audit)).not.toContain('panel-');
	});
});
