/**
 * What evidence Tollgate takes, in one place for the server (which decides)
 * and the vendor portal (which says it up front). The server checks every
 * file's type from its bytes; these lists only describe that check.
 */

const MB = 1024 * 1024;

/** One file at most. */
export const MAX_EVIDENCE_BYTES = 20 * MB;

/**
 * What one assessment may hold in all (questions and tasks together). The
 * Core questionnaire has 46 questions: 200 files is over four a question,
 * and 500 MB is 25 files at the 20 MB maximum, far more than policies,
 * reports and screenshots need. One link holder cannot fill the disk.
 */
export const EVIDENCE_QUOTA = { files: 200, bytes: 500 * MB } as const;

/** The formats accepted, as people name them. */
export const ACCEPTED_EVIDENCE = 'PDF, images (PNG, JPEG, GIF, WebP), Word, Excel or PowerPoint files (.docx, .xlsx, .pptx), OpenDocument text or spreadsheets (.odt, .ods), CSV or plain text';

/** For the file picker: the extensions of the accepted formats (the server still checks the content). */
export const EVIDENCE_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.csv', '.txt', '.md', '.log'] as const;

/** A size as people read it: "20 MB", "1.5 MB", "12 KB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 100 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Number((bytes / MB).toFixed(1))} MB`;
}
