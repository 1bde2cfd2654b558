/** The impact tracker as the portal sees it: role, links, card, jobs, demo data, settings, events. */
import type { ModuleManifest } from '../core/modules';
import { config } from '../core/config';
import type { ImpactDb } from './impact.db';
import { impactConfig, impactSettingsSchema } from './impact.config';
import { CONTACT_HANDLERS, IMPACT_HANDLERS } from './impact.handlers';
import { impactWaitingWork } from './waiting-work';
import { sendReminders } from './impact.service';
import { seedImpactDemo } from './demo';
import { forgetStaleFollowRequests } from './follow.service';

const DAY = 24 * 60 * 60 * 1000;

export const impactManifest: ModuleManifest<ImpactDb> = {
	name: 'impact',
	roles: [{ role: 'impact_coordinator', labelKey: 'core.roles.impact_coordinator', adds: true }],
	links: [
		// Every staff role: owners of findings can be anyone on the staff.
		{
			area: 'staff',
			href: '/staff/impact',
			key: 'impact.workspace.findings',
			roles: [
				'impact_coordinator',
				'staff',
				'pool_coordinator',
				'council_coordinator',
				'expert_coordinator',
				'feedback_handler',
				'conversation_moderator'
			]
		}
	],
	// Replaces core's "Sanoitte – teimme, coming soon" card.
	homeCard: {
		titleKey: 'core.home.results',
		textKey: 'core.home.resultsText',
		links: [
			{ href: '/sanoitte-teimme', key: 'impact.home.link' },
			{ href: '/sanoitte-teimme/luvut', key: 'impact.home.metric' }
		]
	},
	jobs: () => [
		// Owners of findings waiting past IMPACT_REMINDER_DAYS: one mail each, at most weekly per
		// finding (reminded_at). Daily, so a finding is reminded within a day of passing the limit.
		{
			name: 'impact.reminders',
			intervalMs: DAY,
			run: (db) => sendReminders(db, config().origin, impactConfig().reminderDays)
		},
		// Addresses left to follow an activity whose mailed link was never opened (FOLLOW_DAYS).
		{ name: 'impact.follow_cleanup', intervalMs: DAY, run: (db) => forgetStaleFollowRequests(db) }
	],
	seedDemo: seedImpactDemo,
	activities: [
		{ type: 'workshop', labelKey: 'impact.kind.workshop', offeredTo: ['pool', 'impact'] }
	],
	settings: impactSettingsSchema,
	events: { handlers: [...IMPACT_HANDLERS, ...CONTACT_HANDLERS] },
	waitingWork: impactWaitingWork,
	auditObjects: [
		{
			entityType: 'impact_finding',
			labelKey: 'impact.auditObjects.impact_finding',
			href: (id) => `/staff/impact/findings/${id}`
		},
		{ entityType: 'impact_decision', labelKey: 'impact.auditObjects.impact_decision' },
		{ entityType: 'impact_activity', labelKey: 'impact.auditObjects.impact_activity' }
	]
};
