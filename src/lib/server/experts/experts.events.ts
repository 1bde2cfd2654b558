/**
 * The experts module's events, added to core's EventMap (core/events) by module augmentation:
 * core never imports this module. Published in the same transaction as the change
 * (experts.service.ts); the impact tracker handles `experts.finding_recorded`.
 *
 * The payload carries ids and the staff-written text of the request and the finding (public
 * text, as a feedback theme's title is) and the ids of the experts' accounts, never an expert's
 * name or address.
 */
export interface ExpertFindingRecordedEvent {
	assignmentId: number;
	requestId: number;
	unitId: number;
	municipalityCode: string | null;
	/** The request's project or unit name and purpose: the impact activity's topic and text. */
	project: string;
	purpose: string;
	/** Helsinki days the request ran. */
	startsOn: string;
	endsOn: string;
	/** Experts who took part in the request (closed assignments). */
	experts: number;
	/**
	 * Accounts of the experts of the request's closed assignments, to be told when the finding
	 * moves (ids only). Absent in events published before 2026-12-05.
	 */
	expertUserIds?: string[];
	finding: string;
	recordedOn: string;
}

declare module '../core/events' {
	interface EventMap {
		'experts.finding_recorded': ExpertFindingRecordedEvent;
	}
}
