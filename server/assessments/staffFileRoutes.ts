/**
 * Files for signed-in staff: evidence downloads and the assessment report
 * as PDF. Each download is recorded in the audit log: who took a copy of
 * which vendor's evidence or report, and when.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '../platform/http/routeAccess.ts';
// Route `config.access` and `request.staff` / `request.link` (platform/http/routeAccess.ts).
import { STAFF_ROLES } from '#shared/statuses.ts';
import { AssessmentIdParam, EvidenceIdParam } from '#shared/schemas/sharing.ts';
import type { Db } from '../platform/db/database.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';
import { getReport } from './report/report.ts';
import { renderReportPdf } from './report/reportPdf.ts';
import { openEvidenceForDownload } from './evidence/evidence.ts';
import { parseInput } from '../platform/errors.ts';
import { sendFile } from '../platform/http/download.ts';

export interface StaffFileDeps {
  db: Db;
  uploadsDir: string;
  now: () => Date;
}

export function registerStaffFileRoutes(app: FastifyInstance, deps: StaffFileDeps): void {
  const actorOf = (request: FastifyRequest): AuditActor => ({ type: 'user', id: request.staff!.user.id, label: request.staff!.user.name, ip: request.ip });
  // Every staff role reads evidence and reports, once it has given any second factor it owes.
  const STAFF_ONLY = { access: { kind: 'staff', roles: STAFF_ROLES } } as const;

  app.get<{ Params: { id: string } }>('/api/assessments/:id/report.pdf', { config: STAFF_ONLY }, async (request, reply) => {
    const id = parseInput(AssessmentIdParam, request.params.id);
    {
      const report = getReport(deps.db, id);
      const pdf = await renderReportPdf(report);
      const name = `tollgate-report-${report.vendor.name.replace(/[^\w-]+/g, '-').toLowerCase()}-${report.assessment.id}.pdf`;
      deps.db.transaction((tx) =>
        recordAudit(tx, { actor: actorOf(request), action: 'report.download', targetType: 'assessment', targetId: report.assessment.id, after: { format: 'pdf', vendor: report.vendor.name }, at: deps.now() }),
      );
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(pdf);
    }
  });

  app.get<{ Params: { id: string } }>('/api/evidence/:id', { config: STAFF_ONLY }, async (request, reply) => {
    const id = parseInput(EvidenceIdParam, request.params.id);
    return sendFile(reply, openEvidenceForDownload(deps.db, deps.uploadsDir, id, null, actorOf(request), deps.now()));
  });
}
