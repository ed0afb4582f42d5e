/**
 * The conversation with the reviewer on one answer: what the reviewer
 * asked or noted, in their words, what the vendor already replied, and,
 * while the reviewer waits, a reply with optional new files. The answer
 * itself stays as submitted.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage, trpc, type AnswerValue, type Evidence, type Thread, type ThreadMessage } from '../api.ts';
import { evidenceUrl } from '../lib/evidence.ts';
import { ANSWER_LABELS, formatBytes, formatMoment } from '../lib/format.ts';
import { reviewAnchor } from '../lib/router.ts';
import { EvidenceField } from './EvidenceField.tsx';

const SAID: Record<ThreadMessage['kind'], string> = {
  question: 'asked',
  rejection: 'did not accept the answer',
  acceptance: 'accepted the answer',
  reply: 'replied',
};

function headingOf(thread: Thread): string {
  const last = thread.messages.at(-1);
  if (thread.waitingFor === 'vendor') return 'The reviewer has a question';
  if (thread.reviewStatus === 'rejected' && last?.authorType === 'staff') return 'The reviewer did not accept this answer';
  return 'Your conversation with the reviewer';
}

function stateOf(thread: Thread): string | null {
  const last = thread.messages.at(-1);
  if (thread.waitingFor === 'vendor') return 'Waiting for your reply.';
  if (thread.reviewStatus === 'rejected' && last?.authorType === 'staff') {
    return thread.canReply ? 'It counts as No. You can reply to explain, or send evidence; the reviewer then decides again.' : 'It counts as No.';
  }
  if (thread.waitingFor === 'reviewer') return 'Your reply was sent. The reviewer reads it beside your answer and decides.';
  if (thread.reviewStatus === 'accepted') return 'The reviewer accepted this answer.';
  return null;
}

interface ReviewThreadProps {
  controlId: string;
  title: string;
  /** The vendor's answer, recalled here: a link to the conversation lands on it, below the answer. */
  answer: AnswerValue | null;
  thread: Thread;
  /** Files uploaded for the reply, not sent yet. */
  pendingFiles: readonly Evidence[];
}

export function ReviewThread({ controlId, title, answer, thread, pendingFiles }: ReviewThreadProps) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const replyId = useId();
  const hintId = useId();
  const errorId = useId();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [sent, setSent] = useState('');
  const reply = useMutation(trpc.portal.respondToClarification.mutationOptions());
  // Once the vendor has replied, the form waits behind a button: the reply is what the card shows.
  const [adding, setAdding] = useState(false);
  const replied = thread.waitingFor === 'reviewer';
  const asking = thread.waitingFor === 'vendor';
  const state = stateOf(thread);

  const send = (event: FormEvent) => {
    event.preventDefault();
    setSent('');
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    reply.mutate(
      { controlId, response: text.trim(), evidenceIds: pendingFiles.map((f) => f.id) },
      {
        onSuccess: async () => {
          setText('');
          setAdding(false);
          // The thread, the files and the count of open questions all come from the server again.
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: trpc.portal.questionnaire.queryKey() }),
            queryClient.invalidateQueries({ queryKey: trpc.portal.overview.queryKey() }),
          ]);
          setSent('Reply sent. The reviewer can read it now.');
        },
      },
    );
  };

  return (
    <section id={reviewAnchor(controlId)} tabIndex={-1} className={`thread${asking ? ' thread--asking' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="thread__title">
        {headingOf(thread)}
      </h3>
      <p className="thread__about">
        About your answer to {controlId} {title}: <strong>{answer ? ANSWER_LABELS[answer] : 'not answered'}</strong>
      </p>
      <ol className="thread__list">
        {thread.messages.map((message) => (
          <li key={message.id} className={`msg msg--${message.authorType}`}>
            <p className="msg__meta">
              <strong>{message.authorName}</strong>
              {message.authorType === 'staff' ? ' (reviewer)' : ''} {SAID[message.kind]}
              <span className="muted">
                {' '}
                · <time dateTime={new Date(message.createdAt).toISOString()}>{formatMoment(message.createdAt)}</time>
              </span>
            </p>
            <p className="msg__body prewrap">{message.body}</p>
            {message.evidence.length ? (
              <ul className="files" aria-label="Files sent with this reply">
                {message.evidence.map((file) => (
                  <li key={file.id}>
                    <a href={evidenceUrl(file.id)} download={file.name}>
                      {file.name}
                    </a>
                    <span className="muted">{formatBytes(file.sizeBytes)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {state ? <p className="thread__state">{state}</p> : null}

      {thread.canReply && replied && !adding ? (
        <div className="actions">
          <button type="button" className="btn btn--secondary" onClick={() => setAdding(true)}>
            Add to your reply
          </button>
        </div>
      ) : null}
      {thread.canReply && (!replied || adding) ? (
        <form className="stack thread__reply" onSubmit={send} noValidate>
          <div className="field">
            <label htmlFor={replyId}>Your reply to the reviewer</label>
            <p id={hintId} className="hint">
              The reviewer reads it beside your answer. Your answer itself stays as submitted.
            </p>
            <textarea
              id={replyId}
              className="input"
              rows={4}
              maxLength={5000}
              value={text}
              aria-describedby={empty ? `${hintId} ${errorId}` : hintId}
              aria-invalid={empty || undefined}
              onChange={(event) => setText(event.currentTarget.value)}
            />
            {empty ? (
              <p id={errorId} className="field-error">
                Write your reply before sending it.
              </p>
            ) : null}
          </div>
          <EvidenceField target={{ controlId }} files={pendingFiles} editable forReply label="Attach a file to your reply (optional)" />
          {reply.isError ? (
            <p className="alert alert--error" role="alert">
              {errorMessage(reply.error)}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={reply.isPending}>
              {reply.isPending ? 'Sending…' : 'Send reply'}
            </button>
          </div>
        </form>
      ) : null}
      <p role="status" className="success-text">
        {sent}
      </p>
    </section>
  );
}
