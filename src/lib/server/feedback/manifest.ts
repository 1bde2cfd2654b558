/** Feedback and NPS as the portal sees them: role, links, card, deadline job, demo data, areas. */
import type { ModuleManifest } from '../core/modules';
import { feedbackSettingsSchema } from './feedback.settings';
import { config } from '../core/config';
import type { FeedbackDb } from './feedback.db';
import { seedFeedbackDemo } from './demo';
import { runCaseDeadlines } from './cases.service';

export const feedbackManifest: ModuleManifest<FeedbackDb> = {
	name: 'feedback',
	settings: feedbackSettingsSchema,
	roles: [
		{ role: 'feedback_handler', labelKey: 'core.roles.feedback_handler', adds: true },
		// Unit staff read their own unit's dashboard (a `staff` grant scoped to a unit or line).
		{ role: 'staff', labelKey: 'core.roles.staff' }
	],
	links: [
		{
			area: 'staff',
			href: '/staff/feedback',
			key: 'core.workspace.feedback',
			roles: ['feedback_handler'],
			unitStaff: true
		},
		{
			area: 'admin',
			href: '/admin/feedback',
			key: 'core.workspace.feedbackAdmin',
			roles: ['admin']
		}
	],
	homeCard: {
		titleKey: 'core.home.feedback',
		textKey: 'core.home.feedbackText',
		links: [
			{ href: '/feedback', key: 'feedback.home.give' },
			{ href: '/nps', key: 'feedback.home.results' }
		]
	},
	jobs: () => [
		// Feedback cases: reminders before the 7-day due date, escalation when late, erasure of
		// contact details after closing plus the retention period. Idempotent.
		{
			name: 'feedback.case-deadlines',
			intervalMs: 10 * 60_000,
			run: (db) => runCaseDeadlines(db, config().origin)
		}
	],
	seedDemo: seedFeedbackDemo,
	access: [
		// The dashboard opens to unit staff too; the page narrows it to their own units.
		{
			prefix: '/staff/feedback',
			requirement: { kind: 'roles', roles: ['feedback_handler', 'staff'] }
		},
		{
			prefix: '/staff/feedback/cases',
			requirement: { kind: 'roles', roles: ['feedback_handler'] }
		},
		{
			prefix: '/staff/feedback/export',
			requirement: { kind: 'roles', roles: ['feedback_handler'] }
		},
		{
			prefix: '/staff/feedback/import',
			requirement: { kind: 'roles', roles: ['feedback_handler'] }
		},
		{
			prefix: '/staff/feedback/themes',
			requirement: { kind: 'roles', roles: ['feedback_handler'] }
		}
	],
	activities: [{ type: 'survey', labelKey: 'pool.activity.survey', offeredTo: ['pool', 'impact'] }],
	// A recorded feedback theme becomes an impact finding (impact handles the event).
	events: { publishes: ['feedback.theme_recorded', 'feedback.theme_contact'] }
};
