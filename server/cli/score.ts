/**
 * Scores one vendor profile against the Core catalogue, without a server:
 *   npm run --silent score -- vendor.json      (or "-" to read stdin)
 * Prints one JSON object on stdout; bad input prints what is wrong, naming
 * the field, on stderr and exits non-zero.
 */
import { readFileSync } from 'node:fs';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { describeIssues } from '#shared/schemas/common.ts';
import { ScoreProfileInput } from '#shared/schemas/scoreProfile.ts';
import { scoreVendor } from '#shared/scoring/scoreVendor.ts';

const USAGE = 'Usage: npm run --silent score -- FILE.json   (use "-" to read the profile from standard input)';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readSource(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail(`Cannot read ${file}: ${reason}`);
  }
}

export function scoreProfileJson(text: string, source: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ScoreProfileInput.safeParse(json);
  if (!parsed.success) return fail(`${source} is not a valid vendor profile:\n${describeIssues(parsed.error.issues)}`);

  const profile = parsed.data;
  const answers = Object.fromEntries(Object.entries(profile.answers).map(([id, value]) => [id, { value }]));
  const result = scoreVendor({
    services: profile.services,
    access: profile.access,
    criticality: profile.criticality,
    holdings: profile.holdings,
    controls: CORE_CATALOGUE_V1.controls,
    answers,
  });
  return {
    score: result.score,
    grade: result.grade,
    likelihood: result.likelihood.likelihood,
    impact: result.impact.impact,
    residual: result.residual,
    band: result.band,
    tier: result.suggestedTier,
    tasks: result.tasks.map(({ controlId, severity, dueInDays }) => ({ controlId, severity, dueInDays })),
  };
}

const file = process.argv[2];
if (!file || file === '--help' || file === '-h') fail(USAGE, file ? 0 : 2);
const source = file === '-' ? 'The standard input' : file;
process.stdout.write(`${JSON.stringify(scoreProfileJson(readSource(file), source), null, 2)}\n`);
