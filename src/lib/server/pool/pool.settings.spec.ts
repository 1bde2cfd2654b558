import { describe, expect, it } from 'vitest';
import { SettingsError } from '../core/settings';
import { retentionPolicy } from './retention.service';

describe('pool settings', () => {
	it('has the documented defaults', () => {
		expect(retentionPolicy({})).toEqual({ inactiveDays: 730, graceDays: 30, pendingDays: 30 });
		expect(retentionPolicy({ POOL_PENDING_DAYS: '14' }).pendingDays).toBe(14);
	});

	it.each([
		['POOL_INACTIVE_DAYS', 'two years'],
		['POOL_RETENTION_GRACE_DAYS', '0'],
		['POOL_PENDING_DAYS', '1.5']
	])('refuses %s=%j', (name, value) => {
		expect(() => retentionPolicy({ [name]: value })).toThrow(SettingsError);
		expect(() => retentionPolicy({ [name]: value })).toThrow(`${name}: `);
	});
});
