/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went:
 * the functions with the most self time, self time by package, and the
 * Tollgate server functions with the most inclusive time (time with that
 * function anywhere on the stack).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the system's monotonic clock (the clock of process.hrtime), like the samples. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A stretch of time on the monotonic clock, in microseconds: only samples taken in it count. */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

/** Now on the monotonic clock that V8 stamps profile samples with, in microseconds. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

export interface ProfileSummary {
  /** How many samples fell in the window. */
  samples: number;
  /** Sampled time in ms, idle excluded. */
  busyMs: number;
  idleShare: number;
  topSelf: { name: string; where: string; share: number }[];
  byPackage: { name: string; share: number }[];
  /** Share of busy time with the package anywhere on the stack (e.g. better-auth's calls into SQLite count for better-auth). */
  byPackageInclusive: { name: string; share: number }[];
  topServerInclusive: { name: string; where: string; share: number }[];
}

/** Which package (or part of Node, or of Tollgate) a script belongs to. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return 'node (built-in)';
  const own = /\/(server|shared|drizzle)\//.exec(url);
  if (own) return `tollgate ${own[1]}/`;
  return url;
}

const shortUrl = (url: string) => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|drizzle|scripts)\//, '$1/');

export function summariseProfile(file: string, window: ProfileWindow | null, top = 15): ProfileSummary {
  const full = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  // Keep the samples taken under load: start-up (module loading) and shutdown are not what is asked about.
  const profile = { ...full, samples: [] as number[], timeDeltas: [] as number[] };
  let at = full.startTime;
  full.samples.forEach((id, i) => {
    at += full.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    profile.samples.push(id);
    profile.timeDeltas.push(full.timeDeltas[i] ?? 0);
  });
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  let idle = 0;
  let busy = 0;
  const selfByFunction = new Map<string, { name: string; where: string; us: number }>();
  const selfByPackage = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const key = `${functionName}|${url}|${lineNumber}`;
    const entry = selfByFunction.get(key) ?? { name: functionName || '(anonymous)', where: url ? `${shortUrl(url)}:${lineNumber + 1}` : '', us: 0 };
    entry.us += us;
    selfByFunction.set(key, entry);
    const pkg = packageOf(url, functionName);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + us);
  }

  // Inclusive time of Tollgate's own server functions: each sample counts once for every such function on its stack.
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  const packageInclusive = new Map<string, number>();
  profile.samples.forEach((leaf, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    if (byId.get(leaf)!.callFrame.functionName === '(idle)') return;
    const seen = new Set<string>();
    const packages = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      if (url) packages.add(packageOf(url, functionName));
      if (!/\/server\//.test(url) || url.includes('node_modules')) continue;
      const key = `${functionName}|${url}|${lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = inclusive.get(key) ?? { name: functionName || '(anonymous)', where: `${shortUrl(url)}:${lineNumber + 1}`, us: 0 };
      entry.us += us;
      inclusive.set(key, entry);
    }
    for (const pkg of packages) packageInclusive.set(pkg, (packageInclusive.get(pkg) ?? 0) + us);
  });

  const share = (us: number) => (busy ? us / busy : 0);
  return {
    samples: profile.samples.length,
    busyMs: busy / 1000,
    idleShare: idle / (idle + busy || 1),
    topSelf: [...selfByFunction.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ name: f.name, where: f.where, share: share(f.us) })),
    byPackage: [...selfByPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, share: share(us) })),
    byPackageInclusive: [...packageInclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, share: share(us) })),
    topServerInclusive: [...inclusive.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ name: f.name, where: f.where, share: share(f.us) })),
  };
}

export function formatProfile(title: string, s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  return [
    `${title}: ${(s.busyMs / 1000).toFixed(1)} s busy on the server's main thread under load (${pct(s.idleShare).trim()} idle, ${s.samples.toLocaleString('en')} samples)`,
    '  Self time by package:',
    ...s.byPackage.map((p) => `    ${pct(p.share)}  ${p.name}`),
    '  Packages by inclusive time (share of busy time with the package on the stack):',
    ...s.byPackageInclusive.map((p) => `    ${pct(p.share)}  ${p.name}`),
    '  Functions with the most self time:',
    ...s.topSelf.map((f) => `    ${pct(f.share)}  ${f.name}  ${f.where}`),
    "  Tollgate's server functions by inclusive time (share of busy time with the function on the stack):",
    ...s.topServerInclusive.map((f) => `    ${pct(f.share)}  ${f.name}  ${f.where}`),
  ].join('\n');
}
