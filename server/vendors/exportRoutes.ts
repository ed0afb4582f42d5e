/**
 * Downloads of the vendor inventory: GET /api/export/vendors.csv,
 * /api/export/holdings.csv and /api/export/vendors.xlsx (both as sheets).
 * Any signed-in staff role may export, once it has given the second factor
 * it owes, as for the procedures that read the inventory.
 */
import type { FastifyInstance } from 'fastify';
import type {} from '../platform/http/routeAccess.ts';
// Route `config.access` and `request.staff` / `request.link` (platform/http/routeAccess.ts).
import { STAFF_ROLES } from '#shared/statuses.ts';
import type { Db } from '../platform/db/database.ts';
import { limit } from '../platform/http/rateLimit.ts';
import { EXPORT_FILES, exportInventory } from './exports.ts';

export interface ExportRouteDeps {
  db: Db;
  now: () => Date;
}

export async function registerExportRoutes(app: FastifyInstance, deps: ExportRouteDeps): Promise<void> {
  for (const file of EXPORT_FILES) {
    // Building a workbook of the whole inventory is the heaviest read there is: a few a minute is plenty.
    app.get(`/api/export/${file}`, { config: { access: { kind: 'staff', roles: STAFF_ROLES } }, preHandler: [limit(app, 20, '1 minute')] }, async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const staff = request.staff!;
      const actor = { type: 'user' as const, id: staff.user.id, label: staff.user.name, ip: request.ip };
      const result = await exportInventory(deps.db, file, actor, deps.now());
      return reply
        .header('content-type', result.contentType)
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .send(result.body);
    });
  }
}
