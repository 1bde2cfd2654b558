/**
 * Random tokens and their hashes, as in the Lucia guide: the database never holds a token, only
 * its SHA-256 (`tokenId`). The one place every module gets these from: sessions, one-time links,
 * pool confirmation, stay and invitation links, throttle keys, anonymous participant keys.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 20 random bytes (160 bits) as 32 lower-case base32 characters: safe in URLs and cookies. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Hex SHA-256 of a token: the id under which it is stored and looked up. Node's native hash, so
 * an invitation to 10 000 members hashes its links in milliseconds.
 */
export function tokenId(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of a presented secret with the expected one (e.g. a bearer token). */
export function secretsEqual(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
