/**
 * Evidence files go through plain HTTP routes (multipart), not tRPC:
 * XMLHttpRequest reports upload progress, which fetch cannot.
 */
import { EVIDENCE_EXTENSIONS, formatFileSize, MAX_EVIDENCE_BYTES } from '#shared/evidence.ts';
import { markSessionEnded, sessionEndFrom } from './session.ts';

// Older .doc/.xls/.ppt and macro-enabled Office files are left out: the server refuses them (they can carry macros).
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.join(',');
const TOO_LARGE = `The file is larger than ${formatFileSize(MAX_EVIDENCE_BYTES)}.`;

export interface UploadedEvidence {
  id: number;
  name: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
  controlId: string | null;
  taskId: number | null;
}

const NETWORK_FAILURE = 'The upload did not reach Tollgate. Check your connection, then try again.';

function serverMessage(status: number, body: string): string {
  let parsed: { error?: unknown; details?: unknown } = {};
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === 'object') parsed = value;
  } catch {
    // Not JSON (a proxy's error page): a plain message below.
  }
  if (status === 401) markSessionEnded(sessionEndFrom(parsed.details));
  if (typeof parsed.error === 'string') return parsed.error;
  return status === 413 ? TOO_LARGE : `The upload failed (error ${status}). Please try again.`;
}

/** Uploads one file for a question or a task; `onProgress` gets 0-100. Rejects with a message for people. */
export function uploadEvidence(target: { controlId: string } | { taskId: number }, file: File, onProgress: (percent: number) => void): Promise<UploadedEvidence> {
  if (file.size > MAX_EVIDENCE_BYTES) return Promise.reject(new Error(`${file.name} is larger than ${formatFileSize(MAX_EVIDENCE_BYTES)}: attach a smaller file, or split it.`));
  const form = new FormData();
  // The target field must come before the file: the server reads fields up to the file part.
  if ('controlId' in target) form.append('controlId', target.controlId);
  else form.append('taskId', String(target.taskId));
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/portal/evidence');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as UploadedEvidence);
      else reject(new Error(serverMessage(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new Error(NETWORK_FAILURE));
    xhr.send(form);
  });
}

export async function removeEvidence(id: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/portal/evidence/${id}`, { method: 'DELETE', referrerPolicy: 'same-origin', credentials: 'same-origin' });
  } catch {
    throw new Error('The file could not be removed: Tollgate could not be reached. Try again.');
  }
  if (!response.ok) throw new Error(serverMessage(response.status, await response.text()));
}

export const evidenceUrl = (id: number) => `/api/portal/evidence/${id}`;
