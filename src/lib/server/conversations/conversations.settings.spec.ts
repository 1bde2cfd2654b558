import { describe, expect, it } from 'vitest';
import { SettingsError } from '../core/settings';
import { conversationsSettings } from './conversations.settings';

describe('conversations settings', () => {
	it('has the documented defaults', () => {
		expect(conversationsSettings({})).toEqual({
			CONVERSATIONS_MAP_WORKER: true,
			CONVERSATIONS_MAP_POLL_MS: 2000,
			CONVERSATIONS_VOTE_BURST: 200,
			CONVERSATIONS_VOTE_RATE: 20
		});
		expect(conversationsSettings({ CONVERSATIONS_MAP_WORKER: '0' }).CONVERSATIONS_MAP_WORKER).toBe(
			false
		);
	});

	it.each([
		['CONVERSATIONS_MAP_WORKER', 'separate'],
		['CONVERSATIONS_MAP_POLL_MS', '0'],
		['CONVERSATIONS_MAP_POLL_MS', '2s'],
		['CONVERSATIONS_VOTE_BURST', '-1'],
		['CONVERSATIONS_VOTE_RATE', 'fast']
	])('refuses %s=%j', (name, value) => {
		expect(() => conversationsSettings({ [name]: value })).toThrow(SettingsError);
		expect(() => conversationsSettings({ [name]: value })).toThrow(`${name}: `);
	});
});
