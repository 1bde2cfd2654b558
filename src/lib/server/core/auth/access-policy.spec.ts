import { describe, expect, it } from 'vitest';
import { accessPolicy, decide, stripGroups } from './access-policy';
import type { SessionUser } from './roles';

const resident: SessionUser = {
	id: 'r',
	email: 'r@example.com',
	displayName: 'R',
	locale: 'fi',
	roles: [{ role: 'resident', serviceLineId: null, unitId: null }]
};
const moderator: SessionUser = {
	...resident,
	roles: [{ role: 'conversation_moderator', serviceLineId: null, unitId: null }]
};

const { requirementFor } = accessPolicy([
	{ prefix: '/staff/pool', requirement: { kind: 'roles', roles: ['pool_coordinator'] } }
]);

describe('access policy', () => {
	it('strips route groups', () => {
		expect(stripGroups('/(public)/feedback/[unit]')).toBe('/feedback/[unit]');
		expect(stripGroups('/(public)')).toBe('/');
	});
	it('maps areas by whole path segments', () => {
		expect(requirementFor('/admin/people').kind).toBe('roles');
		expect(requirementFor('/administrative-pages').kind).toBe('public');
		expect(requirementFor('/account').kind).toBe('signed-in');
		expect(requirementFor('/').kind).toBe('public');
	});
	it('decides by role', () => {
		expect(decide(requirementFor('/staff'), null)).toBe('sign-in');
		expect(decide(requirementFor('/staff'), resident)).toBe('forbidden');
		expect(decide(requirementFor('/staff'), moderator)).toBe('allow');
		expect(decide(requirementFor('/admin'), moderator)).toBe('forbidden');
		expect(decide(requirementFor('/account'), resident)).toBe('allow');
	});
	it("lets a module's more specific rule win over core's area", () => {
		expect(decide(requirementFor('/staff/pool/import'), moderator)).toBe('forbidden');
		expect(decide(requirementFor('/staff/poolside'), moderator)).toBe('allow');
	});
	it('refuses two rules for one prefix', () => {
		expect(() => accessPolicy([{ prefix: '/staff', requirement: { kind: 'public' } }])).toThrow(
			/two access rules/
		);
	});
});
