/**
 * Evidence files. The type is decided from the file's bytes, never its name
 * or the browser's claim; files are stored under DATA_DIR/uploads with
 * random names, fsynced before the record that points at them is written,
 * and their SHA-256 is recorded so a copy can be checked later.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { assessments, evidenceFiles, remediationTasks, templateVersions } from '../../drizzle/schema/index.ts';
import type { Db } from '../db/database.ts';
import { AppError, badRequest, notFound, outOfScope } from '../errors.ts';
import { recordAudit, type AuditActor } from '../services/audit.ts';
import { newToken } from './tokens.ts';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Types detected from content that we accept, with the MIME type we store and serve. */
const BINARY_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  cfb: 'application/x-cfb', // legacy .doc / .xls / .ppt
};
const TEXT_TYPES: Record<string, string> = { csv: 'text/csv', txt: 'text/plain', md: 'text/markdown', log: 'text/plain' };

export const ACCEPTED_EVIDENCE = 'PDF, images (PNG, JPEG, GIF, WebP), Office documents, CSV or plain text';

async function detectType(buffer: Buffer, originalName: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(buffer);
  if (detected) return BINARY_TYPES[detected.ext] ?? null;
  // No binary signature: accept only real UTF-8 text without NUL bytes, named as text.
  const ext = path.extname(originalName).slice(1).toLowerCase();
  if (!TEXT_TYPES[ext] || buffer.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return TEXT_TYPES[ext];
  } catch {
    return null;
  }
}

/** Keeps a name safe to show and to send in Content-Disposition. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go.
  const base = path.basename(name).replace(/[\u0000-\u001f\u007f"\\/]/g, '_').trim();
  return (base || 'evidence').slice(0, 200);
}

function writeDurably(file: string, buffer: Buffer) {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, buffer);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface EvidenceTarget {
  assessmentId: number;
  controlId?: string | null;
  taskId?: number | null;
}

export async function storeEvidence(db: Db, uploadsDir: string, target: EvidenceTarget, file: { name: string; buffer: Buffer }, actor: AuditActor, now: Date) {
  if (file.buffer.length === 0) throw badRequest('The file is empty.');
  if (file.buffer.length > MAX_EVIDENCE_BYTES) throw new AppError('BAD_REQUEST', 'The file is larger than 20 MB.');
  const mimeType = await detectType(file.buffer, file.name);
  if (!mimeType) throw badRequest(`This kind of file is not accepted. Upload ${ACCEPTED_EVIDENCE}.`);

  mkdirSync(uploadsDir, { recursive: true });
  const storedName = newToken();
  const fullPath = path.join(uploadsDir, storedName);
  writeDurably(fullPath, file.buffer);
  try {
    return db.transaction((tx) => {
      const a = tx.select({ content: templateVersions.content }).from(assessments).innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId)).where(eq(assessments.id, target.assessmentId)).get();
      if (!a) throw notFound('The assessment');
      if (target.controlId && !a.content.controls.some((c) => c.id === target.controlId)) throw badRequest(`${target.controlId} is not a question of this questionnaire.`);
      if (target.taskId) {
        const task = tx.select({ assessmentId: remediationTasks.assessmentId }).from(remediationTasks).where(eq(remediationTasks.id, target.taskId)).get();
        if (!task) throw notFound('The task');
        if (task.assessmentId !== target.assessmentId) throw outOfScope('The task');
      }
      const row = tx
        .insert(evidenceFiles)
        .values({
          assessmentId: target.assessmentId,
          controlId: target.controlId ?? null,
          taskId: target.taskId ?? null,
          originalName: cleanName(file.name),
          storedName,
          mimeType,
          sizeBytes: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          uploadedBy: actor.label,
          createdAt: now,
        })
        .returning()
        .get();
      recordAudit(tx, { actor, action: 'evidence.upload', targetType: 'assessment', targetId: target.assessmentId, after: { evidenceId: row.id, controlId: row.controlId, taskId: row.taskId, name: row.originalName, sha256: row.sha256 }, at: now });
      return { id: row.id, name: row.originalName, sizeBytes: row.sizeBytes, sha256: row.sha256, mimeType, controlId: row.controlId, taskId: row.taskId };
    });
  } catch (error) {
    rmSync(fullPath, { force: true });
    throw error;
  }
}

/** An evidence file, only if it belongs to the given assessment (when one is given). */
export function findEvidence(db: Db, evidenceId: number, assessmentId: number | null) {
  const row = db.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, evidenceId), isNull(evidenceFiles.deletedAt))).get();
  if (!row) throw notFound('The file');
  if (assessmentId !== null && row.assessmentId !== assessmentId) throw outOfScope('The file');
  return row;
}

export function removeEvidence(db: Db, evidenceId: number, assessmentId: number, actor: AuditActor, now: Date) {
  db.transaction((tx) => {
    const row = tx.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.deletedAt))).get();
    if (!row) throw notFound('The file');
    // Kept on disk and in the table: an uploaded file stays part of the record.
    tx.update(evidenceFiles).set({ deletedAt: now }).where(eq(evidenceFiles.id, row.id)).run();
    recordAudit(tx, { actor, action: 'evidence.remove', targetType: 'assessment', targetId: assessmentId, before: { evidenceId: row.id, name: row.originalName }, at: now });
  });
}
