/**
 * The review conversation on each answer: the reviewer's questions,
 * rejection and acceptance notes, and the vendor's replies (with any new
 * evidence), kept as an append-only thread with author and time. The
 * answer itself never changes through it: only the vendor's answer saves
 * do that, and only the reviewer's decisions change the review status.
 */
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { MessageAuthorType, ReviewMessageKind, ReviewStatus } from '#shared/statuses.ts';
import { answers, assessments, evidenceFiles, reviewMessageEvidence, reviewMessages, shareLinks } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';

export interface ThreadFile {
  id: number;
  name: string;
  sizeBytes: number;
  mimeType: string;
  sha256: string;
}

export interface ThreadMessage {
  id: number;
  kind: ReviewMessageKind;
  body: string;
  authorType: MessageAuthorType;
  authorName: string;
  createdAt: Date;
  /** Files the vendor sent with a reply. */
  evidence: ThreadFile[];
}

/** Whose turn it is on an answer: the vendor owes an answer to a question, or the reviewer has a reply to read. */
export type WaitingFor = 'vendor' | 'reviewer' | null;

/** Review decisions the vendor may answer: a question, or a rejection it can contest or explain. */
export const REPLYABLE_REVIEW_STATUSES: readonly ReviewStatus[] = ['clarification_requested', 'rejected'];

export function waitingFor(reviewStatus: ReviewStatus, thread: readonly Pick<ThreadMessage, 'authorType'>[]): WaitingFor {
  const last = thread.at(-1);
  if (reviewStatus === 'clarification_requested') return last?.authorType === 'vendor' ? 'reviewer' : 'vendor';
  if (reviewStatus === 'rejected' && last?.authorType === 'vendor') return 'reviewer';
  return null;
}

