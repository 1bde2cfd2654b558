/** The resident pool as the portal sees it: its roles, links, card, jobs, demo data and areas. */
import type { ModuleManifest } from '../core/modules';
import { poolSettingsSchema } from './pool.settings';
import { config } from '../core/config';
import type { PoolDb } from './pool.db';
import { seedPoolDemo } from './demo';
import { poolWaitingWork } from './waiting-work';
import { retentionPolicy, runRetention } from './retention.service';

const DAY = 24 * 60 * 60 * 1000;

export const poolManifest: ModuleManifest<PoolDb> = {
	name: 'pool',
	settings: poolSettingsSchema,
	roles: [{ role: 'pool_coordinator', labelKey: 'core.roles.pool_coordinator', adds: true }],
	links: [
		{ area: 'staff', href: '/staff/pool', key: 'core.workspace.pool', roles: ['pool_coordinator'] },
		{ area: 'admin', href: '/admin/pool', key: 'core.workspace.poolAdmin', roles: ['admin'] },
		{ area: 'account', href: '/account/pool', key: 'core.workspace.accountPool' }
	],
	homeCard: {
		titleKey: 'core.home.pool',
		textKey: 'core.home.poolText',
		links: [
			{ href: '/pool', key: 'pool.home.join' },
			{ href: '/account/pool', key: 'pool.home.mine' }
		]
	},
	jobs: () => [
		// Ask inactive pool members whether they want to stay; remove those who do not answer.
		{
			name: 'pool.retention',
			intervalMs: DAY,
			run: (db) => runRetention(db, config().origin, retentionPolicy())
		}
	],
	seedDemo: seedPoolDemo,
	access: [{ prefix: '/staff/pool', requirement: { kind: 'roles', roles: ['pool_coordinator'] } }],
	// The pool offers no activity of its own: it invites members to the others' activities
	// (pool.schemas.ts lists the types an invitation may carry).
	activities: [],
	events: {
		publishes: ['pool.invitation_created', 'pool.invitation_answered', 'pool.activity_contact']
	},
	waitingWork: poolWaitingWork,
	auditObjects: [
		{
			entityType: 'pool_invitation',
			labelKey: 'pool.auditObjects.pool_invitation',
			href: (id) => `/staff/pool/invitations/${id}`
		},
		{ entityType: 'pool_member', labelKey: 'pool.auditObjects.pool_member' },
		{ entityType: 'pool_population', labelKey: 'pool.auditObjects.pool_population' },
		{ entityType: 'pool_question', labelKey: 'pool.auditObjects.pool_question' }
	]
};
