import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	closeInvitation,
	invitationSummary,
	municipalityName,
	sendReminders
} from '$lib/server/pool';
import { translate } from '$lib/server/core/i18n/translate';
import { readAnswerFilter } from './answer-filter';

/** The `int` matcher lets only a PostgreSQL integer reach here. */
const id = (raw: string) => Number(raw);

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const locale = event.locals.locale;
	const answer = readAnswerFilter(event.url);
	if (answer === false) error(400, translate(locale, 'validation.invalid'));
	const { db } = await runtime();
	const summary = await invitationSummary(db, id(event.params.id), answer);
	if (!summary) error(404, 'not found');
	return {
		...summary,
		answer: answer ?? '',
		replies: summary.replies.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			phone: r.phone,
			municipality: municipalityName(r, locale),
			answer: r.answer,
			answered_at: r.answered_at,
			needs: r.accessibility_needs,
			replyNeeds: r.reply_needs
		})),
		sent: Number(event.url.searchParams.get('sent')) || null
	};
};

export const actions: Actions = {
	remind: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const { db, config } = await runtime();
		return { reminded: await sendReminders(db, user.id, config.origin, id(event.params.id)) };
	},
	close: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const { db } = await runtime();
		if (!(await closeInvitation(db, user.id, id(event.params.id)))) error(404, 'not found');
		return { closed: true };
	}
};
