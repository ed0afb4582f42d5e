/** The assessment report as a PDF, for signed-in staff only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments } from '../../drizzle/schema/index.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { completeAssessment, createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let server: TestServer;
let cookie: string;
let completed: number;
let draft: number;

beforeAll(async () => {
  const { db } = createTestDatabase();
  const vendorId = createVendor(db, { name: 'Pdf Vendor', holdings: [{ category: 'contact.email', records: 5_000 }] });
  completed = completeAssessment(db, vendorId, { exceptions: { 'IAM-01': 'no', 'GOV-03': 'partial' } });
  draft = db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'core').id, status: 'draft' }).returning().get().id;
  server = await startTestServer(db);
  const user = await createUserWithPassword(server.auth, 'auditor');
  cookie = (await signIn(server.base, user.email)).cookie!;
});
afterAll(() => server.close());

describe('GET /api/assessments/:id/report.pdf', () => {
  it('downloads a PDF of a completed assessment', async () => {
    const response = await fetch(`${server.base}/api/assessments/${completed}/report.pdf`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tollgate-report-pdf-vendor-${completed}.pdf"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2_000);
  });

  it('refuses callers without a staff session, and assessments not yet completed', async () => {
    expect((await fetch(`${server.base}/api/assessments/${completed}/report.pdf`)).status).toBe(401);
    const early = await fetch(`${server.base}/api/assessments/${draft}/report.pdf`, { headers: { cookie } });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toContain('once the review is completed');
    expect((await fetch(`${server.base}/api/assessments/999999/report.pdf`, { headers: { cookie } })).status).toBe(404);
  });
});
