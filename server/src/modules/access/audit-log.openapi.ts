import { apiRoutes, json } from '../../core/openapi/api-route';
import { AuditPageSchema } from '../../contracts/audit/audit-entry-view.types';
import { auditQuerySchema } from './audit-log.routes';

export const auditApi = apiRoutes('audit', [
  {
    method: 'get', path: '/api/audit', query: auditQuerySchema,
    summary: 'The audit trail of the organisation, newest first (read-only: no route changes an entry)', responses: { 200: json('A page of audit entries', AuditPageSchema, 'AuditPage'), 403: 'The role may not read the audit trail' },
  },
]);
