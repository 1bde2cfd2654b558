import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import {
	buildMapView,
	contentLanguage,
	conversationOr404,
	identityOf,
	mapOpenTo,
	viewerParticipant
} from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	const pid = await viewerParticipant(db, c, identityOf(event, c, false));
	if (!(await mapOpenTo(db, c, pid))) redirect(303, `/conversations/${c.id}`);
	return {
		conversation: { id: c.id, topic: c.topic, contentLang: contentLanguage(c.languages) },
		map: await buildMapView(db, c.id, pid)
	};
};
