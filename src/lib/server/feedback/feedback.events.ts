/**
 * The feedback module's events, added to core's EventMap by module augmentation. A recurring
 * feedback theme is recorded by staff (themes.service.ts) with its counts as evidence; the
 * impact tracker handles it. The title is staff-written public text; counts only, no feedback
 * text and no person.
 */
export interface ThemeRecordedEvent {
	themeId: string;
	title: string;
	description: string;
	unitId: number;
	serviceLineId: number;
	municipalityCode: string | null;
	/** The period the counts cover, Helsinki days. */
	from: string;
	to: string;
	/** Cases and survey answers that mention the theme, and all answers in the period. */
	mentions: number;
	answers: number;
	/** The survey the answers came from (the activity); null: direct feedback of the unit. */
	surveyId: number | null;
	surveyName: string | null;
}

/**
 * New open answers (survey/SMS/kiosk responses with a text, and feedback cases), one event per
 * written batch, published in the intake's transaction. References only, never the text: the
 * text-analysis module reads the texts through `openTexts` (open-text.ts).
 */
export interface OpenTextsReceivedEvent {
	refs: { type: 'response' | 'case'; id: string }[];
}

/**
 * A feedback giver behind a theme who left an address and asked for a reply: the impact tracker
 * tells them when the theme's finding moves. Carries an address, so it is published with
 * `forgetOnDelivery` (emptied once delivered).
 */
export interface ThemeContactEvent {
	themeId: string;
	/** Null if the case's contact has been erased meanwhile: the handler then keeps nothing. */
	caseId: string | null;
	email: string | null;
	locale: string;
}

declare module '../core/events' {
	interface EventMap {
		'feedback.theme_recorded': ThemeRecordedEvent;
		'feedback.open_texts_received': OpenTextsReceivedEvent;
		'feedback.theme_contact': ThemeContactEvent;
	}
}
