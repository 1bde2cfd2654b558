/** The fees module as the portal sees it: its links and demo data. No role of its own. */
import type { ModuleManifest } from '../core/modules';
import type { FeesDb } from './fees.db';
import { seedFeesDemo } from './demo';

export const feesManifest: ModuleManifest<FeesDb> = {
	name: 'fees',
	links: [
		{ area: 'admin', href: '/admin/fees', key: 'fees.admin.link', roles: ['admin'] },
		{ area: 'account', href: '/account/fees', key: 'fees.account.link' }
	],
	// /admin (admins) and /account (signed in) are core's areas; the pages check ownership.
	access: [],
	seedDemo: seedFeesDemo,
	// The audit log names these objects, and links those with a staff page.
	auditObjects: [
		{ entityType: 'fee_rate', labelKey: 'fees.auditObjects.fee_rate' },
		{ entityType: 'fee_record', labelKey: 'fees.auditObjects.fee_record' },
		{ entityType: 'fee_month', labelKey: 'fees.auditObjects.fee_month' },
		{ entityType: 'fee_correction', labelKey: 'fees.auditObjects.fee_correction' }
	]
};
