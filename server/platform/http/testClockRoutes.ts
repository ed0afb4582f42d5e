/**
 * A clock that browser tests can move forward, so that "the risk reopens
 * by itself when its acceptance expires" can be shown end to end without
 * waiting a day. It exists only when the server is started with
 * TOLLGATE_TEST_CLOCK=true (tests/e2e/globalSetup.ts does), and never in
 * production: a server that could be told the date could be told to
 * expire every session and every acceptance. See docs/decisions/0019-task-history-and-test-clock.md.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type {} from './routeAccess.ts';

export interface TestClock {
  now: () => Date;
  /** Days the clock runs ahead of the real time. */
  offsetDays: () => number;
  setOffsetDays: (days: number) => void;
}

export function testClockFromEnv(env: NodeJS.ProcessEnv = process.env): TestClock | null {
  if (env.TOLLGATE_TEST_CLOCK !== 'true') return null;
  if (env.NODE_ENV === 'production') throw new Error('TOLLGATE_TEST_CLOCK is for test servers only and cannot be set with NODE_ENV=production.');
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    offsetDays: () => offsetMs / 86_400_000,
    setOffsetDays: (days) => {
      offsetMs = days * 86_400_000;
    },
  };
}

const ClockInput = z.strictObject({ offsetDays: z.number().min(0).max(800) });

/**
 * POST /api/test/clock { offsetDays }: moves the clock to that many days
 * ahead of real time and runs the scheduled jobs at once, as the hourly
 * timer would once that time came. Registered only for a test clock.
 */
export function registerTestClockRoute(app: FastifyInstance, clock: TestClock, runJobs: (now: Date) => Promise<void>): void {
  // Anyone may move it: the clock exists only on test servers, which refuse to start in production.
  app.post('/api/test/clock', { config: { access: { kind: 'anonymous' } } }, async (request, reply) => {
    const parsed = ClockInput.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'Send { "offsetDays": a number from 0 to 800 }.' });
    clock.setOffsetDays(parsed.data.offsetDays);
    await runJobs(clock.now());
    return { now: clock.now().toISOString(), offsetDays: clock.offsetDays() };
  });
}
