/** The module's small shared types and constants. */
export const SOURCE_TYPES = ['response', 'case'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const TONE_IDS = ['negative', 'neutral', 'positive', 'mixed'] as const;
export type ToneId = (typeof TONE_IDS)[number];
export type ModelStatus = 'active' | 'rejected' | 'retired';
export type Trigger = 'shipped' | 'schedule' | 'manual';
export interface LabelTheme {
	id: string;
	confidence: number;
}
/** An answer's reference: "response:123" or "case:<uuid>" in URLs and forms. */
export interface SourceRef {
	type: SourceType;
	id: string;
}
export const refKey = (r: SourceRef) => `${r.type}:${r.id}`;
export function parseRef(s: string): SourceRef | null {
	const m = /^(response|case):([0-9a-f-]{1,40})$/.exec(s);
	return m ? { type: m[1] as SourceType, id: m[2] } : null;
}
/** Staff labels weigh more than seed rows in training. */
export const STAFF_WEIGHT = 3;
