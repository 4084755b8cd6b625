import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { codeAdapter, parseCode } from './adapter.js';
import type { CodeFile } from './model.js';
import { exportsSubpath } from './resolver.js';
import type { CodeSettings } from '../../config/settings/code.js';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures');

async function projectOf(name: string, settings: CodeSettings = {}) {
  const root = path.join(fixtures, name);
  const files: CodeFile[] = globSync('**/*.ts', { cwd: root, ignore: ['**/node_modules/**'], expandDirectories: false })
    .sort()
    .map((p) => parseCode(p, readFileSync(path.join(root, p), 'utf8')).file!);
  return codeAdapter.project!(files, settings, root);
}

/**
 * The project of these files, written to a temporary folder (resolution reads tsconfig.json and
 * package.json there); the .ts files are the run. `prepare` adds what plain files cannot say.
 */
async function projectOnDisk(files: Record<string, string>, prepare?: (root: string) => void) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'archlint-graph-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    prepare?.(root);
    const parsed = Object.keys(files)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => parseCode(f, files[f]).file!);
    return await codeAdapter.project!(parsed, {}, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function edges(project: Awaited<ReturnType<typeof projectOf>>, file: string) {
  return (project.graph.importsOf.get(file) ?? []).map((i) => ({
    specifier: i.specifier,
    typeOnly: i.typeOnly,
    resolution: i.resolution.type === 'unresolved' ? 'unresolved' : i.resolution.type === 'file' ? i.resolution.path : `${i.resolution.type}:${i.resolution.type === 'package' ? i.resolution.name : i.resolution.name}${i.target ? ` -> ${i.target}` : ''}`,
  }));
}

describe('exportsSubpath', () => {
  it('follows Node: exact keys, then the pattern or folder key with the longest prefix; null closes', () => {
    const pkg = { exports: ['.', './package.json', './*', './features/*.js', './lib/'], closed: ['./internal/*', './features/private/*'] };
    expect(exportsSubpath(pkg, '.')).toBe(true);
    expect(exportsSubpath(pkg, './package.json')).toBe(true);
    expect(exportsSubpath(pkg, './node')).toBe(true);
    expect(exportsSubpath(pkg, './deep/er/path')).toBe(true);
    expect(exportsSubpath(pkg, './features/a/b.js')).toBe(true);
    expect(exportsSubpath(pkg, './lib/x.js')).toBe(true);
    expect(exportsSubpath(pkg, './internal/keys')).toBe(false);
    expect(exportsSubpath(pkg, './features/private/x.js')).toBe(false);
  });

  it('needs a key that covers the subpath, with at least one character for the star', () => {
    const pkg = { exports: ['.', './utils/*', './features/*.js'] };
    expect(exportsSubpath(pkg, './utils/')).toBe(false);
    expect(exportsSubpath(pkg, './utils/a')).toBe(true);
    expect(exportsSubpath(pkg, './features/a.ts')).toBe(false);
    expect(exportsSubpath(pkg, './src/index.js')).toBe(false);
    expect(exportsSubpath({}, './x')).toBe(false);
  });
});

describe('module graph', () => {
  it('resolves tsconfig paths, package.json imports, .js extensions and marks type-only imports', async () => {
    const project = await projectOf('code-paths');
    expect(edges(project, 'src/billing/application/pay-invoice.ts')).toEqual([
      { specifier: '@billing/domain/invoice-repository.js', typeOnly: true, resolution: 'src/billing/domain/invoice-repository.ts' },
      { specifier: '#logging', typeOnly: false, resolution: 'src/shared/logging/logger.ts' },
    ]);
    expect(edges(project, 'src/billing/infrastructure/postgres-invoice-repository.ts')).toEqual([
      { specifier: 'pg', typeOnly: false, resolution: 'package:pg' },
      { specifier: '#config/env', typeOnly: false, resolution: 'src/config/env.ts' },
      { specifier: '../domain/invoice.js', typeOnly: false, resolution: 'src/billing/domain/invoice.ts' },
      { specifier: '../domain/invoice-repository.js', typeOnly: true, resolution: 'src/billing/domain/invoice-repository.ts' },
    ]);
    expect(project.graph.importersOf('src/config/env.ts').map((i) => i.from)).toEqual([
      'src/billing/infrastructure/postgres-invoice-repository.ts',
      'src/main.ts',
    ]);
  });

  it('resolves workspace packages to their sources, each package with its own tsconfig', async () => {
    const project = await projectOf('code-monorepo');
    expect(project.graph.workspaces).toEqual([
      { name: '@shop/catalog', dir: 'packages/catalog', entry: 'packages/catalog/src/index.ts', exports: ['.'] },
      { name: '@shop/insights', dir: 'packages/insights', entry: undefined, exports: ['./*'], closed: ['./internal/*'] },
      { name: '@shop/storefront', dir: 'packages/storefront', entry: undefined },
    ]);
    // A subpath pattern leads to the source of the file it maps to.
    expect(edges(project, 'packages/storefront/src/telemetry.ts')).toEqual([
      { specifier: '@shop/insights/node', typeOnly: false, resolution: 'package:@shop/insights -> packages/insights/src/node.ts' },
      { specifier: '@shop/insights/internal/sampling', typeOnly: false, resolution: 'package:@shop/insights -> packages/insights/src/internal/sampling.ts' },
    ]);
    expect(edges(project, 'packages/storefront/src/server.ts')).toEqual([
      { specifier: 'fastify', typeOnly: false, resolution: 'package:fastify' },
      { specifier: '@shop/catalog', typeOnly: false, resolution: 'package:@shop/catalog -> packages/catalog/src/index.ts' },
      { specifier: '@shop/catalog/src/internal/tax-rates.js', typeOnly: false, resolution: 'package:@shop/catalog -> packages/catalog/src/internal/tax-rates.ts' },
    ]);
    expect(edges(project, 'packages/catalog/src/pricing.ts')).toEqual([
      { specifier: '~/product.js', typeOnly: true, resolution: 'packages/catalog/src/product.ts' },
      { specifier: '~/internal/tax-rates.js', typeOnly: false, resolution: 'packages/catalog/src/internal/tax-rates.ts' },
    ]);
  });

  it('keeps unresolved imports, dynamic imports, require and builtins', async () => {
    const sources: Record<string, string> = {
      'src/a.ts': [
        "import fs from 'node:fs';",
        "import path from 'path';",
        "import { missing } from './missing';",
        "import type { B } from './b';",
        "import { type C } from './b';",
        "import {} from './b';",
        "export * from './b';",
        "const lazy = () => import('./b');",
        "const cjs = require('./dir');",
        "type T = typeof import('./b');",
      ].join('\n'),
      'src/b.ts': 'export type B = 1; export type C = 2;',
      'src/dir/index.js': 'module.exports = {};',
    };
    const files = Object.entries(sources).map(([p, t]) => parseCode(p, t).file!);
    const project = await codeAdapter.project!(files, {}, '/archlint-virtual-root');
    expect(edges(project, 'src/a.ts')).toEqual([
      { specifier: 'node:fs', typeOnly: false, resolution: 'builtin:fs' },
      { specifier: 'path', typeOnly: false, resolution: 'builtin:path' },
      { specifier: './missing', typeOnly: false, resolution: 'unresolved' },
      { specifier: './b', typeOnly: true, resolution: 'src/b.ts' },
      { specifier: './b', typeOnly: true, resolution: 'src/b.ts' },
      { specifier: './b', typeOnly: false, resolution: 'src/b.ts' },
      { specifier: './b', typeOnly: false, resolution: 'src/b.ts' },
      { specifier: './b', typeOnly: false, resolution: 'src/b.ts' },
      { specifier: './dir', typeOnly: false, resolution: 'src/dir/index.js' },
      { specifier: './b', typeOnly: true, resolution: 'src/b.ts' },
    ]);
    expect(project.graph.importsOf.get('src/a.ts')!.map((i) => i.kind)).toEqual([
      'import', 'import', 'import', 'import', 'import', 'import', 'export', 'dynamic', 'require', 'import-type',
    ]);
  });

  it('reads past a bundler resource query to the file', async () => {
    const files = [
      parseCode('src/sandbox.ts', "import code from './bootstrap/pre-request?raw';\nimport Worker from './worker?worker&inline';\nexport default [code, Worker];").file!,
      parseCode('src/bootstrap/pre-request.js', 'export default 1;').file!,
      parseCode('src/worker.ts', 'export {};').file!,
    ];
    const project = await codeAdapter.project!(files, {}, '/archlint-virtual-root');
    expect(edges(project, 'src/sandbox.ts').map((e) => e.resolution)).toEqual(['src/bootstrap/pre-request.js', 'src/worker.ts']);
  });

  it('tries the extensions TypeScript tries for an import that names one: ./a.ts may be a.tsx, ./b.jsx b.ts', async () => {
    const files = [
      parseCode('src/app.tsx', "import { a } from './a.ts';\nimport { b } from './b.jsx';\nimport { c } from './c.tsx';\nimport { d } from './d.js';\nimport { e } from './e.ts';\nexport default [a, b, c, d, e];").file!,
      parseCode('src/a.tsx', 'export const a = 1;').file!,
      parseCode('src/b.ts', 'export const b = 1;').file!,
      parseCode('src/c.ts', 'export const c = 1;').file!,
      parseCode('src/d.jsx', 'export const d = 1;').file!,
    ];
    const project = await codeAdapter.project!(files, {}, '/archlint-virtual-root');
    expect(edges(project, 'src/app.tsx').map((e) => e.resolution)).toEqual(['src/a.tsx', 'src/b.ts', 'src/c.ts', 'src/d.jsx', 'unresolved']);
  });

  it('takes build output that a relative import names, not built, from the same path under src/', async () => {
    const files = [
      parseCode('packages/cli/bin/cli.ts', "import { main } from '../lib/index.js';\nmain();").file!,
      parseCode('packages/cli/src/index.ts', 'export const main = () => 1;').file!,
      parseCode('packages/schemas/alterations/1.0.0-add.ts', "import type { Alteration } from '../lib/types/alteration.js';\nimport { gone } from '../lib/types/gone.js';\nimport { y } from '../src/missing.js';\nexport const a: Alteration = gone(y);").file!,
      parseCode('packages/schemas/src/types/alteration.ts', 'export type Alteration = number;').file!,
    ];
    const project = await codeAdapter.project!(files, {}, '/archlint-virtual-root');
    expect(edges(project, 'packages/cli/bin/cli.ts').map((e) => e.resolution)).toEqual(['packages/cli/src/index.ts']);
    expect(edges(project, 'packages/schemas/alterations/1.0.0-add.ts').map((e) => e.resolution)).toEqual(['packages/schemas/src/types/alteration.ts', 'unresolved', 'unresolved']);
  });

  it('says when a path that leads nowhere lies in a git submodule not checked out', async () => {
    const project = await projectOnDisk({
      '.gitmodules': '[submodule "apps/server/src/ee"]\n\tpath = apps/server/src/ee\n\turl = https://github.com/example/ee\n',
      'apps/server/src/app.module.ts': "import { EeModule } from './ee/ee.module';\nimport { Gone } from './gone';\nexport const modules = [EeModule, Gone];",
    });
    const [ee, gone] = project.graph.importsOf.get('apps/server/src/app.module.ts')!.map((i) => i.resolution);
    expect(ee).toEqual({ type: 'unresolved', reason: 'no file apps/server/src/ee/ee.module(.ts|.js|/index.*): it lies in git submodule apps/server/src/ee, which is not checked out', submodule: 'apps/server/src/ee' });
    expect(gone).toEqual({ type: 'unresolved', reason: 'no file apps/server/src/gone(.ts|.js|/index.*)' });
    // Checked out, the submodule has files: a path into it that leads nowhere is an ordinary one.
    const checkedOut = await projectOnDisk({
      '.gitmodules': '[submodule "ee"]\n\tpath = ee\n\turl = https://github.com/example/ee\n',
      'ee/index.ts': 'export const EeModule = 1;',
      'app.ts': "import { EeModule } from './ee';\nimport { Billing } from './ee/billing';\nexport const modules = [EeModule, Billing];",
    });
    expect(checkedOut.graph.importsOf.get('app.ts')!.map((i) => i.resolution)).toEqual([
      { type: 'file', path: 'ee/index.ts' },
      { type: 'unresolved', reason: 'no file ee/billing(.ts|.js|/index.*)' },
    ]);
  });

  it("says when a path that leads nowhere lies in the folder Prisma generates its client to", async () => {
    const project = await projectOnDisk({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client"\n  output   = "../src/generated/prisma"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n',
      'src/app.ts': "import { PrismaClient } from '@/generated/prisma/client';\nimport { x } from './generated/prisma/enums.js';\nimport { y } from './generate/missing';\nexport default [PrismaClient, x, y];",
      'packages/db/package.json': JSON.stringify({ name: '@acme/db' }),
      'packages/db/prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n  output = "../generated/client"\n}\n',
      'packages/db/src/index.ts': "export * from '../generated/client';",
    });
    const app = edges(project, 'src/app.ts');
    expect(app.map((e) => e.resolution)).toEqual(['unresolved', 'unresolved', 'unresolved']);
    const reasons = project.graph.importsOf.get('src/app.ts')!.map((i) => (i.resolution.type === 'unresolved' ? i.resolution.generated : undefined));
    expect(reasons).toEqual(['src/generated/prisma', 'src/generated/prisma', undefined]);
    // A schema folder (prisma/schema/*.prisma), and the schema package.json names.
    const more = await projectOnDisk({
      'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
      'prisma/schema/generators.prisma': 'generator client {\n  provider = "prisma-client"\n  output = "../../src/generated/db"\n}\n',
      'prisma/schema/models.prisma': 'model User {\n  id Int @id\n}\n',
      'src/db.ts': "export { PrismaClient } from './generated/db/client';",
      'apps/api/package.json': JSON.stringify({ name: 'api', prisma: { schema: 'db/main.prisma' } }),
      'apps/api/db/main.prisma': 'generator client {\n  provider = "prisma-client-js"\n  output = "../src/prisma-client"\n}\n',
      'apps/api/src/db.ts': "export { PrismaClient } from './prisma-client';",
      'apps/worker/package.json': JSON.stringify({ name: 'worker' }),
      'apps/worker/prisma.config.ts': "import { defineConfig } from 'prisma/config';\nexport default defineConfig({ schema: 'database/schema.prisma' });\n",
      'apps/worker/database/schema.prisma': 'generator client {\n  provider = "prisma-client"\n  output = "../generated"\n}\n',
      'apps/worker/src/db.ts': "export { PrismaClient } from '../generated/client';",
    });
    const generatedIn = (file: string) => more.graph.importsOf.get(file)!.map((i) => (i.resolution.type === 'unresolved' ? i.resolution.generated : i.resolution.type));
    expect(generatedIn('src/db.ts')).toEqual(['src/generated/db']);
    expect(generatedIn('apps/api/src/db.ts')).toEqual(['apps/api/src/prisma-client']);
    expect(generatedIn('apps/worker/src/db.ts')).toEqual(['apps/worker/generated']);
    const db = project.graph.importsOf.get('packages/db/src/index.ts')!;
    expect(db.map((i) => (i.resolution.type === 'unresolved' ? i.resolution.reason : ''))).toEqual([
      'no file packages/db/generated/client(.ts|.js|/index.*): it lies in packages/db/generated/client, where `prisma generate` writes the client',
    ]);
  });

  it('takes a folder with its own package.json, imported by path, from its entry', async () => {
    const project = await projectOnDisk({
      'packages/db/package.json': JSON.stringify({ name: '@x/db', main: 'dist/index.js' }),
      'packages/db/src/index.ts': 'export class Client {}',
      'packages/db/prisma/seed.ts': "import { Client } from '../';\nimport { Other } from '../missing';\nnew Client(Other);",
    });
    expect(edges(project, 'packages/db/prisma/seed.ts').map((e) => e.resolution)).toEqual(['packages/db/src/index.ts', 'unresolved']);
  });

  it('takes a tsconfig path into node_modules for the package it pins, and reads past a query on an alias', async () => {
    const project = await projectOnDisk({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@angular/*': ['./node_modules/@angular/*'], '@types-local/*': ['src/types/*'] } } }),
      'src/app.ts': "import { Injectable } from '@angular/core';\nimport { http } from '@angular/common/http';\nimport { T } from '@types-local/t';\nimport { U } from '@types-local/missing';\nimport raw from '@types-local/t?raw';",
      'src/types/t.ts': 'export type T = 1;',
    });
    expect(edges(project, 'src/app.ts')).toEqual([
      { specifier: '@angular/core', typeOnly: false, resolution: 'package:@angular/core' },
      { specifier: '@angular/common/http', typeOnly: false, resolution: 'package:@angular/common' },
      { specifier: '@types-local/t', typeOnly: false, resolution: 'src/types/t.ts' },
      { specifier: '@types-local/missing', typeOnly: false, resolution: 'unresolved' },
      { specifier: '@types-local/t?raw', typeOnly: false, resolution: 'src/types/t.ts' },
    ]);
  });

  it('takes a package for an import that a catch-all tsconfig path ("*") maps to no file, as TypeScript does', async () => {
    const project = await projectOnDisk({
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '*': ['./src/*'], '~/*': ['./src/*'] } } }),
      'src/app.ts': "import { useState } from 'react';\nimport { get } from 'api/client';\nimport { x } from '~/missing';\nimport { y } from 'missing/thing';",
      'src/api/client.ts': 'export const get = 1;',
    });
    expect(edges(project, 'src/app.ts')).toEqual([
      { specifier: 'react', typeOnly: false, resolution: 'package:react' },
      { specifier: 'api/client', typeOnly: false, resolution: 'src/api/client.ts' },
      { specifier: '~/missing', typeOnly: false, resolution: 'unresolved' },
      { specifier: 'missing/thing', typeOnly: false, resolution: 'package:missing' },
    ]);
  });

  it('falls back to a workspace package when a tsconfig path names its build output, not built', async () => {
    const project = await projectOnDisk({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@shop/ui': ['./dist/packages/ui'], '@shop/gone': ['./dist/packages/gone'] } } }),
      'packages/ui/package.json': JSON.stringify({ name: '@shop/ui', main: 'src/index.ts' }),
      'apps/web/main.ts': "import { button } from '@shop/ui';\nimport { x } from '@shop/gone';\nbutton(x);",
      'packages/ui/src/index.ts': 'export const button = 1;',
    });
    expect(edges(project, 'apps/web/main.ts')).toEqual([
      { specifier: '@shop/ui', typeOnly: false, resolution: 'package:@shop/ui -> packages/ui/src/index.ts' },
      { specifier: '@shop/gone', typeOnly: false, resolution: 'unresolved' },
    ]);
  });

  it('finds files outside the run on disk in the order TypeScript tries them, follows links and takes no folder for a file', async () => {
    // Not in the run: a .tsx and a .js file, a link to the .tsx, and a folder named like a file.
    const project = await projectOnDisk(
      {
        'src/app.ts': ["import './widget';", "import './lib';", "import './linked';", "import './thing';", "import './absent';", "import { tax } from './shop/tax';"].join('\n'),
        'src/lib/index.ts': 'export {};',
        'src/thing/index.ts': 'export {};',
        'src/shop/tax/index.ts': 'export const tax = 1;',
        'src/widget.tsx': 'export {};',
        'src/lib.js': 'module.exports = {};',
      },
      (root) => {
        symlinkSync(path.join(root, 'src/widget.tsx'), path.join(root, 'src/linked.tsx'));
        mkdirSync(path.join(root, 'src/thing.js'));
      },
    );
    expect(edges(project, 'src/app.ts').map((e) => e.resolution)).toEqual([
      'src/widget.tsx',
      // lib.js before lib/index.ts, as TypeScript (and Node) take it.
      'src/lib.js',
      'src/linked.tsx',
      'src/thing/index.ts',
      'unresolved',
      'src/shop/tax/index.ts',
    ]);
  });

  it('keeps imports only types use as runtime edges where the tsconfig says TypeScript keeps them', async () => {
    const project = await projectOnDisk({
      'src/order.ts': "import { Line } from './line';\nexport interface Order { lines: Line[] }\n",
      'src/line.ts': 'export class Line {}\n',
      'verbatim/tsconfig.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }',
      'verbatim/order.ts': "import { Line } from '../src/line';\nexport interface Order { lines: Line[] }\n",
    });
    expect(project.graph.importsOf.get('src/order.ts')!.map((i) => i.erased)).toEqual([true]);
    expect(project.graph.importsOf.get('verbatim/order.ts')!.map((i) => i.erased)).toEqual([false]);
  });
});
