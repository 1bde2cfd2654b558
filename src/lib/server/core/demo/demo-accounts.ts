/** One demo account per role (listed in README.md). Demo only: never enabled with a real database. */
import type { Role } from '../auth/roles';

export const DEMO_PASSWORD = 'Osallistu-demo-2026';

export const DEMO_ACCOUNTS: {
	email: string;
	name: string;
	roles: { role: Role; serviceLine?: string; unit?: string }[];
}[] = [
	{ email: 'admin@demo.osallistu.fi', name: 'Aino Admin', roles: [{ role: 'admin' }] },
	{
		email: 'henkilosto@demo.osallistu.fi',
		name: 'Heikki Henkilöstö',
		roles: [{ role: 'staff', unit: 'tk-hervanta' }]
	},
	{ email: 'pooli@demo.osallistu.fi', name: 'Päivi Pooli', roles: [{ role: 'pool_coordinator' }] },
	{
		email: 'raati@demo.osallistu.fi',
		name: 'Raili Raati',
		roles: [{ role: 'council_coordinator' }]
	},
	{
		email: 'kokemus@demo.osallistu.fi',
		name: 'Kalle Kokemus',
		roles: [{ role: 'expert_coordinator' }]
	},
	{
		email: 'palaute@demo.osallistu.fi',
		name: 'Pekka Palaute',
		roles: [{ role: 'feedback_handler', serviceLine: 'outpatient' }]
	},
	{
		email: 'moderaattori@demo.osallistu.fi',
		name: 'Maija Moderaattori',
		roles: [{ role: 'conversation_moderator' }]
	},
	{ email: 'asukas@demo.osallistu.fi', name: 'Antti Asukas', roles: [{ role: 'resident' }] }
];
