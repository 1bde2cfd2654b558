/** Shared steps for the pool's database tests. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/lib/server/db';
import { type MemberProfileInput, joinPool, confirmMembership } from '../../../src/lib/server/pool';
import { tokenId } from '../../../src/lib/server/core/auth/tokens';

export const ORIGIN = 'http://portal.test';

export function profile(over: Partial<MemberProfileInput> = {}): MemberProfileInput {
	return {
		name: 'Testi Henkilö',
		email: 'testi@example.fi',
		phone: '',
		municipality: '837',
		birthYear: 1980,
		gender: '',
		motherTongue: '',
		locale: 'fi',
		serviceLines: [],
		topics: '',
		modes: [],
		accessibility: '',
		background: {},
		...over
	};
}

/** The token in the newest mail to an address (links end with the raw token). */
export async function lastLinkTo(db: Kysely<DB>, to: string, path: string): Promise<string> {
	const mail = await db
		.selectFrom('mail_outbox')
		.select('text_body')
		.where('to_address', '=', to)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	const m = new RegExp(`${path}/([a-z0-9]+)`).exec(mail.text_body);
	if (!m) throw new Error(`no ${path} link in mail`);
	return m[1];
}

/** Joins and confirms; returns the member id. */
export async function activeMember(db: Kysely<DB>, over: Partial<MemberProfileInput> = {}) {
	const p = profile(over);
	await joinPool(db, ORIGIN, p);
	const token = await lastLinkTo(db, p.email, '/pool/confirm');
	await confirmMembership(db, token);
	const m = await db
		.selectFrom('pool_member')
		.select('id')
		.where('email', '=', p.email)
		.executeTakeFirstOrThrow();
	return m.id;
}

export { tokenId };
