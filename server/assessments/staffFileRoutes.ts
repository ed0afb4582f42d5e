/**
 * Files for signed-in staff: evidence downloads and the assessment report
 * as PDF. Each download is recorded in the audit log: who took a copy of
 * which vendor's evidence or report, and when.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeIssues } from '../../shared/schemas/common.ts';
import { AssessmentIdParam, EvidenceIdParam } from '../../shared/schemas/sharing.ts';
import type { Db } from '../platform/db/database.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';
import { getReport } from './report/report.ts';
import { renderReportPdf } from './report/reportPdf.ts';
import { openEvidenceForDownload } from './evidence/evidence.ts';
import { sendAppError, sendFile } from '../portal/index.ts';

export interface StaffFileDeps {
  db: Db;
  uploadsDir: string;
  now: () => Date;
  /** The signed-in staff user who has met any MFA requirement, or null. */
  staffUserOf: (request: FastifyRequest) => Promise<{ id: string; name: string } | null>;
}

export function registerStaffFileRoutes(app: FastifyInstance, deps: StaffFileDeps): void {
  const actorOf = (user: { id: string; name: string }, request: FastifyRequest): AuditActor => ({ type: 'user', id: user.id, label: user.name, ip: request.ip });

  app.get<{ Params: { id: string } }>('/api/assessments/:id/report.pdf', async (request, reply) => {
    const user = await deps.staffUserOf(request);
    if (!user) return reply.code(401).send({ error: 'Please sign in.' });
    const id = AssessmentIdParam.safeParse(request.params.id);
    if (!id.success) return reply.code(400).send({ error: describeIssues(id.error.issues) });
    try {
      const report = getReport(deps.db, id.data);
      const pdf = await renderReportPdf(report);
      const name = `tollgate-report-${report.vendor.name.replace(/[^\w-]+/g, '-').toLowerCase()}-${report.assessment.id}.pdf`;
      deps.db.transaction((tx) =>
        recordAudit(tx, { actor: actorOf(user, request), action: 'report.download', targetType: 'assessment', targetId: report.assessment.id, after: { format: 'pdf', vendor: report.vendor.name }, at: deps.now() }),
      );
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(pdf);
    } catch (error) {
      return sendAppError(reply, error);
    }
  });

  app.get<{ Params: { id: string } }>('/api/evidence/:id', async (request, reply) => {
    const user = await deps.staffUserOf(request);
    if (!user) return reply.code(401).send({ error: 'Please sign in.' });
    const id = EvidenceIdParam.safeParse(request.params.id);
    if (!id.success) return reply.code(400).send({ error: describeIssues(id.error.issues) });
    try {
      return sendFile(reply, openEvidenceForDownload(deps.db, deps.uploadsDir, id.data, null, actorOf(user, request), deps.now()));
    } catch (error) {
      return sendAppError(reply, error);
    }
  });
}
