import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../check/check.js';
import { tempProject } from '../../../test/cli-helpers.js';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures');

async function findings(name: string, packs = ['layers', 'logging', 'errors']) {
  const result = await runCheck({ cwd: path.join(fixtures, name), paths: ['.'], onlyPacks: packs });
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
}

// End to end over the code fixtures: config loading, discovery, the module graph and every code pack.
describe('code fixtures', () => {
  it('code-paths: tsconfig paths, #imports and a refined clean preset', async () => {
    expect(await findings('code-paths')).toEqual([
      'src/billing/api/invoices-router.ts:14:5 logging/error-object',
      'src/billing/api/invoices-router.ts:14:18 logging/structured-message',
      'src/billing/api/invoices-router.ts:15:26 errors/problem-details-response',
      'src/billing/application/pay-invoice.ts:9:25 errors/no-generic-error',
      'src/billing/domain/invoice-repository.ts:3:43 layers/allowed-dependencies',
    ]);
  });

  it('code-monorepo: workspace packages with their own tsconfig', async () => {
    expect(await findings('code-monorepo')).toEqual([
      'packages/storefront/src/legacy-pricing.ts:2:27 layers/public-api',
      'packages/storefront/src/server.ts:4:27 layers/public-api',
      'packages/storefront/src/server.ts:12:33 errors/problem-details-response',
      'packages/storefront/src/server.ts:15:20 logging/structured-message',
      'packages/storefront/src/telemetry.ts:4:28 layers/public-api',
    ]);
  });

  it('code-hexagonal: hexagonal preset, NestJS, domain error base', async () => {
    expect(await findings('code-hexagonal')).toEqual([
      'src/adapters/http/orders.controller.ts:24:35 errors/problem-details-response',
      'src/adapters/http/orders.controller.ts:30:46 errors/problem-details-response',
      'src/adapters/payments/http-payment-gateway.ts:7:40 errors/throw-error-objects',
      'src/adapters/persistence/typeorm-order-repository.ts:11:7 errors/no-swallowed-catch',
      'src/application/order-events.ts:2:28 layers/no-cycles',
      'src/application/place-order.ts:21:25 logging/structured-message',
      'src/application/place-order.ts:21:60 logging/no-sensitive-data',
      'src/domain/order-line.ts:1:30 layers/no-framework-in-domain',
      'src/domain/order-line.ts:1:30 logging/approved-logger',
      'src/domain/order-line.ts:14:11 errors/no-generic-error',
      'src/domain/order.ts:25:27 errors/domain-error-base',
    ]);
  });
});

describe('workspace packages on disk', () => {
  it('layers/public-api takes entry files at the root of a package without exports for public (nocobase)', async () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'app', private: true, workspaces: ['packages/*'] }),
      'packages/utils/package.json': JSON.stringify({ name: '@acme/utils', main: 'lib/index.js' }),
      'packages/utils/client.js': "module.exports = require('./lib/client');\n",
      'packages/utils/server/index.ts': 'export const server = 1;\n',
      'packages/utils/src/index.ts': 'export const util = 1;\n',
      'packages/utils/src/client.ts': 'export const client = 1;\n',
      'packages/utils/src/internal/dates.ts': 'export const dates = 1;\n',
      'packages/web/package.json': JSON.stringify({ name: '@acme/web' }),
      'packages/web/src/app.ts':
        "import { client } from '@acme/utils/client';\nimport { server } from '@acme/utils/server';\nimport { dates } from '@acme/utils/src/internal/dates';\nexport const all = [client, server, dates];\n",
    });
    const result = await runCheck({ cwd: root, paths: ['.'], onlyRules: ['layers/public-api'] });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'packages/web/src/app.ts:3 Deep import "@acme/utils/src/internal/dates" reaches into the internals of workspace package "@acme/utils"; import "@acme/utils".',
    ]);
  });

  it('layers/public-api reports relative imports from one package into another, not from repository scripts or through aliases', async () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*'] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@catalog-src/*': ['packages/catalog/src/*'] } } }),
      'packages/catalog/package.json': JSON.stringify({ name: '@shop/catalog', main: 'dist/index.js' }),
      'packages/catalog/src/index.ts': 'export const price = 1;\n',
      'packages/catalog/src/rates.ts': 'export const RATES = { DE: 0.19 };\n',
      'packages/storefront/package.json': JSON.stringify({ name: '@shop/storefront' }),
      'packages/storefront/src/server.ts': "import { RATES } from '../../catalog/src/rates';\nimport { price } from '@catalog-src/index';\nexport const all = [RATES, price];\n",
      'scripts/print-rates.ts': "import { RATES } from '../packages/catalog/src/rates';\nexport const rates = RATES;\n",
      'packages/storefront/src/version.ts': "import catalog from '../../catalog/package.json';\nexport const version = catalog.version;\n",
    });
    const result = await runCheck({ cwd: root, paths: ['.'], onlyRules: ['layers/public-api'] });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'packages/storefront/src/server.ts:1:23 Relative import "../../catalog/src/rates" reaches into workspace package "@shop/catalog" past its package.json; import "@shop/catalog".',
    ]);
  });

  it('layers/unresolved-import leaves imports into a git submodule that is not checked out alone', async () => {
    const root = tempProject({
      '.gitmodules': '[submodule "src/ee"]\n\tpath = src/ee\n\turl = https://github.com/example/ee\n',
      'src/app.ts': "import { EeModule } from './ee/ee.module';\nimport { Gone } from './gone';\nexport const modules = [EeModule, Gone];\n",
    });
    const result = await runCheck({ cwd: root, paths: ['.'], onlyRules: ['layers/unresolved-import'] });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'src/app.ts:2 Cannot resolve "./gone": no file src/gone(.ts|.js|/index.*).',
    ]);
  });

  it('layers/unresolved-import leaves imports of the client Prisma generates alone', async () => {
    const root = tempProject({
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client"\n  output   = "../src/generated/prisma"\n}\n',
      'src/db.ts': "import { PrismaClient } from './generated/prisma/client';\nimport { Gone } from './gone';\nexport const db = [PrismaClient, Gone];\n",
    });
    const result = await runCheck({ cwd: root, paths: ['.'], onlyRules: ['layers/unresolved-import'] });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'src/db.ts:2 Cannot resolve "./gone": no file src/gone(.ts|.js|/index.*).',
    ]);
  });
});
