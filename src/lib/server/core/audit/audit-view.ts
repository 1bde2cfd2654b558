/**
 * The admin's audit log as people read it: the filter from the query string, each entry with its
 * action in words, its object named and linked, and the same rows as a spreadsheet file.
 */
import type { Executor } from '../db/database';
import type { Locale } from '$lib/i18n';
import { endOfHelsinkiDay, startOfHelsinkiDay } from '../time';
import { translate } from '../i18n/translate';
import { writeSpreadsheetCsv } from '../csv';
import { listAudit, auditChoices, recordAudit } from './audit.service';
import { auditActionLabel, auditDetailsText, auditObjectView } from './audit-labels';
import type { AuditFilterForm } from './audit.schemas';
import type { AuditObject } from '../modules/manifest';

export const AUDIT_PAGE = 100;
const EXPORT_MAX = 50_000;

function toFilter(f: AuditFilterForm) {
	return {
		actorUserId: f.actor,
		action: f.action,
		entityType: f.object,
		entityId: f.objectId,
		since: f.from ? startOfHelsinkiDay(f.from) : undefined,
		until: f.to ? new Date(endOfHelsinkiDay(f.to).getTime() + 1) : undefined
	};
}

function entryView(
	objects: readonly AuditObject[],
	locale: Locale,
	e: Awaited<ReturnType<typeof listAudit>>[number]
) {
	return {
		id: e.id,
		at: new Date(e.created_at),
		actor: e.actor_name ?? null,
		actorEmail: e.actor_email ?? null,
		action: e.action,
		actionLabel: auditActionLabel(locale, e.action),
		object: auditObjectView(objects, locale, e.entity_type, e.entity_id),
		details: auditDetailsText(e.details)
	};
}

/** One page of the log, with what the filters offer. */
export async function auditPage(
	db: Executor,
	objects: readonly AuditObject[],
	locale: Locale,
	f: AuditFilterForm
) {
	const rows = await listAudit(db, {
		...toFilter(f),
		limit: AUDIT_PAGE + 1,
		offset: f.page * AUDIT_PAGE
	});
	const choices = await auditChoices(db);
	return {
		entries: rows.slice(0, AUDIT_PAGE).map((e) => {
			const v = entryView(objects, locale, e);
			return { ...v, at: v.at.toISOString() };
		}),
		hasMore: rows.length > AUDIT_PAGE,
		actors: choices.actors.map((a) => ({ id: a.id, name: `${a.display_name} (${a.email})` })),
		actions: choices.actions
			.map((a) => ({ value: a, label: auditActionLabel(locale, a) }))
			.sort((a, b) => a.label.localeCompare(b.label, locale)),
		objects: choices.entityTypes
			.map((t) => ({ value: t, label: auditObjectView(objects, locale, t, null).label }))
			.sort((a, b) => a.label.localeCompare(b.label, locale))
	};
}

/**
 * The filtered log as a spreadsheet file in the reader's language (at most 50 000 rows, newest
 * first); the export itself is logged.
 */
export async function auditCsv(
	db: Executor,
	objects: readonly AuditObject[],
	locale: Locale,
	actorUserId: string,
	f: AuditFilterForm
): Promise<string> {
	const rows = await listAudit(db, { ...toFilter(f), limit: EXPORT_MAX });
	await recordAudit(db, {
		actorUserId,
		action: 'audit.exported',
		entityType: 'audit_log',
		details: { rows: rows.length }
	});
	const h = (k: string) => translate(locale, `core.admin.${k}`);
	return writeSpreadsheetCsv(
		[
			[
				h('auditWhen'),
				h('auditWho'),
				h('auditEmail'),
				h('auditAction'),
				h('auditActionCode'),
				h('auditTarget'),
				h('auditTargetId'),
				h('auditDetails')
			],
			...rows.map((e) => {
				const v = entryView(objects, locale, e);
				return [
					v.at,
					v.actor ?? '',
					v.actorEmail ?? '',
					v.actionLabel,
					v.action,
					v.object.label,
					v.object.id ?? '',
					v.details
				];
			})
		],
		locale
	);
}
