/** Random tokens and their SHA-256 ids, as in the Lucia guide: the database never holds a token. */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function tokenId(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
