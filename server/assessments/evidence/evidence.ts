/**
 * Evidence files. The type is decided from the file's bytes, never its name
 * or the browser's claim; files are stored under DATA_DIR/uploads with
 * random names, fsynced before the record that points at them is written,
 * and their SHA-256 is recorded so a copy can be checked later.
 *
 * Every rule about whether a file may be added (the question or task is
 * still the vendor's to work on, the assessment's quota) is checked again
 * inside the transaction that stores the record: an upload takes seconds,
 * and the questionnaire may be submitted while it travels.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { and, asc, count, eq, inArray, isNotNull, isNull, sum } from 'drizzle-orm';
import { VENDOR_EDITABLE_STATUSES } from '#shared/assessmentLifecycle.ts';
import { EVIDENCE_QUOTA, formatFileSize, MAX_EVIDENCE_BYTES } from '#shared/evidence.ts';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { assessments, evidenceFiles, remediationTasks, templateVersions } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound, outOfScope } from '../../platform/errors.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../platform/audit/auditTrail.ts';
import { unsentReplyFiles, vendorMayReply } from '../review/thread.ts';
import { cleanEvidenceName } from '../../platform/fileNames.ts';
import { newToken } from '../../platform/tokens.ts';
import { detectType } from './fileTypes.ts';

export { MAX_EVIDENCE_BYTES };

export interface EvidenceLimits {
  /** Files one assessment may hold. */
  maxFilesPerAssessment: number;
  /** Bytes one assessment may hold. */
  maxBytesPerAssessment: number;
  /** Free space the disk must keep after a file is stored: the database and its log need room to go on working. */
  minFreeBytes: number;
}

export const EVIDENCE_LIMITS: EvidenceLimits = {
  maxFilesPerAssessment: EVIDENCE_QUOTA.files,
  maxBytesPerAssessment: EVIDENCE_QUOTA.bytes,
  minFreeBytes: 1024 * 1024 * 1024,
};

const STORAGE_FULL = 'Tollgate is short of storage space and cannot take files just now. Your answers are saved; try the upload again later.';

const isDiskFull = (error: unknown) => error instanceof Error && 'code' in error && (error.code === 'ENOSPC' || error.code === 'EDQUOT' || error.code === 'SQLITE_FULL');
const PARTIAL_SUFFIX = '.part';
const storageFull = () => new AppError('SERVICE_UNAVAILABLE', STORAGE_FULL);

/** Refuses a file that would leave the disk with less than the reserve the database needs. */
function checkFreeSpace(uploadsDir: string, size: number, limits: EvidenceLimits) {
  let free: number;
  try {
    const stats = statfsSync(uploadsDir);
    free = stats.bavail * stats.bsize;
  } catch {
    return; // A file system that cannot say: the write itself still fails cleanly when the disk is full.
  }
  if (free - size < limits.minFreeBytes) throw storageFull();
}

/**
 * Writes under a temporary name (`NAME.part`), makes it durable, then
 * renames it into place: a file under its stored name is always complete,
 * whatever happens mid-write (a full disk, a crash). A failed write removes
 * its temporary file; one a crash left behind is cleared by the purge job.
 */
