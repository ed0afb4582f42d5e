/**
 * The JavaScript a browser downloads to render a page, gzipped, from the
 * built app's manifest (vite `build.manifest`): an entry, everything it
 * imports statically, and the lazy chunks the page itself loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageJs {
  files: string[];
  gzipKb: number;
}

function loadManifest(clientDir: string): Manifest {
  const file = path.join(clientDir, '.vite', 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run bench does).`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The chunk keys `roots` need: themselves and their static imports, transitively. */
function staticClosure(manifest: Manifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`The manifest has no chunk ${key}.`);
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return seen;
}

function measure(clientDir: string, manifest: Manifest, keys: Set<string>): PageJs {
  const files = [...new Set([...keys].map((k) => manifest[k]!.file))].filter((f) => f.endsWith('.js')).sort();
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(clientDir, f))).length, 0);
  return { files, gzipKb: bytes / 1024 };
}

/** The vendor portal: its entry and what it imports (it loads nothing lazily to show a questionnaire). */
export function portalJs(clientDir: string): PageJs {
  const manifest = loadManifest(clientDir);
  return measure(clientDir, manifest, staticClosure(manifest, ['portal.html']));
}

/**
 * The staff app's /dashboard for a signed-in person: the app's entry and its
 * static imports (the router imports the dashboard page statically), plus
 * the lazy chunks of the dashboard feature (today its charts) with their imports.
 * Other lazy chunks (sign-in, admin pages, the auth client) serve other pages.
 */
export function dashboardJs(clientDir: string): PageJs {
  const manifest = loadManifest(clientDir);
  const needed = staticClosure(manifest, ['index.html']);
  // Until nothing new turns up: a lazy dashboard chunk may itself load others lazily.
  for (let grew = true; grew; ) {
    const lazy = [...needed].flatMap((key) => manifest[key]!.dynamicImports ?? []).filter((key) => !needed.has(key) && (manifest[key]?.src ?? key).startsWith('src/features/dashboard/'));
    for (const key of staticClosure(manifest, lazy)) needed.add(key);
    grew = lazy.length > 0;
  }
  return measure(clientDir, manifest, needed);
}
