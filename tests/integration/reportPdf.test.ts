/** The assessment report as a PDF, for signed-in staff only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments } from '../../drizzle/schema/index.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { completeAssessment, createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { pdfText } from '../helpers/pdfText.ts';

let server: TestServer;
let cookie: string;
let completed: number;
let draft: number;
let widget: number;

beforeAll(async () => {
  const { db } = createTestDatabase();
  const vendorId = createVendor(db, { name: 'Pdf Vendor', holdings: [{ category: 'contact.email', records: 5_000 }] });
  completed = completeAssessment(db, vendorId, { exceptions: { 'IAM-01': 'no', 'GOV-03': 'partial' } });
  draft = db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'core').id, status: 'draft' }).returning().get().id;
  // The chat widget of docs/scoring.md section 15.4: its privileged integration makes INT-01, INT-02 and INT-05 critical for it.
  const widgetId = createVendor(db, { name: 'Chat widget', services: ['saas'], integrations: [{ name: 'CRM sync', access: 'privileged' }], holdings: [{ category: 'comms.content', records: 50_000 }] });
  widget = completeAssessment(db, widgetId, { exceptions: { 'INT-01': 'no', 'INT-02': 'no', 'INT-03': 'no', 'INT-04': 'no', 'INT-05': 'no', 'INT-06': 'no' } });
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

  it("says why a control is critical for this vendor, naming its integration, and keeps the catalogue's severity of the others", async () => {
    const response = await fetch(`${server.base}/api/assessments/${widget}/report.pdf`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain('INT-02 Admin approval');
    expect(text).toContain('(critical for this vendor, high in the catalogue; not met)');
    expect(text.match(/Critical for this vendor because of its privileged integration 'CRM sync': a stolen token/g)).toHaveLength(3);
    expect(text).toContain('(medium; not met)');
  });

  it('refuses callers without a staff session, and assessments not yet completed', async () => {
    expect((await fetch(`${server.base}/api/assessments/${completed}/report.pdf`)).status).toBe(401);
    const early = await fetch(`${server.base}/api/assessments/${draft}/report.pdf`, { headers: { cookie } });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toContain('once the review is completed');
    expect((await fetch(`${server.base}/api/assessments/999999/report.pdf`, { headers: { cookie } })).status).toBe(404);
  });
});
