/**
 * Downloads of the vendor inventory: GET /api/export/vendors.csv,
 * /api/export/holdings.csv and /api/export/vendors.xlsx (both as sheets).
 * Any signed-in staff role may export, once it has given the second factor
 * it owes; everyone else gets 401.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffSession } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { EXPORT_FILES, exportInventory } from './exports.ts';
import { MFA_REQUIRED_MESSAGE } from '../platform/trpc.ts';
import { limit } from '../platform/http/rateLimit.ts';

export interface ExportRouteDeps {
  db: Db;
  now: () => Date;
  /** The staff session behind the request's cookie, or null. */
  staffOf: (request: FastifyRequest) => Promise<StaffSession | null>;
}

export async function registerExportRoutes(app: FastifyInstance, deps: ExportRouteDeps): Promise<void> {
  for (const file of EXPORT_FILES) {
    // Building a workbook of the whole inventory is the heaviest read there is: a few a minute is plenty.
    app.get(`/api/export/${file}`, { preHandler: [limit(app, 20, '1 minute')] }, async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const staff = await deps.staffOf(request);
      if (!staff) return reply.code(401).send({ error: 'Please sign in.' });
      if (staff.mfa.required && !staff.mfa.satisfied) return reply.code(401).send({ error: MFA_REQUIRED_MESSAGE });
      const actor = { type: 'user' as const, id: staff.user.id, label: staff.user.name, ip: request.ip };
      const result = await exportInventory(deps.db, file, actor, deps.now());
      return reply
        .header('content-type', result.contentType)
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .send(result.body);
    });
  }
}
