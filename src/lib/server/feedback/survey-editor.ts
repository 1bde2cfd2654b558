/**
 * The admin's question editor (issue 11): the survey's questions as form fields, edited with
 * submit buttons (add, move, remove, options, preview) that the server answers with the edited
 * but unsaved state, so the editor works without JavaScript. Nothing here writes: a valid draft
 * becomes `Question[]` and is saved through `saveSurvey` (a changed list is a new version).
 *
 * The national items are locked: the recommendation question (`nps`) of every survey and, in
 * the THL surveys (kind national / children), the base statements. They are posted back as
 * hidden fields; a draft whose locked items differ from the stored version in content, order or
 * presence is refused, whoever built the request.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Locale } from '$lib/i18n';
import type { Lang, Question } from './feedback.types';

export const EDITABLE_TYPES = ['statement', 'scale', 'choice', 'text'] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];
const MAX_QUESTIONS = 40;
const MAX_OPTIONS = 20;
const MAX_TEXT = 500;

export interface DraftOption {
	value: string;
	fi: string;
	sv: string;
	en: string;
}

/** One question as its fields hold it: text as typed, checked only when saved or previewed. */
export interface DraftQuestion {
	key: string;
	type: string;
	fi: string;
	sv: string;
	en: string;
	required: boolean;
	slot: string;
	max: string;
	options: DraftOption[];
	/** A national item (set by the server from the stored version, never read from the form). */
	locked: boolean;
}

/** Field path (`q.2.fi`, `q.2.o.0.value`, `questions`) → i18n key of its problem. */
export type DraftErrors = Record<string, string>;

/** The locked questions of a stored version, in their order. */
export function lockedQuestions(kind: string, questions: Question[]): Question[] {
	return questions.filter(
		(q) =>
			q.type === 'nps' || ((kind === 'national' || kind === 'children') && q.type === 'statement')
	);
}

const blankOption = (): DraftOption => ({ value: '', fi: '', sv: '', en: '' });

export function toDraft(questions: Question[], locked: Question[]): DraftQuestion[] {
	const lockedKeys = new Set(locked.map((q) => q.key));
	return questions.map((q) => ({
		key: q.key,
		type: q.type,
		fi: q.text.fi,
		sv: q.text.sv ?? '',
		en: q.text.en ?? '',
		required: Boolean(q.required),
		slot: q.slot === undefined ? '' : String(q.slot),
		max: q.max === undefined ? '' : String(q.max),
		options: (q.options ?? []).map((o) => ({
			value: o.value,
			fi: o.text.fi,
			sv: o.text.sv ?? '',
			en: o.text.en ?? ''
		})),
		locked: lockedKeys.has(q.key)
	}));
}

const QUESTION_FIELD = /^q\.(\d{1,2})\.(key|type|fi|sv|en|required|slot|max)$/;
const OPTION_FIELD = /^q\.(\d{1,2})\.o\.(\d{1,2})\.(value|fi|sv|en)$/;

/**
 * Reads the questions from the posted fields (`q.<i>.<field>`, `q.<i>.o.<j>.<field>`), in index
 * order. Indices are at most two digits, so a forged form cannot ask for a huge list.
 */
export function readDraft(fd: FormData, locked: Question[]): DraftQuestion[] {
	const byIndex = new Map<number, DraftQuestion & { opts: Map<number, DraftOption> }>();
	const at = (i: number) => {
		let q = byIndex.get(i);
		if (!q) {
			q = {
				key: '',
				type: '',
				fi: '',
				sv: '',
				en: '',
				required: false,
				slot: '',
				max: '',
				options: [],
				locked: false,
				opts: new Map()
			};
			byIndex.set(i, q);
		}
		return q;
	};
	for (const [name, raw] of fd.entries()) {
		if (typeof raw !== 'string') continue;
		const value = raw.replace(/\r\n/g, '\n');
		const m = QUESTION_FIELD.exec(name);
		if (m) {
			const q = at(Number(m[1]));
			const field = m[2] as 'key' | 'type' | 'fi' | 'sv' | 'en' | 'required' | 'slot' | 'max';
			if (field === 'required') q.required = value === 'on' || value === 'true';
			else q[field] = field === 'key' ? value.trim() : value;
			continue;
		}
		const o = OPTION_FIELD.exec(name);
		if (o) {
			const q = at(Number(o[1]));
			const j = Number(o[2]);
			const opt = q.opts.get(j) ?? blankOption();
			opt[o[3] as keyof DraftOption] = o[3] === 'value' ? value.trim() : value;
			q.opts.set(j, opt);
		}
	}
	const lockedKeys = new Set(locked.map((q) => q.key));
	return [...byIndex.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, { opts, ...q }]) => ({
			...q,
			options: [...opts.entries()].sort(([a], [b]) => a - b).map(([, v]) => v),
			locked: lockedKeys.has(q.key)
		}));
}

