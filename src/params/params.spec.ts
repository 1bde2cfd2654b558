import { describe, expect, it } from 'vitest';
import { match as int } from './int';
import { match as uuid } from './uuid';

describe('route parameter matchers', () => {
	it('int: PostgreSQL integer ids only', () => {
		for (const ok of ['1', '42', '2147483647', '007']) expect(int(ok), ok).toBe(true);
		for (const bad of ['0', '-1', '2147483648', '99999999999', '1.5', '1e3', 'abc', '', ' 1'])
			expect(int(bad), bad).toBe(false);
	});

	it('uuid: the 8-4-4-4-12 hex form only', () => {
		expect(uuid('00000000-0000-0000-0000-000000000000')).toBe(true);
		expect(uuid('0F2C8A1E-4B7D-4C3A-9E1F-2A3B4C5D6E7F')).toBe(true);
		for (const bad of [
			'not-a-uuid',
			'00000000-0000-0000-0000-00000000000',
			'00000000000000000000000000000000',
			'00000000-0000-0000-0000-000000000000x',
			"00000000-0000-0000-0000-000000000000' or 1=1"
		])
			expect(uuid(bad), bad).toBe(false);
	});
});
