/**
 * Crash safety, the short version that runs in the suite (the longer one:
 * `npm run bench -- --crash`): the real server is SIGKILLed twice at random
 * moments under concurrent answer saves and evidence uploads, and restarted
 * on the same DATA_DIR. Every acknowledged write must be there, no evidence
 * record may lack its file, and the database and the audit chain must check
 * out (scripts/bench/crash.ts does the rounds and the checks).
 */
import { describe, expect, it } from 'vitest';
import { crashRounds } from '../../scripts/bench/crash.ts';
import { makeTempDir } from '../helpers/testDatabase.ts';

describe('crash safety', { timeout: 240_000 }, () => {
  it('2 rounds of SIGKILL under concurrent saves and uploads lose no acknowledged write', async () => {
    const report = await crashRounds(makeTempDir('crash-'), 2);
    expect(report.problems).toEqual([]);
    expect(report.acknowledgedSaves).toBeGreaterThan(20);
    expect(report.acknowledgedUploads).toBeGreaterThan(0);
  });
});
