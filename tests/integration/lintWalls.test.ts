/**
 * The architecture's walls are lint rules (eslint.config.js); these cases
 * show each wall fails the build when crossed, and that the allowed paths
 * stay allowed. The code is linted as if it lived at the given path.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function lintAt(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('server module walls', () => {
  it('refuses a module reaching into another module past its index', async () => {
    const messages = await lintAt('server/dashboard/probe.ts', "import { listVendors } from '../vendors/vendorList.ts';\nexport const probe = listVendors;\n");
    expect(messages.join('\n')).toMatch(/A module uses another only through its public entry/);
  });

  it("allows a module to use another through its index, and its own files directly", async () => {
    expect(await lintAt('server/dashboard/probe.ts', "import { vendorsRouter } from '../vendors/index.ts';\nimport { scopeWhere } from './scope.ts';\nexport const probe = [vendorsRouter, scopeWhere];\n")).toEqual([]);
  });

  it('refuses the platform importing any module, even through its index', async () => {
    const messages = await lintAt('server/platform/probe.ts', "import { vendorsRouter } from '../vendors/index.ts';\nexport const probe = vendorsRouter;\n");
    expect(messages.join('\n')).toMatch(/The platform serves every module and imports none of them/);
  });

  it('refuses the composition root reaching past a module index', async () => {
    const messages = await lintAt('server/probe.ts', "import { getReport } from './assessments/report/report.ts';\nexport const probe = getReport;\n");
    expect(messages.join('\n')).toMatch(/The composition root uses a module only through its public entry/);
  });

  it('refuses request or transport types in a service, and allows them in routers and HTTP routes', async () => {
    const service = await lintAt('server/vendors/probe.ts', "import type { Context } from '../platform/context.ts';\nimport type { FastifyRequest } from 'fastify';\nexport type Probe = [Context, FastifyRequest];\n");
    expect(service.join('\n')).toMatch(/Services do not see tRPC or the request context/);
    expect(service.join('\n')).toMatch(/Services do not see the transport/);
    expect(await lintAt('server/vendors/probeRoutes.ts', "import type { FastifyRequest } from 'fastify';\nexport type Probe = FastifyRequest;\n")).toEqual([]);
  });
});

describe('shared and client walls', () => {
  it('keeps shared/ pure', async () => {
    const messages = await lintAt('shared/probe.ts', "import { readFileSync } from 'node:fs';\nimport { appRouter } from '../server/router.ts';\nexport const probe = [readFileSync, appRouter];\n");
    expect(messages.join('\n')).toMatch(/import-x\/no-nodejs-modules/);
    expect(messages.join('\n')).toMatch(/shared\/ is pure: it must not import server code/);
  });

  it('lets the client import only types from the server', async () => {
    const messages = await lintAt('client/src/lib/probe.ts', "import { appRouter } from '../../../server/router.ts';\nexport const probe = appRouter;\n");
    expect(messages.join('\n')).toMatch(/The client may import only types/);
    expect(await lintAt('client/src/lib/probe.ts', "import type { AppRouter } from '../../../server/router.ts';\nexport type Probe = AppRouter;\n")).toEqual([]);
  });

  it('lets the staff app and the portal share client/src/questionnaire, which imports neither, and keeps the portal out of the staff app', async () => {
    const question = "import { QuestionInput } from '../../questionnaire/QuestionInput.tsx';\nexport const probe = QuestionInput;\n";
    expect(await lintAt('client/src/features/templates/probe.ts', question)).toEqual([]);
    expect(await lintAt('client/src/portal/pages/probe.ts', question)).toEqual([]);
    const intoPortal = await lintAt('client/src/features/templates/probe.ts', "import { QuestionCard } from '../../portal/components/QuestionCard.tsx';\nexport const probe = QuestionCard;\n");
    expect(intoPortal.join('\n')).toMatch(/The staff app does not import the vendor portal/);
    const shared = await lintAt('client/src/questionnaire/probe.ts', "import { Button } from '@mantine/core';\nimport { trpc } from '../lib/trpc.ts';\nimport { trpc as portal } from '../portal/api.ts';\nexport const probe = [Button, trpc, portal];\n");
    expect(shared.join('\n')).toMatch(/The vendor portal stays light/);
    expect(shared.join('\n')).toMatch(/shared by the portal and the staff app: it imports neither/);
  });
});
