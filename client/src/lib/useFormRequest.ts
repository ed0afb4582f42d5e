/**
 * One request from a form at a time: busy while it runs, and the problem it
 * ends with kept to show. On success the form usually gives way to the next
 * step, so it stays busy rather than come back to life for a moment.
 */
import { useState } from 'react';

export function useFormRequest<Problem>() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  /** Runs `request`, which resolves to the problem to show, or null once done. */
  const run = async (request: () => Promise<Problem | null>) => {
    setBusy(true);
    setProblem(null);
    const failed = await request();
    if (failed) {
      setBusy(false);
      setProblem(failed);
    }
  };
  return { busy, problem, run };
}
