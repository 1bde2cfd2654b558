import type { PageServerLoad } from './$types';
import { homeCards } from '$lib/server/modules';

/** The home page's cards come from the module manifests (src/lib/server/modules.ts). */
export const load: PageServerLoad = () => ({ cards: homeCards });
