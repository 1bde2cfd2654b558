/**
 * The fields the admin's survey edit page posts, built the way the page renders them: a locked
 * national item as hidden fields, an editable question as its inputs (a checkbox only when
 * ticked, type-specific fields for their type only).
 */
import type { DraftQuestion } from '../../../src/lib/server/feedback';

export interface EditPage {
	survey: {
		id: number;
		version: number;
		name_fi: string;
		name_sv: string;
		name_en: string;
		active: boolean;
		unitIds: number[];
		draft: DraftQuestion[];
	};
}

export function draftFields(draft: DraftQuestion[]): [string, string][] {
	const out: [string, string][] = [];
	for (const [i, q] of draft.entries()) {
		const p = `q.${i}`;
		out.push([`${p}.key`, q.key], [`${p}.type`, q.type]);
		for (const l of ['fi', 'sv', 'en'] as const) out.push([`${p}.${l}`, q[l]]);
		if (q.required) out.push([`${p}.required`, 'on']);
		if (q.locked) {
			if (q.slot) out.push([`${p}.slot`, q.slot]);
			if (q.max) out.push([`${p}.max`, q.max]);
			continue;
		}
		if (q.type === 'statement') out.push([`${p}.slot`, q.slot]);
		if (q.type === 'scale') out.push([`${p}.max`, q.max || '5']);
		if (q.type === 'choice')
			for (const [j, o] of q.options.entries())
				for (const f of ['value', 'fi', 'sv', 'en'] as const) out.push([`${p}.o.${j}.${f}`, o[f]]);
	}
	return out;
}

/** The whole edit form as posted: the other fields, the questions, and the pressed button. */
export function pageFields(s: EditPage['survey'], op?: string, extra: [string, string][] = []) {
	return [
		['name_fi', s.name_fi],
		['name_sv', s.name_sv],
		['name_en', s.name_en],
		...(s.active ? ([['active', 'on']] as [string, string][]) : []),
		...s.unitIds.map((u): [string, string] => ['unit', String(u)]),
		...draftFields(s.draft),
		// The add and preview selects post their choice (the first option unless changed).
		...(extra.some(([k]) => k === 'newType') ? [] : [['newType', 'statement']]),
		...(extra.some(([k]) => k === 'previewLang') ? [] : [['previewLang', 'fi']]),
		...extra,
		...(op ? ([['op', op]] as [string, string][]) : [])
	] as [string, string][];
}
