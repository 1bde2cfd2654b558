/**
 * The module's events, added to core's EventMap by module augmentation. A rising theme (this
 * month's mentions against the three months before, per unit) sent by a handler becomes a
 * finding in the impact tracker, with its counts as evidence. Counts only, no feedback text and
 * no person; the title is the theme's name from the taxonomy.
 */
export interface ThemeRisingEvent {
	/** Stable per (theme, unit, month): a second send updates the same finding. */
	key: string;
	themeId: string;
	title: string;
	unitId: number;
	serviceLineId: number;
	/** The month the counts cover (Helsinki days). */
	from: string;
	to: string;
	mentions: number;
	answers: number;
	previousAverage: number;
}

declare module '../core/events' {
	interface EventMap {
		'textanalysis.theme_rising': ThemeRisingEvent;
	}
}
