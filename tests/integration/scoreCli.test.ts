/**
 * `npm run score` as a pipeline would use it: a real process, real files,
 * JSON on stdout, errors on stderr with a non-zero exit code.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/testDatabase.ts';

const SCRIPT = path.resolve('server/cli/score.ts');
const dir = makeTempDir('score-');

function score(profile: unknown) {
  const file = path.join(dir, `profile-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof profile === 'string' ? profile : JSON.stringify(profile));
  return run(file);
}

function run(file: string) {
  const result = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const airline = {
  name: 'Contact centre platform',
  services: ['contact_centre', 'saas'],
  access: 'write',
  criticality: 5,
  holdings: [
    { category: 'contact.name', records: 5_700_000 },
    { category: 'contact.email', records: 5_700_000 },
    { category: 'account.loyalty_number', records: 4_500_000 },
    { category: 'contact.address', records: 1_300_000 },
    { category: 'identity.birth_date', records: 1_100_000 },
    { category: 'contact.phone', records: 900_000 },
    { category: 'identity.gender', records: 400_000 },
    { category: 'travel.preferences', records: 10_000 },
  ],
};

const CONTROL_IDS =
  'IAM-01 IAM-02 IAM-03 IAM-04 IAM-05 IAM-06 IAM-07 IAM-08 REC-01 REC-02 REC-03 REC-04 REC-05 REC-06 REC-07 REC-08 DAT-01 DAT-02 DAT-03 DAT-04 DAT-05 DAT-06 DAT-07 INT-01 INT-02 INT-03 INT-04 INT-05 INT-06 PAM-01 PAM-02 PAM-03 PAM-04 DET-01 DET-02 DET-03 DET-04 IRN-01 IRN-02 IRN-03 IRN-04 GOV-01 GOV-02 GOV-03 GOV-04 GOV-05'.split(' ');

describe('npm run score', () => {
  it('scores the worked contact-centre example exactly as docs/scoring.md section 9 works it out', () => {
    const yes = Object.fromEntries(CONTROL_IDS.map((id) => [id, 'yes']));
    const answers = { ...yes, 'IAM-01': 'no', 'IAM-04': 'no', 'REC-01': 'no', 'REC-02': 'partial', 'REC-06': 'no', 'DAT-01': 'partial', 'DAT-04': 'no', 'INT-02': 'no', 'DET-02': 'no' };
    const result = score({ ...airline, answers });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      score: 74.4,
      grade: 'F',
      likelihood: 5,
      impact: 5,
      residual: 25,
      band: 'critical',
      tier: 1,
      tasks: [
        { controlId: 'IAM-01', severity: 'critical', dueInDays: 15 },
        { controlId: 'IAM-04', severity: 'critical', dueInDays: 15 },
        { controlId: 'REC-01', severity: 'critical', dueInDays: 15 },
        { controlId: 'REC-02', severity: 'critical', dueInDays: 15 },
        { controlId: 'DAT-01', severity: 'critical', dueInDays: 15 },
        { controlId: 'DAT-04', severity: 'critical', dueInDays: 15 },
        { controlId: 'INT-02', severity: 'critical', dueInDays: 15 },
        { controlId: 'DET-02', severity: 'critical', dueInDays: 15 },
        { controlId: 'REC-06', severity: 'high', dueInDays: 30 },
      ],
    });
  });

  it('treats a control missing from answers as unanswered (No)', () => {
    const result = score({ holdings: [{ category: 'contact.name', subjects: 'employees', records: 200 }], answers: {} });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ score: 0, grade: 'F', likelihood: 5 });
    expect(out.tasks).toHaveLength(46);
  });

  it('applies the access path (docs/scoring.md section 15.4): a privileged chat widget failing every connected-app control is F, 4, 16 high, with 15-day tasks', () => {
    const yes = Object.fromEntries(CONTROL_IDS.map((id) => [id, 'yes']));
    const failing = { 'INT-01': 'no', 'INT-02': 'no', 'INT-03': 'no', 'INT-04': 'no', 'INT-05': 'no', 'INT-06': 'no' };
    const holdings = ['contact.name', 'contact.email', 'comms.content'].map((category) => ({ category, records: 50_000 }));
    const result = score({ name: 'Chat widget', services: ['saas'], access: 'privileged', criticality: 3, holdings, answers: { ...yes, ...failing } });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      score: 88.5,
      grade: 'F',
      likelihood: 4,
      impact: 4,
      residual: 16,
      band: 'high',
      tier: 2,
      tasks: [
        { controlId: 'INT-01', severity: 'critical', dueInDays: 15 },
        { controlId: 'INT-02', severity: 'critical', dueInDays: 15 },
        { controlId: 'INT-05', severity: 'critical', dueInDays: 15 },
        { controlId: 'INT-03', severity: 'medium', dueInDays: 90 },
        { controlId: 'INT-04', severity: 'medium', dueInDays: 90 },
        { controlId: 'INT-06', severity: 'medium', dueInDays: 90 },
      ],
    });
  });

  it('scores the catering supplier as negligible impact', () => {
    const result = score({ criticality: 1, holdings: [{ category: 'contact.name', subjects: 'employees', records: 200 }], answers: {} });
    expect(JSON.parse(result.stdout).impact).toBe(1);
  });

  it.each([
    ['an unknown category', { holdings: [{ category: 'contact.fax', records: 1 }], answers: {} }, 'holdings[0].category: Unknown data category "contact.fax"'],
    ['an unknown control id', { holdings: [], answers: { 'IAM-99': 'yes' } }, 'answers["IAM-99"]: Unknown control id "IAM-99"'],
    ['negative records', { holdings: [{ category: 'health', records: -5 }], answers: {} }, 'holdings[0].records: records must be 0 or more'],
    ['an unknown answer', { holdings: [], answers: { 'IAM-01': 'maybe' } }, 'answers["IAM-01"]: Unknown answer "maybe"'],
    ['a missing holdings list', { answers: {} }, 'holdings'],
    ['criticality out of range', { criticality: 9, holdings: [], answers: {} }, 'criticality: must be from 1 to 5'],
  ])('refuses %s, naming the field, with exit code 1 and nothing on stdout', (_what, profile, message) => {
    const result = score(profile);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('refuses malformed JSON', () => {
    const result = score('{ "holdings": [ ');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not valid JSON/);
  });

  it('refuses a missing file', () => {
    const result = run(path.join(dir, 'nope.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot read .*nope\.json: no such file/);
  });
});
