import { describe, expect, it } from 'vitest';
import { mapThreshold } from './map-access';
import { MAP_MIN_VOTES } from './conversations.schemas';

describe('mapThreshold', () => {
	it('is MAP_MIN_VOTES, or every statement when there are fewer', () => {
		expect(mapThreshold(100)).toBe(MAP_MIN_VOTES);
		expect(mapThreshold(3)).toBe(3);
		expect(mapThreshold(0)).toBe(0);
	});
});
