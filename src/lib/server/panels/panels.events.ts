/**
 * The panels' events, added to core's EventMap (core/events) by module augmentation. Published
 * in the same transaction as the change (work.service.ts publishRecommendation); the impact
 * tracker handles them (impact.handlers.ts). The recommendation is public once published; the
 * members are counted, and only the ids of their accounts are passed (to be told when a point
 * moves), never a name or an address.
 */
export interface RecommendationPublishedEvent {
	panelId: number;
	question: string;
	description: string;
	/** Helsinki days, YYYY-MM-DD: the draw and the publication. */
	startedOn: string;
	publishedOn: string;
	/** Members on the panel when it recommended (confirmed). */
	members: number;
	/**
	 * The confirmed members by group (`<dimension>:<value>` in the pool's vocabulary: municipality,
	 * age band, gender, language), from the attributes frozen when each became a volunteer; a
	 * category the panel did not take in is left out.
	 */
	byGroup?: Record<string, number>;
	points: { pointId: number; body: string; supporters: number; share: number | null }[];
	memberUserIds: string[];
}

declare module '../core/events' {
	interface EventMap {
		'panels.recommendation_published': RecommendationPublishedEvent;
	}
}