function writeDurably(file: string, buffer: Buffer) {
  const partial = `${file}${PARTIAL_SUFFIX}`;
  let fd: number;
  try {
    fd = openSync(partial, 'wx', 0o600);
  } catch (error) {
    throw isDiskFull(error) ? storageFull() : error;
  }
  let open = true;
  try {
    for (let written = 0; written < buffer.length; ) written += writeSync(fd, buffer, written);
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    renameSync(partial, file);
    // The directory entry too: after a crash, a stored record must find its file.
    const dir = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch (error) {
    if (open) closeSync(fd);
    // Never leave a partial or empty file behind (a full disk would otherwise leave zero-byte files).
    rmSync(partial, { force: true });
    rmSync(file, { force: true });
    throw isDiskFull(error) ? storageFull() : error;
  }
}

/** A file is for exactly one question or one task of the assessment. */
export type EvidenceTarget = { assessmentId: number; controlId: string; taskId?: never } | { assessmentId: number; taskId: number; controlId?: never };

const UPLOAD_REFUSAL = {
  question: 'This questionnaire was submitted and is read-only: files can no longer be added to it.',
  task: 'This task is closed: files can no longer be added to it.',
};
const REMOVAL_REFUSAL = {
  question: 'This file belongs to a submitted questionnaire and stays on record.',
  task: 'This file belongs to a closed task and stays on record.',
};

/**
 * Whether the vendor may still add files to, or remove files from, a
 * question or a task: a question's while the questionnaire is open to the
 * vendor, or while the reviewer waits for its reply on that question (a new
 * file can go with the reply, and can be taken back until the reply is
 * sent); a task's while the task is still the vendor's to work on. The one
 * rule for every way a vendor attaches evidence; call it inside the
 * transaction that acts on it.
 */
function assertOpenToVendor(
  tx: Db | Tx,
  on: { assessmentId: number; taskId: number | null; controlId: string | null; evidenceId?: number },
  refusal: { question: string; task: string },
) {
  const { assessmentId, taskId, controlId } = on;
  if (taskId === null) {
    const a = tx.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get();
    if (!a) throw notFound('The assessment');
    if (VENDOR_EDITABLE_STATUSES.includes(a.status)) return;
    const forReply =
      controlId !== null &&
      (on.evidenceId === undefined ? vendorMayReply(tx, assessmentId, controlId) : unsentReplyFiles(tx, assessmentId, controlId).some((f) => f.id === on.evidenceId));
    if (!forReply) throw new AppError('PRECONDITION_FAILED', refusal.question);
    return;
  }
  const task = tx.select({ status: remediationTasks.status, assessmentId: remediationTasks.assessmentId }).from(remediationTasks).where(eq(remediationTasks.id, taskId)).get();
  if (!task) throw notFound('The task');
  // A task of another assessment is "not found", never "forbidden": nothing leaks about it, and the reach is recorded as refused.
  if (task.assessmentId !== assessmentId) throw outOfScope('The task');
  if (!ACTIVE_TASK_STATUSES.includes(task.status)) throw new AppError('PRECONDITION_FAILED', refusal.task);
}

function assertTargetAcceptsFiles(tx: Db | Tx, target: EvidenceTarget) {
  if (target.controlId !== undefined) {
    const a = tx
      .select({ content: templateVersions.content, template: templateVersions.template })
      .from(assessments)
      .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
      .where(eq(assessments.id, target.assessmentId))
      .get();
    if (!a) throw notFound('The assessment');
    if (!askedVersion(a).questions.some((c) => c.id === target.controlId)) throw badRequest(`${target.controlId} is not a question of this questionnaire.`);
  }
  assertOpenToVendor(tx, { assessmentId: target.assessmentId, taskId: target.taskId ?? null, controlId: target.controlId ?? null }, UPLOAD_REFUSAL);
}

function assertWithinQuota(tx: Db | Tx, assessmentId: number, size: number, limits: EvidenceLimits) {
  const held = tx
    .select({ files: count(), bytes: sum(evidenceFiles.sizeBytes).mapWith(Number) })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.deletedAt)))
    .get()!;
  const bytes = held.bytes || 0;
  if (held.files + 1 > limits.maxFilesPerAssessment) {
    throw new AppError('PAYLOAD_TOO_LARGE', `This assessment already holds ${held.files} files, the most it can hold. Remove a file it no longer needs, or combine several into one PDF.`);
  }
  if (bytes + size > limits.maxBytesPerAssessment) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `This file would take the assessment's evidence past ${formatFileSize(limits.maxBytesPerAssessment)}, the most one assessment can hold (${formatFileSize(bytes)} used). Remove files it no longer needs, or upload a smaller file.`,
    );
  }
}

