/**
 * The experts module as the portal sees it: role, links, demo data, access, events. No settings
 * of its own: fees come from the shared schedule (the fees module, kept by admins).
 */
import type { ModuleManifest } from '../core/modules';
import { STAFF_ROLES } from '../core/auth/roles';
import type { ExpertsDb } from './experts.db';
import { seedExpertsDemo } from './demo';

export const expertsManifest: ModuleManifest<ExpertsDb> = {
	name: 'experts',
	roles: [{ role: 'expert_coordinator', labelKey: 'core.roles.expert_coordinator' }],
	links: [
		{
			area: 'staff',
			href: '/staff/experts/requests',
			key: 'experts.workspace.requests'
		},
		{
			area: 'staff',
			href: '/staff/experts',
			key: 'experts.workspace.coordinate',
			roles: ['expert_coordinator']
		},
		{ area: 'account', href: '/account/experts', key: 'experts.workspace.profile' }
	],
	seedDemo: seedExpertsDemo,
	access: [
		// Matching, the register, assignments and totals: coordinators (and admins).
		{ prefix: '/staff/experts', requirement: { kind: 'roles', roles: ['expert_coordinator'] } },
		// Any member of staff requests experts and follows their own requests.
		{ prefix: '/staff/experts/requests', requirement: { kind: 'roles', roles: STAFF_ROLES } }
		// /experts/answer/<token> (the mail's answer link) is public under core's rule: the token
		// is the key, and the page's buttons answer.
	],
	activities: [{ type: 'expert_assignment', labelKey: 'experts.activity', offeredTo: ['impact'] }],
	events: { publishes: ['experts.finding_recorded'] },
	// The audit log names these objects, and links those with a staff page.
	auditObjects: [
		{
			entityType: 'expert_profile',
			labelKey: 'experts.auditObjects.expert_profile',
			href: (id) => `/staff/experts/register/${id}`
		},
		{
			entityType: 'expert_request',
			labelKey: 'experts.auditObjects.expert_request',
			href: (id) => `/staff/experts/requests/${id}`
		},
		{
			entityType: 'expert_assignment',
			labelKey: 'experts.auditObjects.expert_assignment',
			href: (id) => `/staff/experts/assignments/${id}`
		},
		{ entityType: 'expert_training', labelKey: 'experts.auditObjects.expert_training' }
	]
};
