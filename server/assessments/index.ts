/** The assessments module's public entry: other modules and the composition root import only from here. */
export { EVIDENCE_LIMITS, MAX_EVIDENCE_BYTES, openEvidenceForDownload, purgeUnusedEvidence, removeEvidence, storeEvidence } from './evidence/evidence.ts';
export type { EvidenceLimits, EvidenceRow } from './evidence/evidence.ts';
export { resolveLinkSession, sessionRefusedError } from './links/linkSessions.ts';
export type { LinkClosedReason, LinkContact } from './links/linkSessions.ts';
export { createShareLink, issueReminderLink, openShareLink } from './links/shareLinks.ts';
export { respondToClarification } from './review/answerReview.ts';
export { completeReview } from './review/completeReview.ts';
export { REPLYABLE_REVIEW_STATUSES, loadThreads, repliedFileIds, unsentReplyFiles, waitingFor } from './review/thread.ts';
export { assessmentsRouter } from './router.ts';
export { registerStaffFileRoutes } from './staffFileRoutes.ts';
export { buildOscalResults } from './report/oscalResults.ts';
export { vendorContactLine } from './links/vendorWording.ts';
export { previousAnswers } from './carryOver.ts';
