/**
 * The assessment report as a PDF, laid out with pdfkit (its standard
 * fonts are built in: nothing is fetched). Same content as the printable
 * page: summary, position, domain scores, failing controls with their
 * references, tasks and evidence.
 */
import { formatISO } from 'date-fns';
import { describeCriticalBecause } from '#shared/scoring/accessPath.ts';
import type { AssessmentReport } from './report.ts';

const BAND_COLOURS: Record<string, string> = { low: '#2b8a3e', medium: '#e67700', high: '#d9480f', critical: '#c92a2a' };

export async function renderReportPdf(report: AssessmentReport): Promise<Buffer> {
  // Loaded with the first PDF, not at start: pdfkit and its font code are large, and PDFs are occasional (docs/decisions/0031-start-up-memory.md).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Assessment report: ${report.vendor.name}`, Author: 'Tollgate' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => {
    if (doc.y > 720) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1a1b1e').text(text).moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const line = (label: string, value: string) => doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

  const { assessment, position } = report;
  doc.font('Helvetica-Bold').fontSize(18).text(`${report.vendor.name}: security assessment`);
  doc.font('Helvetica').fontSize(10).fillColor('#495057').text(report.vendor.serviceDescription || '').fillColor('#1a1b1e').moveDown(0.5);
  if (report.organisation) line('Assessed for', report.organisation);
  line('Questionnaire', `${assessment.templateName} v${assessment.templateVersion}`);
  line('Completed', assessment.completedAt ? formatISO(assessment.completedAt, { representation: 'date' }) : '-');
  line('Assessor', assessment.assessorName ?? '-');

  heading('Position');
  doc.font('Helvetica-Bold').fontSize(12).fillColor(BAND_COLOURS[position.band] ?? '#1a1b1e').text(`${position.band.toUpperCase()}: residual ${position.residual} of 25`);
  doc.fillColor('#1a1b1e').font('Helvetica').fontSize(10);
  line('Grade', `${position.grade} (score ${position.score.toFixed(1)} / 100)`);
  line('Likelihood x impact', `${position.likelihoodLabel} (${position.likelihood}) x ${position.impactLabel} (${position.impact})`);
  line('Inherent risk', `${position.inherentResidual} of 25`);
  if (position.projectedResidual !== null) line('Projected once tasks close', `${position.projectedResidual} of 25`);
  if (position.criticalFailures.length) line('Critical controls failed', position.criticalFailures.join(', '));
  if (report.comparison?.previous) {
    const p = report.comparison.previous;
    line('Previous assessment', `${p.grade ?? '-'}, residual ${p.residual ?? '-'} (${p.band ?? '-'})`);
    if (report.comparison.newlyFailing.length) line('Newly failing', report.comparison.newlyFailing.map((c) => c.name).join(', '));
    if (report.comparison.fixed.length) line('Fixed since', report.comparison.fixed.map((c) => c.name).join(', '));
  }

  heading('Score by domain');
  for (const d of report.domains) line(d.name, d.score === null ? 'not applicable' : `${d.score.toFixed(1)} / 100`);

  heading(`Failing controls (${report.failing.length})`);
  if (report.accessPathNotAsked.length) {
    doc.text(`This vendor's access makes ${report.accessPathNotAsked.join(', ')} critical for it, but this questionnaire did not ask ${report.accessPathNotAsked.length > 1 ? 'them' : 'it'}.`).moveDown(0.3);
  }
  if (!report.failing.length) doc.text('None.');
  for (const f of report.failing) {
    if (doc.y > 740) doc.addPage();
    const severity = f.criticalBecause.length ? `critical for this vendor, ${f.catalogueSeverity} in the catalogue` : `${f.severity}${f.critical ? ', critical' : ''}`;
    doc.font('Helvetica-Bold').text(`${f.controlId} ${f.title}`, { continued: true }).font('Helvetica').text(`  (${severity}; ${f.outcome.replace('_', ' ')})`);
    for (const reason of f.criticalBecause) doc.text(describeCriticalBecause(reason));
    doc.fillColor('#495057').text(f.references.map((r) => (r.ref ? `${r.source} ${r.ref}` : r.source)).join('; ')).fillColor('#1a1b1e');
    if (f.reviewNote) doc.text(`Reviewer: ${f.reviewNote}`);
    doc.moveDown(0.3);
  }

  heading(`Remediation tasks (${report.tasks.length})`);
  if (!report.tasks.length) doc.text('None.');
  for (const t of report.tasks) {
    const accepted = t.status === 'risk_accepted' ? `, accepted by ${t.acceptedByName ?? 'a removed account'} until ${t.acceptanceExpiresOn ?? 'no date'} (still counted as failed)` : '';
    doc.text(`${t.controlId}  ${t.severity}  due ${t.dueDate}  ${t.status.replaceAll('_', ' ')}${accepted}`);
  }

  heading(`Evidence (${report.evidence.length})`);
  if (!report.evidence.length) doc.text('None attached.');
  for (const e of report.evidence) doc.text(`${e.name} (${e.controlId ?? 'task'}, ${Math.ceil(e.sizeBytes / 1024)} KB)  SHA-256 ${e.sha256}`);

  doc.end();
  return done;
}
