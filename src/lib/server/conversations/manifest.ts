/** Opinion conversations as the portal sees them: role, link, card, map job, demo data, areas. */
import type { ModuleManifest } from '../core/modules';
import { conversationsSettingsSchema, conversationsSettings } from './conversations.settings';
import type { ConversationsDb } from './conversations.db';
import { seedConversationsDemo } from './demo';
import { conversationsWaitingWork } from './waiting-work';
import { recomputeDue } from './map-worker';

export const conversationsManifest: ModuleManifest<ConversationsDb> = {
	name: 'conversations',
	settings: conversationsSettingsSchema,
	roles: [
		{
			role: 'conversation_moderator',
			labelKey: 'core.roles.conversation_moderator',
			adds: true
		}
	],
	links: [
		{
			area: 'staff',
			href: '/staff/conversations',
			key: 'core.workspace.conversations',
			roles: ['conversation_moderator']
		}
	],
	homeCard: {
		titleKey: 'conversations.homeCard',
		textKey: 'conversations.homeCardText',
		links: [{ href: '/conversations', key: 'conversations.homeCardLink' }]
	},
	// Recompute opinion maps of conversations with new votes (each at most every 5 s). Turn off
	// with CONVERSATIONS_MAP_WORKER=0 when a separate map-worker process runs instead.
	jobs: () =>
		conversationsSettings().CONVERSATIONS_MAP_WORKER
			? [{ name: 'conversations.map', intervalMs: 2_000, run: (db) => recomputeDue(db) }]
			: [],
	seedDemo: seedConversationsDemo,
	access: [
		{
			prefix: '/staff/conversations',
			requirement: { kind: 'roles', roles: ['conversation_moderator'] }
		}
	],
	activities: [
		{ type: 'conversation', labelKey: 'pool.activity.conversation', offeredTo: ['pool', 'impact'] }
	],
	// Findings recorded on the report go to the impact tracker (impact handles the events).
	events: {
		publishes: [
			'conversations.finding_recorded',
			'conversations.finding_removed',
			'conversations.follow_requested'
		]
	},
	waitingWork: conversationsWaitingWork,
	auditObjects: [
		{
			entityType: 'conversation',
			labelKey: 'conversations.auditObjects.conversation',
			href: (id) => `/staff/conversations/${id}`
		},
		{
			entityType: 'conversation_statement',
			labelKey: 'conversations.auditObjects.conversation_statement'
		}
	]
};
