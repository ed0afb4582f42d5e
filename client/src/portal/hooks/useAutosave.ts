/** One question's saver and its state, for the question card. */
import { useEffect, useState } from 'react';
import { AnswerSaver, type SaveState } from '../lib/answerSaver.ts';

export type { Draft, SaveState, TheirAnswer } from '../lib/answerSaver.ts';

export function useAutosave(controlId: string, initialRevision: number): { state: SaveState; saver: AnswerSaver } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [saver] = useState(() => new AnswerSaver(controlId, initialRevision, setState));
  // Leaving the section: send what is still waiting for its pause.
  useEffect(() => () => saver.flushPending(), [saver]);
  return { state, saver };
}