export async function storeEvidence(
  db: Db,
  uploadsDir: string,
  target: EvidenceTarget,
  file: { name: string; buffer: Buffer },
  actor: AuditActor,
  now: Date,
  limits: EvidenceLimits = EVIDENCE_LIMITS,
) {
  if (file.buffer.length === 0) throw badRequest('The file is empty.');
  if (file.buffer.length > MAX_EVIDENCE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${formatFileSize(MAX_EVIDENCE_BYTES)}.`);
  const type = await detectType(file.buffer, file.name);
  const originalName = cleanEvidenceName(file.name, type.extensions);

  // Refuse early what would be refused anyway, before writing 20 MB to disk.
  assertTargetAcceptsFiles(db, target);
  assertWithinQuota(db, target.assessmentId, file.buffer.length, limits);
  mkdirSync(uploadsDir, { recursive: true });
  checkFreeSpace(uploadsDir, file.buffer.length, limits);

  const storedName = newToken();
  const fullPath = path.join(uploadsDir, storedName);
  writeDurably(fullPath, file.buffer);
  try {
    return db.transaction((tx) => {
      // Again, where it counts: inside the transaction nothing can change between this check and the record.
      assertTargetAcceptsFiles(tx, target);
      assertWithinQuota(tx, target.assessmentId, file.buffer.length, limits);
      const row = tx
        .insert(evidenceFiles)
        .values({
          assessmentId: target.assessmentId,
          controlId: target.controlId ?? null,
          taskId: target.taskId ?? null,
          originalName,
          storedName,
          mimeType: type.mimeType,
          sizeBytes: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          uploadedBy: actor.label,
          createdAt: now,
        })
        .returning()
        .get();
      recordAudit(tx, { actor, action: 'evidence.upload', targetType: 'assessment', targetId: target.assessmentId, after: { evidenceId: row.id, controlId: row.controlId, taskId: row.taskId, name: row.originalName, sizeBytes: row.sizeBytes, sha256: row.sha256 }, at: now });
      return { id: row.id, name: row.originalName, sizeBytes: row.sizeBytes, sha256: row.sha256, mimeType: row.mimeType, controlId: row.controlId, taskId: row.taskId };
    });
  } catch (error) {
    rmSync(fullPath, { force: true });
    // The database's disk (or its size limit) is full: the same plain answer as for the file itself.
    throw isDiskFull(error) ? storageFull() : error;
  }
}

/** An evidence file, only if it belongs to the given assessment (when one is given). */
export function findEvidence(db: Db, evidenceId: number, assessmentId: number | null) {
  const row = db.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, evidenceId), isNull(evidenceFiles.deletedAt))).get();
  if (!row) throw notFound('The file');
  if (assessmentId !== null && row.assessmentId !== assessmentId) throw outOfScope('The file');
  return row;
}

export type EvidenceRow = ReturnType<typeof findEvidence>;

/**
 * Opens an evidence file for download and records who downloaded it. The
 * file is opened first, so a file missing from disk is a clear 404 rather
 * than a download cut off after its headers.
 */
export function openEvidenceForDownload(db: Db, uploadsDir: string, evidenceId: number, assessmentId: number | null, actor: AuditActor, now: Date): { file: EvidenceRow; fd: number } {
  const file = findEvidence(db, evidenceId, assessmentId);
  let fd: number;
  try {
    fd = openSync(path.join(uploadsDir, file.storedName), 'r');
  } catch {
    throw notFound('The content of this file');
  }
  try {
    db.transaction((tx) =>
      recordAudit(tx, { actor, action: 'evidence.download', targetType: 'assessment', targetId: file.assessmentId, after: { evidenceId: file.id, controlId: file.controlId, taskId: file.taskId, name: file.originalName, sha256: file.sha256 }, at: now }),
    );
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { file, fd };
}

/**
 * Removes a file the vendor no longer wants: the record goes (the audit
 * entry keeps its name and hash), then, once that is committed, the file
 * itself. Never a record without its file; a crash in between leaves only
 * a file no record points at, which `purgeUnusedEvidence` clears.
 */
export function removeEvidence(db: Db, uploadsDir: string, evidenceId: number, assessmentId: number, actor: AuditActor, now: Date) {
  const storedName = db.transaction((tx) => {
    const row = tx.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.deletedAt))).get();
    if (!row) throw notFound('The file');
    assertOpenToVendor(tx, { assessmentId, taskId: row.taskId, controlId: row.controlId, evidenceId: row.id }, REMOVAL_REFUSAL);
    tx.delete(evidenceFiles).where(eq(evidenceFiles.id, row.id)).run();
    recordAudit(tx, { actor, action: 'evidence.remove', targetType: 'assessment', targetId: assessmentId, before: { evidenceId: row.id, controlId: row.controlId, taskId: row.taskId, name: row.originalName, sizeBytes: row.sizeBytes, sha256: row.sha256, ...(row.carriedFromId !== null ? { carriedFromId: row.carriedFromId } : {}) }, at: now });
    // A file carried over between assessments has a record in each: it stays while another record needs it.
    return storedFileStillUsed(tx, row.storedName) ? null : row.storedName;
  });
  if (storedName) deleteStoredFile(uploadsDir, storedName);
}

function storedFileStillUsed(tx: Db | Tx, storedName: string): boolean {
  return tx.select({ id: evidenceFiles.id }).from(evidenceFiles).where(and(eq(evidenceFiles.storedName, storedName), isNull(evidenceFiles.deletedAt))).limit(1).get() !== undefined;
}

/** Best effort: a file that cannot be deleted now is left to `purgeUnusedEvidence`. Says whether it went. */
function deleteStoredFile(uploadsDir: string, storedName: string): boolean {
  try {
    rmSync(path.join(uploadsDir, storedName), { force: true });
    return true;
  } catch {
    // Kept for the next purge; the record is already gone, which is what people see.
    return false;
  }
}

/** Stored names are newToken()s, and NAME.part while being written; nothing else in the directory is ever touched. */
const STORED_NAME = /^[\w-]{43}(\.part)?$/;
/** A file younger than this may belong to an upload whose record is still being written. */
const UNCLAIMED_FILE_AGE_MS = 60 * 60 * 1000;

/**
 * Clears, at most `limit` at a time (a scheduled job), what was left on
 * disk without a purpose: files of records removed by earlier versions of
 * Tollgate, which kept both, and files no record points at (a crash between
 * committing a removal and deleting the file, or between writing an upload
 * and storing its record). Returns how many it cleared.
 */
export function purgeUnusedEvidence(db: Db, uploadsDir: string, now: Date, limit: number): number {
  let done = 0;
  const removed = db.select().from(evidenceFiles).where(isNotNull(evidenceFiles.deletedAt)).orderBy(asc(evidenceFiles.id)).limit(limit).all();
  for (const row of removed) {
    db.transaction((tx) => {
      tx.delete(evidenceFiles).where(eq(evidenceFiles.id, row.id)).run();
      recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'evidence.purge',
        targetType: 'assessment',
        targetId: row.assessmentId,
        before: { evidenceId: row.id, controlId: row.controlId, taskId: row.taskId, name: row.originalName, sizeBytes: row.sizeBytes, sha256: row.sha256, removedAt: row.deletedAt },
        at: now,
      });
    });
    if (!storedFileStillUsed(db, row.storedName)) deleteStoredFile(uploadsDir, row.storedName);
    done += 1;
  }
  if (done >= limit) return done;

  let names: string[];
  try {
    names = readdirSync(uploadsDir).filter((name) => STORED_NAME.test(name));
  } catch {
    return done; // No uploads directory yet: nothing to clear.
  }
  for (let i = 0; i < names.length; i += 500) {
    const chunk = names.slice(i, i + 500);
    const claimed = new Set(db.select({ name: evidenceFiles.storedName }).from(evidenceFiles).where(inArray(evidenceFiles.storedName, chunk)).all().map((r) => r.name));
    for (const name of chunk) {
      if (claimed.has(name)) continue;
      const stats = statSync(path.join(uploadsDir, name), { throwIfNoEntry: false });
      if (!stats?.isFile() || now.getTime() - stats.mtimeMs < UNCLAIMED_FILE_AGE_MS) continue;
      // Only what really went counts: a file that cannot be deleted must not keep the job looping.
      if (!deleteStoredFile(uploadsDir, name)) continue;
      done += 1;
      if (done >= limit) return done;
    }
  }
  return done;
}
