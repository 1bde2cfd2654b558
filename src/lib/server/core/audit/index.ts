export { recordAudit, listAudit, type AuditEntry, type AuditFilter } from './audit.service';