/** Every thread of an assessment, oldest message first, by control. */
export function loadThreads(tx: Db | Tx, assessmentId: number): Map<string, ThreadMessage[]> {
  const rows = tx
    .select({
      id: reviewMessages.id,
      controlId: reviewMessages.controlId,
      kind: reviewMessages.kind,
      body: reviewMessages.body,
      authorType: reviewMessages.authorType,
      authorName: reviewMessages.authorName,
      createdAt: reviewMessages.createdAt,
    })
    .from(reviewMessages)
    .where(eq(reviewMessages.assessmentId, assessmentId))
    .orderBy(asc(reviewMessages.createdAt), asc(reviewMessages.id))
    .all();
  const files = tx
    .select({ messageId: reviewMessageEvidence.messageId, id: evidenceFiles.id, name: evidenceFiles.originalName, sizeBytes: evidenceFiles.sizeBytes, mimeType: evidenceFiles.mimeType, sha256: evidenceFiles.sha256 })
    .from(reviewMessageEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, reviewMessageEvidence.evidenceId))
    .where(and(eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all();
  const threads = new Map<string, ThreadMessage[]>();
  for (const { controlId, ...message } of rows) {
    const thread = threads.get(controlId) ?? [];
    thread.push({ ...message, evidence: files.filter((f) => f.messageId === message.id).map(({ messageId: _m, ...file }) => file) });
    threads.set(controlId, thread);
  }
  return threads;
}

export type MessageAuthor = { type: 'staff'; userId: string | null; name: string } | { type: 'vendor'; shareLinkId: number; name: string };

export function addMessage(tx: Tx, input: { assessmentId: number; controlId: string; kind: ReviewMessageKind; body: string; author: MessageAuthor; now: Date }): number {
  return tx
    .insert(reviewMessages)
    .values({
      assessmentId: input.assessmentId,
      controlId: input.controlId,
      kind: input.kind,
      body: input.body,
      authorType: input.author.type,
      authorUserId: input.author.type === 'staff' ? input.author.userId : null,
      shareLinkId: input.author.type === 'vendor' ? input.author.shareLinkId : null,
      authorName: input.author.name,
      createdAt: input.now,
    })
    .returning({ id: reviewMessages.id })
    .get().id;
}

/** When the reviewer last wrote on an answer's thread: files the vendor uploads after it are for its reply. */
function lastReviewerMessageAt(tx: Db | Tx, assessmentId: number, controlId: string): Date | null {
  return (
    tx
      .select({ at: reviewMessages.createdAt })
      .from(reviewMessages)
      .where(and(eq(reviewMessages.assessmentId, assessmentId), eq(reviewMessages.controlId, controlId), eq(reviewMessages.authorType, 'staff')))
      .orderBy(desc(reviewMessages.createdAt), desc(reviewMessages.id))
      .limit(1)
      .get()?.at ?? null
  );
}

/** Whether the vendor may answer the reviewer on this question now: only while the assessment is in review, and only where the reviewer asked or rejected. */
export function vendorMayReply(tx: Db | Tx, assessmentId: number, controlId: string): boolean {
  const row = tx
    .select({ status: assessments.status, reviewStatus: answers.reviewStatus })
    .from(assessments)
    .innerJoin(answers, and(eq(answers.assessmentId, assessments.id), eq(answers.controlId, controlId)))
    .where(eq(assessments.id, assessmentId))
    .get();
  return row?.status === 'in_review' && REPLYABLE_REVIEW_STATUSES.includes(row.reviewStatus);
}

/**
 * Files the vendor uploaded for its reply to the reviewer and has not sent
 * yet: on the question, after the reviewer's last message, with no reply.
 */
export function unsentReplyFiles(tx: Db | Tx, assessmentId: number, controlId: string): { id: number; createdAt: Date }[] {
  if (!vendorMayReply(tx, assessmentId, controlId)) return [];
  const since = lastReviewerMessageAt(tx, assessmentId, controlId);
  if (!since) return [];
  return tx
    .select({ id: evidenceFiles.id, createdAt: evidenceFiles.createdAt })
    .from(evidenceFiles)
    .leftJoin(reviewMessageEvidence, eq(reviewMessageEvidence.evidenceId, evidenceFiles.id))
    .where(
      and(
        eq(evidenceFiles.assessmentId, assessmentId),
        eq(evidenceFiles.controlId, controlId),
        isNull(evidenceFiles.taskId),
        isNull(evidenceFiles.deletedAt),
        isNull(reviewMessageEvidence.messageId),
        // Same-millisecond uploads count: the clock is the server's, and a file cannot predate the question it answers.
        gt(evidenceFiles.createdAt, new Date(since.getTime() - 1)),
      ),
    )
    .orderBy(asc(evidenceFiles.id))
    .all();
}

/** The people who can read the conversation now: recipients of links neither revoked nor expired. */
export function liveLinkRecipients(tx: Db | Tx, assessmentId: number, now: Date): { name: string; email: string }[] {
  const rows = tx
    .select({ name: shareLinks.recipientName, email: shareLinks.recipientEmail })
    .from(shareLinks)
    .where(and(eq(shareLinks.assessmentId, assessmentId), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, now)))
    .orderBy(asc(shareLinks.id))
    .all();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.email) ? false : (seen.add(r.email), true)));
}

/** Links a reply's files to it, refusing any file that is not one of this reply's own unsent uploads. */
export function attachReplyFiles(tx: Tx, assessmentId: number, controlId: string, messageId: number, evidenceIds: readonly number[]): void {
  if (evidenceIds.length === 0) return;
  const unsent = new Set(unsentReplyFiles(tx, assessmentId, controlId).map((f) => f.id));
  const stray = evidenceIds.filter((id) => !unsent.has(id));
  if (stray.length > 0) {
    throw badRequest(`${stray.length === 1 ? 'A file' : 'Some files'} sent with this reply ${stray.length === 1 ? 'is' : 'are'} not among the files you attached to it since the reviewer wrote: attach ${stray.length === 1 ? 'it' : 'them'} again.`);
  }
  tx.insert(reviewMessageEvidence)
    .values([...new Set(evidenceIds)].map((evidenceId) => ({ messageId, evidenceId })))
    .run();
}

/** Ids of every evidence file sent with a reply, to tell them from the answer's own evidence. */
export function repliedFileIds(tx: Db | Tx, assessmentId: number): Set<number> {
  const rows = tx
    .select({ id: reviewMessageEvidence.evidenceId })
    .from(reviewMessageEvidence)
    .innerJoin(reviewMessages, eq(reviewMessages.id, reviewMessageEvidence.messageId))
    .where(eq(reviewMessages.assessmentId, assessmentId))
    .all();
  return new Set(rows.map((r) => r.id));
}
