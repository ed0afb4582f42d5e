/** Files that back up an answer or a task: upload with progress, the server's refusal in its own words, list and remove. */
import { useId, useState, type ChangeEvent } from 'react';
import { updateQuestionnaire } from '../api.ts';
import { ACCEPTED_EVIDENCE, formatFileSize, MAX_EVIDENCE_BYTES } from '#shared/evidence.ts';
import { EVIDENCE_ACCEPT, evidenceUrl, removeEvidence, uploadEvidence } from '../lib/evidence.ts';
import { formatBytes } from '../lib/format.ts';

interface EvidenceItem {
  id: number;
  name: string;
  sizeBytes: number;
  /** Attached last time and carried into this assessment. */
  carriedOver?: boolean;
}

interface EvidenceFieldProps {
  target: { controlId: string } | { taskId: number };
  /** Files the server already holds for this target. */
  files: readonly EvidenceItem[];
  editable: boolean;
  /** Files for a reply to the reviewer: kept apart from the answer's own until the reply is sent. */
  forReply?: boolean;
  label?: string;
}

// The server removes files only while the questionnaire itself is editable, which a task's never is.
const canRemove = (target: EvidenceFieldProps['target']) => 'controlId' in target;

export function EvidenceField({ target, files, editable, forReply = false, label = 'Attach evidence' }: EvidenceFieldProps) {
  const inputId = useId();
  const hintId = useId();
  // Task files are not listed by the server: those added here are kept on the page.
  const [added, setAdded] = useState<EvidenceItem[]>([]);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const shown = [...files, ...added];
  const controlId = 'controlId' in target ? target.controlId : null;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setStatus(`Uploading ${file.name}…`);
    setProgress({ name: file.name, percent: 0 });
    try {
      const stored = await uploadEvidence(target, file, (percent) => setProgress({ name: file.name, percent }));
      if (controlId) {
        const added = { id: stored.id, controlId, name: stored.name, sizeBytes: stored.sizeBytes, sha256: stored.sha256, createdAt: new Date(), sentWithReply: false, unsentReply: forReply, carriedOver: false };
        updateQuestionnaire((q) => ({ ...q, evidence: [...q.evidence, added] }));
      } else {
        setAdded((list) => [...list, stored]);
      }
      setStatus(`${stored.name} attached.`);
    } catch (failure) {
      setStatus('');
      setError(failure instanceof Error ? failure.message : 'The upload failed. Please try again.');
    } finally {
      setProgress(null);
      input.value = '';
    }
  };

  const remove = async (file: EvidenceItem) => {
    setError(null);
    try {
      await removeEvidence(file.id);
      if (controlId) updateQuestionnaire((q) => ({ ...q, evidence: q.evidence.filter((e) => e.id !== file.id) }));
      else setAdded((list) => list.filter((e) => e.id !== file.id));
      setStatus(`${file.name} removed.`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The file could not be removed.');
    }
  };

  if (!editable && shown.length === 0) return null;
  return (
    <div className="evidence">
      {editable ? (
        <div className="field">
          <label htmlFor={inputId}>{label}</label>
          <p id={hintId} className="hint">
            A policy, report or screenshot, up to {formatFileSize(MAX_EVIDENCE_BYTES)}: {ACCEPTED_EVIDENCE}.
          </p>
          <input id={inputId} type="file" className="file-input" accept={EVIDENCE_ACCEPT} aria-describedby={hintId} disabled={progress !== null} onChange={(e) => void upload(e)} />
        </div>
      ) : (
        <h3 className="evidence__title">Evidence</h3>
      )}
      {progress ? (
        <div className="upload-progress">
          <label htmlFor={`${inputId}-progress`}>
            Uploading {progress.name}: {progress.percent}%
          </label>
          <progress id={`${inputId}-progress`} value={progress.percent} max={100} />
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {shown.length ? (
        <ul className="files" aria-label={forReply ? 'Files to send with your reply' : 'Attached files'}>
          {shown.map((file) => (
            <li key={file.id}>
              <a href={evidenceUrl(file.id)} download={file.name}>
                {file.name}
              </a>
              <span className="muted">{formatBytes(file.sizeBytes)}</span>
              {file.carriedOver ? <span className="badge badge--carried">From last assessment</span> : null}
              {editable && canRemove(target) ? (
                <button type="button" className="btn-link btn-link--danger" onClick={() => void remove(file)}>
                  Remove<span className="visually-hidden"> {file.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
