/**
 * The audit log in words. An action's name is the message `<file>.auditActions.<action>` (dots
 * as underscores) in any catalogue, so each module names its own actions in its own message file:
 * `feedback.case.answered` → `feedback.auditActions.feedback_case_answered`. An object type is
 * named, and linked, by the `auditObjects` the manifests declare (core's own below). Anything
 * unnamed shows its code, so a new action is never hidden.
 */
import type { Locale } from '$lib/i18n';
import { keysOf, translate } from '../i18n/translate';
import type { AuditObject } from '../modules/manifest';

/** Core's own object types. */
export const CORE_AUDIT_OBJECTS: readonly AuditObject[] = [
	{ entityType: 'user', labelKey: 'core.auditObjects.user', href: (id) => `/admin/people/${id}` },
	{ entityType: 'audit_log', labelKey: 'core.auditObjects.audit_log' }
];

const actionKeys = new Map<Locale, Map<string, string>>();
function actionKey(locale: Locale, action: string): string | undefined {
	let m = actionKeys.get(locale);
	if (!m) {
		m = new Map();
		for (const k of [...keysOf('fi'), ...keysOf(locale)]) {
			const i = k.indexOf('.auditActions.');
			if (i > 0) m.set(k.slice(i + '.auditActions.'.length), k);
		}
		actionKeys.set(locale, m);
	}
	return m.get(action.replaceAll('.', '_'));
}

/** The action in words, in the reader's language; its code when nobody named it. */
export function auditActionLabel(locale: Locale, action: string): string {
	const key = actionKey(locale, action);
	return key ? translate(locale, key) : action;
}

export interface AuditObjectView {
	type: string;
	label: string;
	id: string | null;
	href: string | null;
}

/** The object an entry is about: its kind in words and, where a page shows it, a link. */
export function auditObjectView(
	objects: readonly AuditObject[],
	locale: Locale,
	entityType: string,
	entityId: string | null
): AuditObjectView {
	const o = objects.find((x) => x.entityType === entityType);
	return {
		type: entityType,
		label: o ? translate(locale, o.labelKey) : entityType,
		id: entityId,
		href: o?.href && entityId ? o.href(entityId) : null
	};
}

/** Details as "key: value" pairs people can read (ids and counts only; no personal data). */
export function auditDetailsText(details: unknown): string {
	if (!details || typeof details !== 'object') return '';
	return Object.entries(details as Record<string, unknown>)
		.map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
		.join(', ');
}
