export {
	recordAudit,
	listAudit,
	forgetInAudit,
	type AuditEntry,
	type AuditFilter
} from './audit.service';
