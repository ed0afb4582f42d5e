/** The only page left once the link session has ended: how to get back in. */
import { Shell } from '../components/Shell.tsx';

export function SessionEndedPage() {
  return (
    <Shell>
      <title>Session ended · Security questionnaire</title>
      <div className="card card--narrow">
        <h1 tabIndex={-1}>Your session has ended</h1>
        <p className="lead">Your session has ended. Open the link from your email again.</p>
        <p>Everything you saved is kept. If the link no longer works, ask the person who sent it for a new one.</p>
      </div>
    </Shell>
  );
}
