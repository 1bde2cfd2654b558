import { describe, expect, it } from 'vitest';
import { hasAnyRole, hasRole, type SessionUser } from './roles';

function user(roles: SessionUser['roles']): SessionUser {
	return { id: 'u', email: 'x@example.com', displayName: 'X', locale: 'fi', roles };
}

describe('hasRole', () => {
	it('is false without a user', () => {
		expect(hasRole(null, 'resident')).toBe(false);
	});
	it('an unscoped grant covers every scope', () => {
		const u = user([{ role: 'feedback_handler', serviceLineId: null, unitId: null }]);
		expect(hasRole(u, 'feedback_handler', { unitId: 5, unitServiceLineId: 2 })).toBe(true);
		expect(hasRole(u, 'pool_coordinator')).toBe(false);
	});
	it('a service-line grant covers the line and its units only', () => {
		const u = user([{ role: 'feedback_handler', serviceLineId: 2, unitId: null }]);
		expect(hasRole(u, 'feedback_handler', { serviceLineId: 2 })).toBe(true);
		expect(hasRole(u, 'feedback_handler', { unitId: 9, unitServiceLineId: 2 })).toBe(true);
		expect(hasRole(u, 'feedback_handler', { unitId: 9, unitServiceLineId: 3 })).toBe(false);
		expect(hasRole(u, 'feedback_handler', { serviceLineId: 3 })).toBe(false);
	});
	it('a unit grant covers that unit only', () => {
		const u = user([{ role: 'staff', serviceLineId: null, unitId: 7 }]);
		expect(hasRole(u, 'staff', { unitId: 7, unitServiceLineId: 1 })).toBe(true);
		expect(hasRole(u, 'staff', { unitId: 8, unitServiceLineId: 1 })).toBe(false);
		expect(hasRole(u, 'staff', { serviceLineId: 1 })).toBe(false);
	});
	it('admin holds every role', () => {
		const u = user([{ role: 'admin', serviceLineId: null, unitId: null }]);
		expect(hasAnyRole(u, ['conversation_moderator'])).toBe(true);
	});
});
