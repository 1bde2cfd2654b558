import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import {
	buildMapView,
	contentLanguage,
	conversationOr404,
	identityOf,
	viewerParticipant,
	MAP_MIN_VOTES,
	votableStatements,
	votesOfParticipant
} from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	const pid = await viewerParticipant(db, c, identityOf(event, c, false));
	// The map opens after enough votes (or for everyone once the conversation has closed).
	if (c.status === 'open') {
		const total = (await votableStatements(db, c.id, c.moderation)).length;
		const mine = pid === null ? 0 : (await votesOfParticipant(db, pid)).size;
		if (mine === 0 || mine < Math.min(MAP_MIN_VOTES, total))
			redirect(303, `/conversations/${c.id}`);
	}
	return {
		conversation: { id: c.id, topic: c.topic, contentLang: contentLanguage(c.languages) },
		map: await buildMapView(db, c.id, pid)
	};
};