export type EditOp =
	| { op: 'save' }
	| { op: 'preview'; lang: Locale }
	| { op: 'add'; type: EditableType }
	| { op: 'up' | 'down' | 'remove' | 'addopt'; i: number }
	| { op: 'rmopt'; i: number; j: number };

/** The pressed button (`op`), e.g. `save`, `add`, `up:3`, `rmopt:2:0`; unreadable → save. */
export function readOp(fd: FormData): EditOp {
	const raw = String(fd.get('op') ?? 'save');
	if (raw === 'preview') {
		const lang = String(fd.get('previewLang') ?? 'fi');
		return { op: 'preview', lang: lang === 'sv' || lang === 'en' ? lang : 'fi' };
	}
	if (raw === 'add') {
		const type = String(fd.get('newType') ?? '');
		return {
			op: 'add',
			type: (EDITABLE_TYPES as readonly string[]).includes(type) ? (type as EditableType) : 'text'
		};
	}
	const one = /^(up|down|remove|addopt):(\d{1,2})$/.exec(raw);
	if (one) return { op: one[1] as 'up' | 'down' | 'remove' | 'addopt', i: Number(one[2]) };
	const two = /^rmopt:(\d{1,2}):(\d{1,2})$/.exec(raw);
	if (two) return { op: 'rmopt', i: Number(two[1]), j: Number(two[2]) };
	return { op: 'save' };
}

/** An editing step's outcome: the new draft, or the i18n key (and params) of its refusal. */
export type OpResult =
	| { ok: true; draft: DraftQuestion[] }
	| { ok: false; key: string; params?: Record<string, string> };

function freeKey(draft: DraftQuestion[]): string {
	const taken = new Set(draft.map((q) => q.key));
	for (let n = draft.length + 1; ; n++) if (!taken.has(`q${n}`)) return `q${n}`;
}

function freeSlot(draft: DraftQuestion[]): string {
	const taken = new Set(draft.filter((q) => q.type === 'statement').map((q) => q.slot));
	for (let s = 1; s <= 6; s++) if (!taken.has(String(s))) return String(s);
	return '';
}

const lockedRefusal = (q: DraftQuestion): OpResult => ({
	ok: false,
	key: 'feedback.admin.editor.errors.locked',
	params: { key: q.key }
});
const noSuchItem: OpResult = { ok: false, key: 'feedback.admin.editor.errors.op' };

/**
 * Applies an add / move / remove / option step to the draft. A locked item is never moved,
 * removed or passed over by a move; a step on one is refused (the page offers none).
 */
export function applyOp(draft: DraftQuestion[], op: EditOp): OpResult {
	const next = draft.map((q) => ({ ...q, options: [...q.options] }));
	switch (op.op) {
		case 'save':
		case 'preview':
			return { ok: true, draft: next };
		case 'add': {
			if (next.length >= MAX_QUESTIONS)
				return { ok: false, key: 'feedback.admin.editor.errors.count' };
			next.push({
				key: freeKey(next),
				type: op.type,
				fi: '',
				sv: '',
				en: '',
				required: false,
				slot: op.type === 'statement' ? freeSlot(next) : '',
				max: op.type === 'scale' ? '5' : '',
				options: op.type === 'choice' ? [blankOption(), blankOption()] : [],
				locked: false
			});
			return { ok: true, draft: next };
		}
		case 'up':
		case 'down':
		case 'remove': {
			const q = next[op.i];
			if (!q) return noSuchItem;
			if (q.locked) return lockedRefusal(q);
			if (op.op === 'remove') {
				next.splice(op.i, 1);
				return { ok: true, draft: next };
			}
			const j = op.op === 'up' ? op.i - 1 : op.i + 1;
			const other = next[j];
			if (!other) return noSuchItem;
			if (other.locked) return lockedRefusal(other);
			[next[op.i], next[j]] = [other, q];
			return { ok: true, draft: next };
		}
		case 'addopt': {
			const q = next[op.i];
			if (!q || q.type !== 'choice') return noSuchItem;
			if (q.locked) return lockedRefusal(q);
			if (q.options.length >= MAX_OPTIONS)
				return { ok: false, key: 'feedback.admin.editor.errors.tooManyOptions' };
			q.options.push(blankOption());
			return { ok: true, draft: next };
		}
		case 'rmopt': {
			const q = next[op.i];
			if (!q || !q.options[op.j]) return noSuchItem;
			if (q.locked) return lockedRefusal(q);
			q.options.splice(op.j, 1);
			return { ok: true, draft: next };
		}
	}
}

const KEY = /^[a-z][a-z0-9_]{0,29}$/;
const OPTION_VALUE = /^[a-z0-9_-]{1,30}$/;

