/** Words for task moves and history entries on the Tasks pages (statuses: TASK_STATUS_LABELS in shared/statuses.ts). */
import type { TaskTransitionName } from '#shared/remediation/taskLifecycle.ts';

/** The button for each move a person can make. */
export const MOVE_LABELS: Partial<Record<TaskTransitionName, string>> = {
  start_work: 'Start work',
  mark_ready: 'Mark ready for verification',
  verify: 'Verify and close',
  send_back: 'Send back to the vendor',
  accept_risk: 'Accept the risk',
  revoke_acceptance: 'Withdraw the acceptance',
};

/** What each history entry says happened. */
export const HISTORY_WORDS: Record<string, string> = {
  start_work: 'Started work',
  mark_ready: 'Marked ready for verification',
  verify: 'Verified the fix and closed the task',
  send_back: 'Sent back to the vendor',
  accept_risk: 'Accepted the risk',
  revoke_acceptance: 'Withdrew the acceptance',
  reopen_on_expiry: 'Reopened: the accepted risk expired',
  close_by_reassessment: 'Closed: a newer assessment found the control met',
  supersede: 'Superseded by a newer assessment',
  assign: 'Changed the owner',
};
