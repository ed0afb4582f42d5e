/**
 * The vendor portal: one assessment, reached through a questionnaire link.
 * A session that ends shows only what happened and how to go on (back in
 * through the link, or whom to ask when it is closed); a link that asks for
 * an emailed code shows nothing else until the code is given.
 */
import { useQuery } from '@tanstack/react-query';
import { trpc } from './api.ts';
import { Shell } from './components/Shell.tsx';
import { ErrorPanel, Loading } from './components/States.tsx';
import { parseRoute, useLocation } from './lib/router.ts';
import { useSessionEnded } from './lib/session.ts';
import { GatePage } from './pages/GatePage.tsx';
import { QuestionnairePage } from './pages/QuestionnairePage.tsx';
import { SessionEndedPage } from './pages/SessionEndedPage.tsx';
import { SubmitPage } from './pages/SubmitPage.tsx';
import { TasksPage } from './pages/TasksPage.tsx';
import { WelcomePage } from './pages/WelcomePage.tsx';

export function App() {
  const ended = useSessionEnded();
  if (ended) return <SessionEndedPage end={ended} />;
  return <CodeGate />;
}

function CodeGate() {
  const gate = useQuery(trpc.portal.gate.queryOptions());
  if (gate.isPending) return <LoadingPage label="Opening your questionnaire" />;
  if (gate.isError) return <ErrorPage error={gate.error} onRetry={() => void gate.refetch()} />;
  if (gate.data.codeRequired) {
    return (
      <Shell>
        <GatePage lockedUntil={gate.data.lockedUntil} />
      </Shell>
    );
  }
  return <Portal />;
}

function Portal() {
  const route = parseRoute(useLocation().split('#')[0] ?? '');
  const overview = useQuery(trpc.portal.overview.queryOptions());
  const tasks = useQuery(trpc.portal.tasks.queryOptions());
  if (overview.isPending) return <LoadingPage label="Loading your questionnaire" />;
  if (overview.isError) return <ErrorPage error={overview.error} onRetry={() => void overview.refetch()} />;
  const tasksAvailable = tasks.data?.available ?? false;
  return (
    <Shell overview={overview.data} route={route} tasksAvailable={tasksAvailable}>
      {route.page === 'questions' ? (
        <QuestionnairePage overview={overview.data} domain={route.domain} />
      ) : route.page === 'submit' ? (
        <SubmitPage overview={overview.data} />
      ) : route.page === 'tasks' ? (
        <TasksPage />
      ) : (
        <WelcomePage overview={overview.data} tasksAvailable={tasksAvailable} />
      )}
    </Shell>
  );
}

function LoadingPage({ label }: { label: string }) {
  return (
    <Shell>
      <title>Security questionnaire</title>
      <h1 className="visually-hidden">Security questionnaire</h1>
      <Loading label={label} />
    </Shell>
  );
}

function ErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Shell>
      <title>Security questionnaire</title>
      <h1>Security questionnaire</h1>
      <ErrorPanel error={error} title="Your questionnaire could not be opened" onRetry={onRetry} />
    </Shell>
  );
}
