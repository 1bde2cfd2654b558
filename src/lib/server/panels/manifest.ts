/** Resident panels as the portal sees it: role, links, card, jobs, demo data, areas, events. */
import type { ModuleManifest } from '../core/modules';
import type { PanelsDb } from './panels.db';
import { runQueuedDraws } from './draw.service';
import { PANELS_HANDLERS } from './panels.handlers';
import { seedPanelsDemo } from './demo';

export const panelsManifest: ModuleManifest<PanelsDb> = {
	name: 'panels',
	// Panels are run by the pool's coordinators (core has the role; admins hold every role).
	roles: [{ role: 'pool_coordinator', labelKey: 'core.roles.pool_coordinator' }],
	links: [
		{
			area: 'staff',
			href: '/staff/panels',
			key: 'panels.workspace.staff',
			roles: ['pool_coordinator']
		},
		{ area: 'account', href: '/account/panels', key: 'panels.workspace.account' }
	],
	homeCard: {
		titleKey: 'panels.home.title',
		textKey: 'panels.home.text',
		links: [{ href: '/panels', key: 'panels.home.link' }]
	},
	jobs: () => [
		// A draw queued when the process stopped is drawn on the next start (same seed, same panel).
		{ name: 'panels.draws', intervalMs: 60_000, run: (db) => runQueuedDraws(db) }
	],
	seedDemo: seedPanelsDemo,
	access: [
		{ prefix: '/staff/panels', requirement: { kind: 'roles', roles: ['pool_coordinator'] } }
	],
	activities: [{ type: 'panel', labelKey: 'panels.activity', offeredTo: ['pool', 'impact'] }],
	events: {
		publishes: ['panels.recommendation_published'],
		handlers: PANELS_HANDLERS
	},
	// The audit log names these objects, and links those with a staff page.
	auditObjects: [
		{
			entityType: 'panel',
			labelKey: 'panels.auditObjects.panel',
			href: (id) => `/staff/panels/${id}`
		}
	]
};
