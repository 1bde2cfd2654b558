import { describe, expect, it } from 'vitest';
import { accountLinks, adminLinks, staffLinks } from './workspace-links';
import type { SessionUser } from './core/auth/roles';

const as = (role: SessionUser['roles'][number]['role']): SessionUser => ({
	id: 'u',
	email: 'u@example.com',
	displayName: 'U',
	locale: 'fi',
	roles: [{ role, serviceLineId: null, unitId: null }]
});

describe('workspace links', () => {
	it('shows each staff member only the areas their roles open', () => {
		expect(staffLinks(as('pool_coordinator')).map((l) => l.href)).toEqual(['/staff/pool']);
		expect(staffLinks(as('staff'))).toEqual([]);
		// Unit staff read their own unit's feedback.
		const unitStaff = {
			...as('staff'),
			roles: [{ role: 'staff' as const, serviceLineId: null, unitId: 7 }]
		};
		expect(staffLinks(unitStaff).map((l) => l.href)).toEqual(['/staff/feedback']);
		expect(staffLinks(as('admin'))).toHaveLength(3);
	});
	it('admin links only for admins; account links for everyone signed in', () => {
		expect(adminLinks(as('feedback_handler'))).toEqual([]);
		expect(adminLinks(as('admin')).map((l) => l.href)).toContain('/admin/audit');
		expect(accountLinks(as('resident')).map((l) => l.href)).toEqual(['/account/pool']);
	});
});
