/** For links that ask for it: a code sent to the recipient's email, before anything of the questionnaire is shown. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorDetails, errorMessage, trpc } from '../api.ts';
import { formatMoment } from '../lib/format.ts';

/** When a refused send or check may be tried again (codes paused, or too many sent), from the error's details. */
function retryAtOf(error: unknown): Date | null {
  const retryAt = (errorDetails(error) as { retryAt?: unknown } | undefined)?.retryAt;
  return typeof retryAt === 'string' ? new Date(retryAt) : null;
}

/** The server's sentence, plus the moment to try again in the reader's own time zone. */
function ErrorText({ error }: { error: unknown }) {
  const retryAt = retryAtOf(error);
  return (
    <>
      {errorMessage(error)}
      {retryAt ? ` That is at ${formatMoment(retryAt)}.` : null}
    </>
  );
}

export function GatePage({ lockedUntil }: { lockedUntil: Date | null }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const codeId = useId();
  const hintId = useId();
  const send = useMutation(trpc.portal.sendCode.mutationOptions());
  const verify = useMutation(
    trpc.portal.verifyCode.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.portal.gate.queryKey() }) }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ code: code.replace(/\s/g, '') });
  };

  return (
    <div className="card card--narrow">
      <title>Confirm it is you · Security questionnaire</title>
      <h1 tabIndex={-1}>Confirm it is you</h1>
      <p>
        We sent you a link to a security questionnaire. To keep your answers private, we also email a 6-digit code to the address the link
        was sent to.
      </p>
      {lockedUntil && !send.data && !send.isError ? (
        <p className="alert alert--warning" role="status">
          Too many wrong codes were entered for this link, so codes are paused for your security. You can ask for a new code at{' '}
          {formatMoment(lockedUntil)}.
        </p>
      ) : null}
      {send.isError ? (
        <p className="alert alert--error" role="alert">
          <ErrorText error={send.error} />
        </p>
      ) : null}
      {send.data ? (
        <p className="alert alert--success" role="status">
          Code sent to {send.data.sentTo}. It works for 10 minutes, in this browser.
        </p>
      ) : null}
      <button type="button" className={send.data ? 'btn btn--secondary' : 'btn btn--primary'} onClick={() => send.mutate()} disabled={send.isPending}>
        {send.isPending ? 'Sending…' : send.data ? 'Send a new code' : 'Email me a code'}
      </button>
      {send.data ? (
        <form className="stack" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={codeId}>Code from the email</label>
            <p id={hintId} className="hint">
              6 digits
            </p>
            <input
              id={codeId}
              className="input input--code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              aria-describedby={hintId}
              aria-invalid={verify.isError || undefined}
            />
          </div>
          {verify.isError ? (
            <p className="field-error" role="alert">
              <ErrorText error={verify.error} />
            </p>
          ) : null}
          <button type="submit" className="btn btn--primary" disabled={verify.isPending}>
            {verify.isPending ? 'Checking…' : 'Continue'}
          </button>
        </form>
      ) : null}
    </div>
  );
}
