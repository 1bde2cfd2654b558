export {
	recordAudit,
	listAudit,
	auditChoices,
	forgetInAudit,
	type AuditEntry,
	type AuditFilter
} from './audit.service';
export {
	CORE_AUDIT_OBJECTS,
	auditActionLabel,
	auditDetailsText,
	auditObjectView,
	type AuditObjectView
} from './audit-labels';
export { auditFilterSchema, type AuditFilterForm } from './audit.schemas';
export { AUDIT_PAGE, auditCsv, auditPage } from './audit-view';
