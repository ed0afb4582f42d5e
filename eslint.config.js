// Lint rules that keep the architecture honest:
//   shared/  pure domain code: imports nothing from server, client, drizzle or Node;
//   server/  the only code that touches the database;
//   client/  imports from the server only the AppRouter type; features never import each other;
//            the staff app and the vendor portal share only client/src/questionnaire/ (and shared/);
//   server/  domain modules (server/<module>/) use each other only through their index.ts;
//            server/platform/ never imports a module; services never see request or transport types
//            (docs/decisions/0015-server-modules.md).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./client/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// Every folder of server/ except the platform and the operator tools is a domain module.
const NOT_MODULES = ['platform', 'cli', 'seed'];
const serverModules = readdirSync(new URL('./server', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !NOT_MODULES.includes(d.name))
  .map((d) => d.name);
/** The composition root and operator tools: they wire modules together, through each module's index. */
const COMPOSITION = ['./server/*.ts', './server/cli/**', './server/seed/**', './scripts/**'];

const DATABASE_PACKAGES = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit'];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'drizzle/migrations/**', 'test-results/**', 'playwright-report/**', 'tests/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
    plugins: { 'import-x': importX, drizzle },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.server.json', 'tsconfig.client.json', 'tsconfig.shared.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a const array and a union type: enums are not erasable.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: './server', message: 'shared/ is pure: it must not import server code.' },
            { target: './shared', from: './client', message: 'shared/ is pure: it must not import client code.' },
            { target: './shared', from: './drizzle', message: 'shared/ is pure: it must not import the database schema.' },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: DATABASE_PACKAGES, message: 'shared/ must not touch the database.' }] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document'],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': ['error', 'process', 'Buffer'],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], allowTypeImports: true, message: 'The client may import only types (the AppRouter) from the server.' },
            { group: ['**/drizzle/**', ...DATABASE_PACKAGES], message: 'Only the server touches the database.' },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./client/src/features/${feature}`,
              from: './client/src/features',
              except: [`./${feature}`],
              message: 'Features do not import each other: move shared pieces to client/src/components or lib.',
            })),
            { target: './client/src/components', from: './client/src/features', message: 'Shared components must not depend on a feature.' },
            { target: './client/src/lib', from: './client/src/features', message: 'lib/ must not depend on a feature.' },
            { target: ['./client/src/app', './client/src/components', './client/src/features', './client/src/lib'], from: './client/src/portal', message: 'The staff app does not import the vendor portal.' },
          ],
        },
      ],
    },
  },
  {
    // The vendor portal is its own small app with its own JS budget: no staff-app code, no UI kit.
    // client/src/questionnaire/ is how a question looks to the vendor, shared by the portal and the
    // template editor's preview (ADR 0033): it keeps the portal's rules, since the portal loads it.
    files: ['client/src/portal/**/*.{ts,tsx}', 'client/src/questionnaire/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], allowTypeImports: true, message: 'The client may import only types (the AppRouter) from the server.' },
            { group: ['**/drizzle/**', ...DATABASE_PACKAGES], message: 'Only the server touches the database.' },
            { group: ['@mantine/*', 'recharts', 'react-router', 'react-router/*', 'date-fns', 'date-fns/*'], message: 'The vendor portal stays light: plain HTML, its own CSS and the browser\'s Intl.' },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './client/src/portal',
              from: ['./client/src/app', './client/src/components', './client/src/features', './client/src/lib'],
              message: 'The vendor portal does not import the staff app: copy the small piece it needs into client/src/portal.',
            },
            {
              target: './client/src/questionnaire',
              from: ['./client/src/app', './client/src/components', './client/src/features', './client/src/lib', './client/src/portal'],
              message: 'client/src/questionnaire/ is shared by the portal and the staff app: it imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...serverModules.map((module) => ({
              target: `./server/${module}`,
              from: serverModules.filter((other) => other !== module).map((other) => `./server/${other}`),
              except: ['./index.ts'],
              message: `A module uses another only through its public entry: import from server/<module>/index.ts.`,
            })),
            ...serverModules.map((module) => ({
              target: COMPOSITION,
              from: `./server/${module}`,
              except: ['./index.ts'],
              message: `The composition root uses a module only through its public entry: import from server/${module}/index.ts.`,
            })),
            ...[serverModules.map((module) => `./server/${module}`), COMPOSITION].map((from) => ({
              target: './server/platform',
              from,
              message: 'The platform serves every module and imports none of them (modules may extend its types by declaration merging).',
            })),
          ],
        },
      ],
    },
  },
  {
    // Services take a ServiceContext and callers' identities (platform/callers.ts), never the request.
    files: ['server/**/*.ts'],
    ignores: ['server/platform/**', 'server/*.ts', 'server/cli/**', 'server/seed/**', 'server/**/router.ts', 'server/**/*Router.ts', 'server/**/*Routes.ts', 'server/**/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/platform/trpc.ts', '**/platform/context.ts'], message: 'Services do not see tRPC or the request context: take a ServiceContext (platform/serviceContext.ts) and the caller (platform/callers.ts).' },
            { group: ['fastify', '@trpc/server', '@trpc/server/*'], message: 'Services do not see the transport: only routers (router.ts, *Router.ts) and HTTP routes (*Routes.ts) do.' },
          ],
        },
      ],
    },
  },
  {
    files: ['drizzle/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [{ target: './drizzle', from: './client' }, { target: './drizzle', from: './server' }] }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
