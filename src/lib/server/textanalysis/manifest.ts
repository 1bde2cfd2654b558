/** Text analysis of open feedback as the portal sees it: links, jobs, demo data, areas, events. */
import type { ModuleManifest } from '../core/modules';
import type { TextanalysisDb } from './textanalysis.db';
import { seedTextanalysisDemo } from './demo';
import { TEXTANALYSIS_HANDLERS } from './textanalysis.handlers';
import { runRetrainRequests, scheduledRetrain } from './training.service';

export const textanalysisManifest: ModuleManifest<TextanalysisDb> = {
	name: 'textanalysis',
	links: [
		{
			area: 'staff',
			href: '/staff/text-analysis',
			key: 'textanalysis.workspace.staff',
			roles: ['feedback_handler']
		},
		{
			area: 'admin',
			href: '/admin/text-analysis',
			key: 'textanalysis.workspace.admin',
			roles: ['admin']
		}
	],
	jobs: () => [
		// Retraining asked for on the model page: picked up within 15 s, trained in a worker thread.
		{
			name: 'textanalysis.retrain-requests',
			intervalMs: 15_000,
			run: (db) => runRetrainRequests(db)
		},
		// Weekly, when staff have labelled answers since the active version.
		{
			name: 'textanalysis.retrain-weekly',
			intervalMs: 7 * 86_400_000,
			run: (db) => scheduledRetrain(db)
		}
	],
	seedDemo: seedTextanalysisDemo,
	access: [
		{
			prefix: '/staff/text-analysis',
			requirement: { kind: 'roles', roles: ['feedback_handler'] }
		},
		{ prefix: '/admin/text-analysis', requirement: { kind: 'roles', roles: ['admin'] } }
	],
	events: { publishes: ['textanalysis.theme_rising'], handlers: TEXTANALYSIS_HANDLERS },
	// The audit log names these objects, and links those with a staff page.
	auditObjects: [
		{ entityType: 'ta_theme', labelKey: 'textanalysis.auditObjects.ta_theme' },
		{ entityType: 'ta_model', labelKey: 'textanalysis.auditObjects.ta_model' },
		{ entityType: 'ta_retrain_request', labelKey: 'textanalysis.auditObjects.ta_retrain_request' }
	]
};
