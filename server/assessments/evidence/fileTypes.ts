/**
 * Which evidence files are accepted, decided from the file's bytes, never
 * its name or the browser's claim (only plain text, which has no
 * signature, is also held to its name's extension).
 */
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { ACCEPTED_EVIDENCE } from '#shared/evidence.ts';
import { badRequest } from '../../platform/errors.ts';

export interface AcceptedType {
  mimeType: string;
  /** The usual extension first. */
  extensions: [string, ...string[]];
}

/** Types detected from content that we accept, with the MIME type we store and serve. */
const BINARY_TYPES: Record<string, AcceptedType> = {
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  png: { mimeType: 'image/png', extensions: ['png'] },
  jpg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mimeType: 'image/gif', extensions: ['gif'] },
  webp: { mimeType: 'image/webp', extensions: ['webp'] },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
};
const TEXT_TYPES: Record<string, AcceptedType> = {
  csv: { mimeType: 'text/csv', extensions: ['csv'] },
  txt: { mimeType: 'text/plain', extensions: ['txt'] },
  md: { mimeType: 'text/markdown', extensions: ['md'] },
  log: { mimeType: 'text/plain', extensions: ['log'] },
};

/**
 * Office formats that can carry macros (VBA), which run on the reviewer's
 * computer when the file is opened: the legacy binary formats (.doc, .xls,
 * .ppt are all Compound File Binary, "cfb") and the macro-enabled OOXML
 * ones. Their macro-free equivalents (.docx, .xlsx, .pptx) are accepted.
 */
const MACRO_CAPABLE = new Set(['cfb', 'docm', 'dotm', 'xlsm', 'xltm', 'pptm', 'potm', 'ppsm']);

const NOT_ACCEPTED = `This kind of file is not accepted. Upload ${ACCEPTED_EVIDENCE}.`;
const MACROS_NOT_ACCEPTED =
  'Older Office files (.doc, .xls, .ppt) and macro-enabled ones (.docm, .xlsm, .pptm) are not accepted: they can carry macros that run when the file is opened. ' +
  'Save it as PDF, .docx, .xlsx or .pptx and upload that.';

export async function detectType(buffer: Buffer, originalName: string): Promise<AcceptedType> {
  // A damaged container (a zip whose directory lies, say) makes file-type throw: that is a file we cannot accept, not a server error.
  const detected = await fileTypeFromBuffer(buffer).catch(() => {
    throw badRequest(NOT_ACCEPTED);
  });
  if (detected) {
    if (MACRO_CAPABLE.has(detected.ext)) throw badRequest(MACROS_NOT_ACCEPTED);
    const accepted = BINARY_TYPES[detected.ext];
    if (!accepted) throw badRequest(NOT_ACCEPTED);
    return accepted;
  }
  // No binary signature: accept only real UTF-8 text without NUL bytes, named as text.
  const accepted = TEXT_TYPES[path.extname(originalName).slice(1).toLowerCase()];
  if (!accepted || buffer.includes(0)) throw badRequest(NOT_ACCEPTED);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return accepted;
  } catch {
    throw badRequest(NOT_ACCEPTED);
  }
}
