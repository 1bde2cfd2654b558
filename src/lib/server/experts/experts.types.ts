/** The register's vocabularies: each value has a label under `experts.<group>.<value>`. */

/** Areas of lived experience an expert can speak of. */
export const AREAS = [
	'mental_health',
	'substance_use',
	'childhood_in_care',
	'disability',
	'long_term_illness'
] as const;
export type Area = (typeof AREAS)[number];

/** As a patient (or client) themself, or as a close one. */
export const AS = ['patient', 'close_one'] as const;
export type As = (typeof AS)[number];

/** A profile's area entry: `<area>:<as>`, e.g. `mental_health:close_one`. */
export const AREA_VALUES = AREAS.flatMap((a) => AS.map((s) => `${a}:${s}` as const));
export type AreaValue = (typeof AREA_VALUES)[number];

export const KINDS = ['expert', 'developer_customer'] as const;
export type Kind = (typeof KINDS)[number];

/** Ways of working; a request asks for one of them (its format). */
export const WAYS = [
	'workshop',
	'training',
	'panel',
	'development_group',
	'written_comment'
] as const;
export type Way = (typeof WAYS)[number];

/** Ways to meet: what staff see of how to reach the expert's work. */
export const MEETING = ['in_person', 'remote', 'phone'] as const;

/** Languages an expert works in (fse: Finnish sign language). */
export const LANGUAGES = ['fi', 'sv', 'en', 'ru', 'ar', 'fse'] as const;

export const REQUEST_STATUSES = ['open', 'filled', 'done', 'cancelled'] as const;
export const ASSIGNMENT_STATUSES = [
	'proposed',
	'accepted',
	'declined',
	'withdrawn',
	'closed'
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const areaOf = (v: string) => v.split(':')[0] as Area;
