/** Files for signed-in staff: evidence downloads and the assessment report as PDF. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { getReport } from '../services/report.ts';
import { renderReportPdf } from '../services/reportPdf.ts';
import { findEvidence } from '../sharing/evidence.ts';
import { sendAppError, sendFile } from './linkRoutes.ts';

export interface StaffFileDeps {
  db: Db;
  uploadsDir: string;
  /** The signed-in staff user who has met any MFA requirement, or null. */
  staffUserOf: (request: FastifyRequest) => Promise<{ id: string; name: string } | null>;
}

export function registerStaffFileRoutes(app: FastifyInstance, deps: StaffFileDeps): void {
  app.get<{ Params: { id: string } }>('/api/assessments/:id/report.pdf', async (request, reply) => {
    const user = await deps.staffUserOf(request);
    if (!user) return reply.code(401).send({ error: 'Please sign in.' });
    try {
      const report = getReport(deps.db, Number(request.params.id) || 0);
      const pdf = await renderReportPdf(report);
      const name = `tollgate-report-${report.vendor.name.replace(/[^\w-]+/g, '-').toLowerCase()}-${report.assessment.id}.pdf`;
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(pdf);
    } catch (error) {
      return sendAppError(reply, error);
    }
  });

  app.get<{ Params: { id: string } }>('/api/evidence/:id', async (request, reply) => {
    const user = await deps.staffUserOf(request);
    if (!user) return reply.code(401).send({ error: 'Please sign in.' });
    try {
      return sendFile(reply, deps.uploadsDir, findEvidence(deps.db, Number(request.params.id) || 0, null));
    } catch (error) {
      return sendAppError(reply, error);
    }
  });
}