function lang(errors: DraftErrors, path: string, t: { fi: string; sv: string; en: string }): Lang {
	const text = { fi: t.fi.trim(), sv: t.sv.trim(), en: t.en.trim() };
	if (!text.fi) errors[`${path}.fi`] = 'feedback.admin.editor.errors.textFi';
	for (const l of ['fi', 'sv', 'en'] as const)
		if (text[l].length > MAX_TEXT) errors[`${path}.${l}`] = 'feedback.admin.editor.errors.tooLong';
	return text;
}

/** An option with every field blank is an unused row and is dropped. */
const isBlank = (o: DraftOption) => !o.value && !o.fi.trim() && !o.sv.trim() && !o.en.trim();

/**
 * Checks the draft and turns it into questions, or names each problem at its field. The
 * locked items must be exactly the stored ones, in their order.
 */
export function checkDraft(
	draft: DraftQuestion[],
	locked: Question[]
):
	| { ok: true; questions: Question[] }
	| { ok: false; errors: DraftErrors; params?: Record<string, string> } {
	const errors: DraftErrors = {};
	if (draft.length < 1 || draft.length > MAX_QUESTIONS)
		return { ok: false, errors: { questions: 'feedback.admin.editor.errors.count' } };
	const lockedByKey = new Map(locked.map((q) => [q.key, q]));
	const keys = new Set<string>();
	const slots = new Set<number>();
	const questions: Question[] = [];
	for (const [i, d] of draft.entries()) {
		const p = `q.${i}`;
		if (!KEY.test(d.key)) errors[`${p}.key`] = 'feedback.admin.editor.errors.key';
		else if (keys.has(d.key)) errors[`${p}.key`] = 'feedback.admin.editor.errors.keyTaken';
		keys.add(d.key);
		const isLocked = lockedByKey.has(d.key);
		const typeOk =
			(EDITABLE_TYPES as readonly string[]).includes(d.type) || (d.type === 'nps' && isLocked);
		if (!typeOk) errors[`${p}.type`] = 'feedback.admin.editor.errors.type';
		const q: Question = {
			key: d.key,
			type: d.type as Question['type'],
			text: lang(errors, p, d),
			...(d.required ? { required: true } : {})
		};
		if (d.type === 'statement') {
			const slot = Number(d.slot);
			if (!Number.isInteger(slot) || slot < 1 || slot > 6)
				errors[`${p}.slot`] = 'feedback.admin.editor.errors.slot';
			else if (slots.has(slot)) errors[`${p}.slot`] = 'feedback.admin.editor.errors.slotTaken';
			slots.add(slot);
			q.slot = slot;
		}
		if (d.type === 'scale') {
			const max = d.max.trim() === '' ? 5 : Number(d.max);
			if (!Number.isInteger(max) || max < 2 || max > 10)
				errors[`${p}.max`] = 'feedback.admin.editor.errors.max';
			q.max = max;
		}
		if (d.type === 'choice') {
			const used = d.options.map((o, j) => ({ o, j })).filter(({ o }) => !isBlank(o));
			if (!used.length) errors[`${p}.options`] = 'feedback.admin.editor.errors.options';
			if (used.length > MAX_OPTIONS)
				errors[`${p}.options`] = 'feedback.admin.editor.errors.tooManyOptions';
			const values = new Set<string>();
			q.options = used.map(({ o, j }) => {
				const op = `${p}.o.${j}`;
				if (!OPTION_VALUE.test(o.value))
					errors[`${op}.value`] = 'feedback.admin.editor.errors.optionValue';
				else if (values.has(o.value))
					errors[`${op}.value`] = 'feedback.admin.editor.errors.optionValueTaken';
				values.add(o.value);
				return { value: o.value, text: lang(errors, op, o) };
			});
		}
		questions.push(q);
	}
	// The national items: all there, unchanged, in their stored order (checked whatever the page sent).
	const posted = questions.filter((q) => lockedByKey.has(q.key));
	for (const [n, stored] of locked.entries()) {
		const mine = posted[n];
		if (!mine || mine.key !== stored.key || !sameQuestion(mine, stored))
			return {
				ok: false,
				errors: { questions: 'feedback.admin.editor.errors.locked' },
				params: { key: stored.key }
			};
	}
	if (questions[0]?.type !== 'nps' && questions.some((q) => q.type === 'nps'))
		return {
			ok: false,
			errors: { questions: 'feedback.admin.editor.errors.locked' },
			params: { key: 'nps' }
		};
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, questions };
}

/** Two questions alike in what a resident sees and what is stored (defaults and key order aside). */
function sameQuestion(a: Question, b: Question): boolean {
	const norm = (q: Question) => ({
		key: q.key,
		type: q.type,
		text: { fi: q.text.fi.trim(), sv: (q.text.sv ?? '').trim(), en: (q.text.en ?? '').trim() },
		required: Boolean(q.required),
		slot: q.type === 'statement' ? q.slot : undefined,
		max: q.type === 'scale' ? (q.max ?? 5) : undefined
	});
	return isDeepStrictEqual(norm(a), norm(b));
}
