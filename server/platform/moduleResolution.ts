/**
 * Faster, lighter module resolution at start-up (docs/decisions/0031-start-up-memory.md).
 *
 * Node 24 works out, for every ES module file it resolves, which package
 * scope the file is in, and while doing so parses that package's whole
 * "exports" map again (node:internal/modules/package_json_reader spreads a
 * lazily parsed object). drizzle-orm's package.json is 179 KB and the server
 * loads a few hundred of its files, so importing the server parsed that JSON
 * hundreds of times: about 80 MB of garbage, which left the heap and the
 * resident memory that much larger for the life of the process, and more than
 * a second of start-up on this machine. The same happens for every file that
 * imports `drizzle-orm` by name.
 *
 * These hooks answer the two common cases from a small cache and hand every
 * other case to Node unchanged:
 *   - a relative `import` ending in .js/.mjs/.cjs from a file in node_modules:
 *     the URL is the specifier against the importing file (what Node does),
 *     and the format comes from the nearest package.json's "type", looked up
 *     once per directory (the rule Node applies); a package without "type"
 *     is left to Node, which may look for module syntax in the file;
 *   - a bare or `#` import from the application's own source (outside
 *     node_modules): every such file shares one package root, so the answer
 *     for a specifier is the same from any of them, and is remembered.
 * A file that does not exist, or a package.json that does not parse, falls
 * through to Node, so errors read as they always did.
 */
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks, type ResolveHookContext, type ResolveFnOutput } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const APP_ROOT_URL = pathToFileURL(path.resolve(import.meta.dirname, '../..')).href + '/';
const NODE_MODULES = '/node_modules/';

type ModuleType = 'module' | 'commonjs';

/** The "type" of the nearest package.json above a directory, per directory; null when it has none or does not parse (Node decides). */
const typeOfDirectory = new Map<string, ModuleType | null>();

function packageTypeOf(directory: string): ModuleType | null {
  const known = typeOfDirectory.get(directory);
  if (known !== undefined) return known;
  let type: ModuleType | null;
  const manifest = path.join(directory, 'package.json');
  if (existsSync(manifest)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      const declared = parsed !== null && typeof parsed === 'object' && 'type' in parsed ? parsed.type : undefined;
      // Without "type", Node looks inside a .js file for module syntax: leave those to Node.
      type = declared === 'module' ? 'module' : declared === 'commonjs' ? 'commonjs' : null;
    } catch {
      type = null;
    }
  } else {
    const parent = path.dirname(directory);
    type = parent === directory ? null : packageTypeOf(parent);
  }
  typeOfDirectory.set(directory, type);
  return type;
}

function formatOf(fileUrl: string): ModuleType | null {
  if (fileUrl.endsWith('.mjs')) return 'module';
  if (fileUrl.endsWith('.cjs')) return 'commonjs';
  return packageTypeOf(path.dirname(fileURLToPath(fileUrl)));
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');
const isBareOrImport = (specifier: string) => !isRelative(specifier) && !specifier.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(specifier);

/** Resolutions of bare and `#` specifiers from the application's own files, by specifier and conditions. */
const appResolutions = new Map<string, ResolveFnOutput>();

function resolveFromDependency(specifier: string, parentURL: string): ResolveFnOutput | null {
  if (!/\.[cm]?js$/.test(specifier)) return null;
  const url = new URL(specifier, parentURL);
  if (url.search || url.hash || !existsSync(url)) return null;
  const format = formatOf(url.href);
  return format ? { url: url.href, format, shortCircuit: true } : null;
}

let registered = false;

/** Registers the hooks once; call it before the server's modules are imported. */
export function useFastModuleResolution(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier: string, context: ResolveHookContext, nextResolve) {
      const parentURL = context.parentURL;
      if (!parentURL?.startsWith('file:')) return nextResolve(specifier, context);
      if (parentURL.includes(NODE_MODULES)) {
        // require() of a relative path never reads the exports map: only `import` needs the shortcut.
        if (!isRelative(specifier) || !context.conditions.includes('import')) return nextResolve(specifier, context);
        return resolveFromDependency(specifier, parentURL) ?? nextResolve(specifier, context);
      }
      if (!parentURL.startsWith(APP_ROOT_URL) || !isBareOrImport(specifier) || Object.keys(context.importAttributes ?? {}).length > 0) {
        return nextResolve(specifier, context);
      }
      const key = `${specifier}\0${context.conditions.join(',')}`;
      const known = appResolutions.get(key);
      if (known) return known;
      const resolved = nextResolve(specifier, context);
      appResolutions.set(key, { ...resolved, shortCircuit: true });
      return resolved;
    },
  });
}
