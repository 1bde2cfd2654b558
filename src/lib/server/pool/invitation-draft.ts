/**
 * The invitation form's starting values and its target, read from the query string: the
 * coordinator arrives from a member search (filters or hand-picked `member` ids) or from another
 * module's "invite from the pool" link (`activityType`, `activityId`, `title`, `link`).
 */
import { LOCALES } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';
import { helsinkiDayAfter } from '../core/time';
import type { PoolDb } from './pool.db';
import { filtersFromUrl } from './form-data';
import { createInvitation, replyDeadlineOf } from './invitation.service';
import { ACTIVITY_TYPES, type ActivityType, type MemberFilters } from './pool.types';
import type { InvitationForm } from './pool.schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Query parameters another module's page sets to invite to its activity (not member filters). */
const ACTIVITY_PARAMS = ['activityType', 'activityId', 'title', 'link'];

/** Days from today to the default reply deadline. */
export const DEFAULT_REPLY_DAYS = 14;

export interface InvitationDraft {
	/** Hand-picked member ids (valid UUIDs only), empty when the target is the filters. */
	memberIds: string[];
	/** The member search's filters as a query string, posted back with the form. */
	filterQuery: string;
	values: {
		deadline: string;
		memberIds: string;
		activityType?: ActivityType;
		activityId?: string;
		title?: string;
		messageFi?: string;
		messageSv?: string;
		messageEn?: string;
	};
}

/** The draft for `/staff/pool/invitations/new?…`: target, deadline and any activity's prefill. */
export function invitationDraft(
	params: URLSearchParams,
	origin: string,
	now = Date.now()
): InvitationDraft {
	const memberIds = params.getAll('member').filter((id) => UUID.test(id));
	const rest = new URLSearchParams(params);
	for (const k of ['member', 'page', ...ACTIVITY_PARAMS]) rest.delete(k);
	const values: InvitationDraft['values'] = {
		deadline: helsinkiDayAfter(now, DEFAULT_REPLY_DAYS),
		memberIds: memberIds.join(',')
	};
	const type = ACTIVITY_TYPES.find((a) => a === params.get('activityType'));
	if (type) {
		const title = (params.get('title') ?? '').slice(0, 200);
		const link = params.get('link') ?? '';
		values.activityType = type;
		values.activityId = (params.get('activityId') ?? '').slice(0, 100);
		values.title = title;
		// Only links into this portal become the message's link.
		if (link.startsWith('/') && !link.startsWith('//')) {
			const url = `${origin}${link.slice(0, 300)}`;
			const [fi, sv, en] = LOCALES.map((l) =>
				translate(l, 'pool.invite.activityMessage', { title, url })
			);
			Object.assign(values, { messageFi: fi, messageSv: sv, messageEn: en });
		}
	}
	return { memberIds, filterQuery: rest.toString(), values };
}

/**
 * Who a posted invitation goes to: the hand-picked ids when there are any, else the members
 * the posted filter query finds.
 */
export function invitationTarget(
	memberIds: string,
	filterQuery: string
): { memberIds: string[] } | { filters: MemberFilters } {
	const ids = memberIds.split(',').filter((id) => UUID.test(id));
	return ids.length
		? { memberIds: ids }
		: { filters: filtersFromUrl(new URLSearchParams(filterQuery)) };
}

export type SendInvitationResult =
	| { ok: true; id: number; recipients: number }
	| { ok: false; field: 'deadline'; key: 'validation.invalid' }
	| { ok: false; field: null; key: 'pool.inv.noRecipients' };

/**
 * Sends the invitation form: the deadline day must be a real day not yet over (it ends at
 * midnight in Finland), and at least one active member must be reached.
 */
export async function sendInvitationForm(
	db: PoolDb,
	actorUserId: string,
	origin: string,
	form: InvitationForm
): Promise<SendInvitationResult> {
	const replyDeadline = replyDeadlineOf(form.deadline);
	if (!replyDeadline) return { ok: false, field: 'deadline', key: 'validation.invalid' };
	const result = await createInvitation(db, actorUserId, origin, {
		activityType: form.activityType,
		activityId: form.activityId || null,
		title: form.title,
		messages: { fi: form.messageFi, sv: form.messageSv, en: form.messageEn },
		replyDeadline,
		maxAccepted: form.maxAccepted ? Number(form.maxAccepted) : null,
		...invitationTarget(form.memberIds, form.filterQuery)
	});
	if (result.recipients === 0) return { ok: false, field: null, key: 'pool.inv.noRecipients' };
	return { ok: true, ...result };
}
