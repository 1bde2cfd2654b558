/** Feedback and NPS as the portal sees them: role, links, card, deadline job, demo data, areas. */
import type { ModuleManifest } from '../core/modules';
import { feedbackSettingsSchema } from './feedback.settings';
import { config } from '../core/config';
import type { FeedbackDb } from './feedback.db';
import { seedFeedbackDemo } from './demo';
import { seedSmsDemo } from './sms-demo';
import { countOpenCases, runCaseDeadlines } from './cases.service';
import { SMS_ACCESS, SMS_JOB } from './sms.manifest';

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
		},
		SMS_JOB
	],
	seedDemo: async (db) => {
		await seedFeedbackDemo(db);
		await seedSmsDemo(db);
	},
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
		},
		...SMS_ACCESS
	],
	activities: [{ type: 'survey', labelKey: 'pool.activity.survey', offeredTo: ['pool', 'impact'] }],
	// A recorded feedback theme becomes an impact finding (impact handles the event).
	events: {
		publishes: ['feedback.theme_recorded', 'feedback.open_texts_received', 'feedback.theme_contact']
	},
	// Open cases in the units the user handles, and those assigned to them.
	waitingWork: async (db, user) => {
		const c = await countOpenCases(db, user);
		return [
			{ key: 'feedback.waiting.open', count: c.open, href: '/staff/feedback/cases' },
			{ key: 'feedback.waiting.mine', count: c.mine, href: '/staff/feedback/cases?assignee=me' }
		];
	},
	auditObjects: [
		{
			entityType: 'feedback_visit_source',
			labelKey: 'feedback.auditObjects.feedback_visit_source'
		},
		{
			entityType: 'feedback_case',
			labelKey: 'feedback.auditObjects.feedback_case',
			href: (id) => `/staff/feedback/cases/${id}`
		},
		{
			entityType: 'feedback_survey',
			labelKey: 'feedback.auditObjects.feedback_survey',
			href: (id) => `/admin/feedback/${id}`
		},
		{ entityType: 'feedback_response', labelKey: 'feedback.auditObjects.feedback_response' },
		{ entityType: 'feedback_theme', labelKey: 'feedback.auditObjects.feedback_theme' }
	]
};
