/** Shapes shared by the feedback module's service, routes and tests. */
export type Lang = { fi: string; sv: string; en: string };

export const CHANNELS = ['web', 'qr', 'kiosk', 'sms', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CASE_KINDS = ['praise', 'complaint', 'idea'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * One question of a survey version. `nps` is the 0–10 recommendation question; `statement` is a
 * base statement on the five-step agreement scale with "en osaa sanoa" (stored as 'dk'), and its
 * `slot` (1–6) is the rollup column it is summed into; `scale` is a targeted 1..max scale;
 * `choice` picks one option; `text` is free text (masked before storage).
 */
export interface Question {
	key: string;
	type: 'nps' | 'statement' | 'scale' | 'choice' | 'text';
	text: Lang;
	required?: boolean;
	slot?: number;
	max?: number;
	options?: { value: string; text: Lang }[];
}

export type AnswerValue = number | string | null;

export interface SurveyDefinition {
	code: string;
	kind: 'national' | 'children' | 'targeted';
	name: Lang;
	questions: Question[];
}

/** What an intake channel hands to the service, before validation against the survey. */
export interface ResponseInput {
	clientId: string;
	unitId: number;
	surveyId?: number;
	channel: (typeof CHANNELS)[number];
	answers: Record<string, AnswerValue>;
	locale?: string;
	answeredAt?: Date;
}

export interface NpsCounts {
	/** counts[s] = number of answers with score s, s = 0..10 */
	counts: number[];
}
