import { describe, expect, it } from 'vitest';
import { CORE_LINKS, workspaceLinks } from './workspace-links';
import type { WorkspaceLink } from './manifest';
import type { SessionUser } from '../auth/roles';

const as = (role: SessionUser['roles'][number]['role']): SessionUser => ({
	id: 'u',
	email: 'u@example.com',
	displayName: 'U',
	locale: 'fi',
	roles: [{ role, serviceLineId: null, unitId: null }]
});

/** Links the way a module manifest adds them. */
const LINKS: WorkspaceLink[] = [
	...CORE_LINKS,
	{ area: 'staff', href: '/staff/pool', key: 'k.pool', roles: ['pool_coordinator'] },
	{
		area: 'staff',
		href: '/staff/feedback',
		key: 'k.fb',
		roles: ['feedback_handler'],
		unitStaff: true
	},
	{ area: 'staff', href: '/staff/conversations', key: 'k.c', roles: ['conversation_moderator'] },
	{ area: 'account', href: '/account/pool', key: 'k.account' }
];
const staffLinks = (u: SessionUser) => workspaceLinks(LINKS, 'staff', u);

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
		expect(workspaceLinks(LINKS, 'admin', as('feedback_handler'))).toEqual([]);
		expect(workspaceLinks(LINKS, 'admin', as('admin')).map((l) => l.href)).toContain(
			'/admin/audit'
		);
		expect(workspaceLinks(LINKS, 'account', as('resident')).map((l) => l.href)).toEqual([
			'/account/pool'
		]);
	});
});
