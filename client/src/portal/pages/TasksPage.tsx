/** Remediation tasks raised from the review: what to do, and the vendor's account of what it did. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage, trpc, type Task } from '../api.ts';
import { EvidenceField } from '../components/EvidenceField.tsx';
import { ErrorPanel, Loading } from '../components/States.tsx';
import { formatDay } from '../lib/format.ts';

const STATUS_LABELS: Record<Task['status'], string> = {
  open: 'Open',
  in_progress: 'In progress',
  ready_for_verification: 'Ready for verification',
  closed: 'Closed',
  risk_accepted: 'Risk accepted',
  superseded: 'Superseded',
};
const SEVERITY_LABELS: Record<Task['severity'], string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export function TasksPage() {
  const query = useQuery(trpc.portal.tasks.queryOptions());
  return (
    <div className="stack-lg">
      <title>Remediation tasks · Security questionnaire</title>
      <h1 tabIndex={-1}>Remediation tasks</h1>
      {query.isPending ? (
        <Loading label="Loading the tasks" />
      ) : query.isError ? (
        <ErrorPanel error={query.error} title="The tasks could not be loaded" onRetry={() => void query.refetch()} />
      ) : !query.data.available ? (
        <p>Tasks appear here once the review of your answers is complete.</p>
      ) : query.data.tasks.length === 0 ? (
        <p>No remediation tasks were raised. Thank you.</p>
      ) : (
        <>
          <p className="lead">
            Each task is a control that is not yet fully in place. Tell us what you did, attach evidence, and mark the task ready when it is
            done: we then verify it.
          </p>
          {query.data.tasks.map((task) => (
            <TaskCard key={task.id} task={task} />
          ))}
        </>
      )}
    </div>
  );
}

function TaskCard({ task }: { task: Task }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const responseId = useId();
  const [response, setResponse] = useState(task.vendorResponse ?? '');
  const [done, setDone] = useState('');
  const update = useMutation(trpc.portal.updateTask.mutationOptions());
  const open = task.status === 'open' || task.status === 'in_progress' || task.status === 'ready_for_verification';

  const send = (readyForVerification: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setDone('');
    update.mutate(
      { taskId: task.id, response: response.trim(), readyForVerification },
      {
        onSuccess: () => {
          setDone(readyForVerification ? 'Marked ready for verification.' : 'Update saved.');
          void queryClient.invalidateQueries({ queryKey: trpc.portal.tasks.queryKey() });
        },
      },
    );
  };

  return (
    <article className="card task" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <span className="question__id">{task.controlId}</span> {task.title}
      </h2>
      <dl className="facts">
        <div>
          <dt>Severity</dt>
          <dd>
            <span className={`badge badge--${task.severity}`}>{SEVERITY_LABELS[task.severity]}</span>
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{formatDay(task.dueDate)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[task.status]}</dd>
        </div>
      </dl>
      {task.sentBackNote && task.status === 'in_progress' ? (
        <div className="alert alert--warning" role="note">
          <strong>The assessor sent this back:</strong> {task.sentBackNote}
        </div>
      ) : null}
      <h3>What to do</h3>
      <p>{task.remediation}</p>
      <form className="stack" onSubmit={send(false)}>
        <div className="field">
          <label htmlFor={responseId}>What did you do?</label>
          <textarea id={responseId} className="input" rows={4} maxLength={5000} value={response} disabled={!open} onChange={(e) => setResponse(e.currentTarget.value)} />
        </div>
        <EvidenceField target={{ taskId: task.id }} files={[]} editable={open} />
        {update.isError ? (
          <p className="alert alert--error" role="alert">
            {errorMessage(update.error)}
          </p>
        ) : null}
        <p role="status" className="success-text">
          {done}
        </p>
        {open ? (
          <div className="actions">
            <button type="submit" className="btn btn--secondary" disabled={update.isPending}>
              Save update
            </button>
            <button type="button" className="btn btn--primary" disabled={update.isPending} onClick={() => send(true)()}>
              Mark ready for verification
            </button>
          </div>
        ) : null}
      </form>
    </article>
  );
}
