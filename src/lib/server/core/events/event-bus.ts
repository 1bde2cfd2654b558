/**
 * Typed in-process events (immich's EventMap, Decidim's EventsManager): modules publish facts and
 * never import each other's internals. Handlers run after the publisher's transaction commits.
 */
export interface EventMap {
	'user.registered': { userId: string };
	'user.email_confirmed': { userId: string };
	'user.erased': { userId: string };
	'pool.member_confirmed': { memberId: string };
	'pool.member_erased': { memberId: string; reason: string };
	'pool.invitation_created': { invitationId: number; activityType: string; recipients: number };
	'pool.invitation_answered': {
		invitationId: number;
		activityType: string;
		activityId: string | null;
		memberId: string | null;
		answer: 'yes' | 'no' | 'maybe';
	};
}

type Handler<K extends keyof EventMap> = (payload: EventMap[K]) => void | Promise<void>;

const handlers: { [K in keyof EventMap]?: Handler<K>[] } = {};

export function onEvent<K extends keyof EventMap>(name: K, handler: Handler<K>): () => void {
	const list = (handlers[name] ??= []) as Handler<K>[];
	list.push(handler);
	return () => list.splice(list.indexOf(handler), 1);
}

/** Runs every handler; a failing handler is logged and does not stop the others. */
export async function publish<K extends keyof EventMap>(
	name: K,
	payload: EventMap[K]
): Promise<void> {
	for (const h of (handlers[name] ?? []) as Handler<K>[]) {
		try {
			await h(payload);
		} catch (e) {
			console.error(`event handler for ${name} failed:`, e instanceof Error ? e.message : e);
		}
	}
}
