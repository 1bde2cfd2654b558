/**
 * Every upload form refuses a file over the shared limit with its own message, and the limit sits
 * clearly below the server's body limit so such a file still reaches the form (a body over the
 * limit would be cut off by the server with a bare 413 instead).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { formEvent, grant, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { MAX_UPLOAD_BYTES } from '../../../src/lib/server/core/http/upload-limit';
import { translate } from '../../../src/lib/server/core/i18n/translate';
import { addUnits } from '../feedback/fixtures';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/core/runtime', () => ({ runtime: async () => rt.current }));

const pool = await import('../../../src/routes/staff/pool/import/+page.server');
const feedback = await import('../../../src/routes/staff/feedback/import/+page.server');
const conversations = await import('../../../src/routes/staff/conversations/import/+page.server');

/** BODY_SIZE_LIMIT as `npm start` and the end-to-end server set it, in bytes. */
function bodyLimitBytes(text: string): number {
	const m = /BODY_SIZE_LIMIT(?:=\$\{BODY_SIZE_LIMIT:-|: ')(\d+)M/.exec(text);
	if (!m) throw new Error('BODY_SIZE_LIMIT not found');
	return Number(m[1]) * 1024 * 1024;
}

/** A CSV just over the upload limit, yet well within the body limit. */
const tooLarge = () =>
	new File([new Uint8Array(MAX_UPLOAD_BYTES + 1024).fill(0x61)], 'big.csv', { type: 'text/csv' });

it('the upload limit leaves room below the body limit of npm start and the e2e server', () => {
	const start = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start as string;
	const e2e = fs.readFileSync('playwright.config.ts', 'utf8');
	for (const limit of [bodyLimitBytes(start), bodyLimitBytes(e2e)]) {
		// Room for the form's other fields and the multipart framing.
		expect(MAX_UPLOAD_BYTES + 1024 * 1024).toBeLessThan(limit);
		expect(tooLarge().size).toBeLessThan(limit);
	}
});

describe.each(BACKENDS)('upload forms over the limit on %s', (backend) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		await addUnits(t.db);
		rt.current = { db: t.db, config: {} };
	});
	afterAll(() => t.close());

	const staff = user('00000000-0000-4000-8000-00000000000a', [
		grant('pool_coordinator'),
		grant('feedback_handler'),
		grant('conversation_moderator')
	]);

	it('pool member import: the form says the file is too large', async () => {
		for (const action of ['preview', 'import'] as const) {
			const res = await pool.actions[action](
				formEvent(
					`/staff/pool/import?/${action}`,
					[
						['file', tooLarge()],
						['consentKept', 'on']
					],
					{ user: staff }
				) as never
			);
			expect(res).toMatchObject({ status: 400, data: { error: 'pool.import.tooLarge' } });
		}
	});

	it('feedback CSV import: the form says the file is too large and how large it may be', async () => {
		const res = (await feedback.actions.default(
			formEvent('/staff/feedback/import', [['file', tooLarge()]], { user: staff }) as never
		)) as { status: number; data: { problems: { key: string; params: { mb: number } }[] } };
		expect(res.status).toBe(400);
		const [p] = res.data.problems;
		expect(translate('fi', p.key, p.params)).toBe('Tiedosto on liian suuri (enintään 10 Mt).');
	});

	it('Polis import: the files together may not pass the limit', async () => {
		const half = () => new File([new Uint8Array(MAX_UPLOAD_BYTES / 2 + 1024)], 'x.csv');
		const res = (await conversations.actions.default(
			formEvent(
				'/staff/conversations/import',
				[
					['topic', 'Iso'],
					['comments', half()],
					['participantsVotes', half()]
				],
				{ user: staff }
			) as never
		)) as { status: number; data: { error: { key: string } } };
		expect(res.status).toBe(413);
		expect(translate('en', res.data.error.key)).toBe(
			'The files are too large (at most 10 MB in all).'
		);
	});
});
