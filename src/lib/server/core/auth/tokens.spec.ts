import { describe, expect, it } from 'vitest';
import { generateToken, secretsEqual, tokenId } from './tokens';

describe('tokens', () => {
	it('makes 160-bit tokens that fit URLs and cookies', () => {
		const a = generateToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(generateToken()).not.toBe(a);
	});

	it('hashes to hex SHA-256 of the UTF-8 text, as stored before (existing rows stay valid)', () => {
		// FIPS 180-2 test vector, and a non-ASCII one checked with Python's hashlib.
		expect(tokenId('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(tokenId('ääkköset')).toBe(
			'd61e9cd17a2b19939ce577f63e4bf28c6109aca2be01a81fd1d28615f09c6fed'
		);
	});

	it('compares secrets without an early exit', () => {
		expect(secretsEqual('demo-sms-token', 'demo-sms-token')).toBe(true);
		expect(secretsEqual('demo-sms-tokem', 'demo-sms-token')).toBe(false);
		expect(secretsEqual('short', 'demo-sms-token')).toBe(false);
		expect(secretsEqual('', '')).toBe(true);
	});
});
