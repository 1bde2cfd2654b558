import type { PageServerLoad } from './$types';
import { LICENCE, OPEN_DATA_SCHEMA } from '$lib/server/impact';

export const load: PageServerLoad = () => ({
	licence: LICENCE,
	// File names are data, not UI text.
	files: [
		{ name: 'impact.json', href: '/sanoitte-teimme/data/impact.json', key: 'impact.data.json' },
		...Object.keys(OPEN_DATA_SCHEMA).map((t) => ({
			name: `${t}.csv`,
			href: `/sanoitte-teimme/data/${t}.csv`,
			key: null as string | null
		})),
		{ name: 'feed.xml', href: '/sanoitte-teimme/feed.xml', key: 'impact.public.feed' }
	],
	tables: Object.entries(OPEN_DATA_SCHEMA).map(([name, columns]) => ({
		name,
		columns: [...columns]
	}))
});
