/** The councils module as the portal sees it: role, links, card, demo data, access, activity, events. */
import type { ModuleManifest } from '../core/modules';
import { STAFF_ROLES } from '../core/auth/roles';
import type { CouncilsDb } from './councils.db';
import { COUNCILS_HANDLERS } from './councils.handlers';
import { seedCouncilsDemo } from './demo';

export const councilsManifest: ModuleManifest<CouncilsDb> = {
	name: 'councils',
	roles: [{ role: 'council_coordinator', labelKey: 'core.roles.council_coordinator', adds: true }],
	links: [
		// Every staff member may ask a body to consider a topic and follow their requests.
		{ area: 'staff', href: '/staff/councils', key: 'councils.workspace.staff', roles: STAFF_ROLES },
		{ area: 'account', href: '/account/councils', key: 'councils.workspace.account' }
	],
	homeCard: {
		titleKey: 'councils.home.title',
		textKey: 'councils.home.text',
		links: [{ href: '/councils', key: 'councils.home.link' }]
	},
	seedDemo: seedCouncilsDemo,
	// The public pages (/councils) fall under core's public root.
	access: [
		{ prefix: '/staff/councils', requirement: { kind: 'roles', roles: STAFF_ROLES } },
		{ prefix: '/account/councils', requirement: { kind: 'signed-in' } }
	],
	// Recruiting members is a pool invitation of this type (the body's id as activity id).
	activities: [{ type: 'council', labelKey: 'councils.activity', offeredTo: ['pool', 'impact'] }],
	events: {
		publishes: ['councils.statement_approved', 'councils.statement_reopened'],
		handlers: COUNCILS_HANDLERS
	},
	// The audit log names these objects, and links those with a staff page.
	auditObjects: [
		{
			entityType: 'council_body',
			labelKey: 'councils.auditObjects.council_body',
			href: (id) => `/staff/councils/${id}`
		},
		{ entityType: 'council_meeting', labelKey: 'councils.auditObjects.council_meeting' },
		{ entityType: 'council_member', labelKey: 'councils.auditObjects.council_member' },
		{ entityType: 'council_request', labelKey: 'councils.auditObjects.council_request' },
		{ entityType: 'council_statement', labelKey: 'councils.auditObjects.council_statement' }
	]
};
