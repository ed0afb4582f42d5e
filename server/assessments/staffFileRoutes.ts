/**
 * Files for signed-in staff: evidence downloads, the assessment report
 * as PDF and the assessment results as OSCAL JSON. Each download is recorded in the audit log: who took a copy of
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
import { buildOscalResults } from './report/oscalResults.ts';
import { openEvidenceForDownload } from './evidence/evidence.ts';
import { parseInput } from '../platform/errors.ts';
import { sendFile } from '../platform/http/download.ts';

export interface StaffFileDeps {
  db: Db;
  uploadsDir: string;
  /** Where evidence links in exported documents point, and what their UUIDs derive from. */
  publicUrl: string;
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

  // The same readers as the report: an auditor takes the results into a GRC tool.
  app.get<{ Params: { id: string } }>('/api/assessments/:id/oscal-results.json', { config: STAFF_ONLY }, async (request, reply) => {
    const id = parseInput(AssessmentIdParam, request.params.id);
    const document = buildOscalResults(deps.db, id, { publicUrl: deps.publicUrl });
    const vendor = document['assessment-results'].metadata.parties.find((p) => p.props?.some((prop) => prop.name === 'vendor-id'))?.name ?? 'vendor';
    const name = `tollgate-oscal-results-${vendor.replace(/[^\w-]+/g, '-').toLowerCase()}-${id}.json`;
    deps.db.transaction((tx) =>
      recordAudit(tx, { actor: actorOf(request), action: 'report.oscal_export', targetType: 'assessment', targetId: id, after: { format: 'oscal-json', oscalVersion: document['assessment-results'].metadata['oscal-version'], vendor }, at: deps.now() }),
    );
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(document, null, 2));
  });

  app.get<{ Params: { id: string } }>('/api/evidence/:id', { config: STAFF_ONLY }, async (request, reply) => {
    const id = parseInput(EvidenceIdParam, request.params.id);
    return sendFile(reply, openEvidenceForDownload(deps.db, deps.uploadsDir, id, null, actorOf(request), deps.now()));
  });
}
