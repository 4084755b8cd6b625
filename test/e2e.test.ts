import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archlint, REPO, tempProject } from './cli-helpers.js';

/** Set UPDATE_EXPECTED=1 to rewrite the expected outputs after an intended change; review the diff. */
function compareWithExpected(name: string, actual: string): void {
  const file = path.join(REPO, 'test', 'expected', name);
  if (process.env.UPDATE_EXPECTED || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('archlint check on the sample service', () => {
  const run = archlint(['check', 'fixtures/sample-service', '-f', 'json']);

  it('exits 1 because the sample has error-level findings', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('reports findings of all four artifact kinds', () => {
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string }[]; rules: { id: string; kind: string }[] };
    const kinds = new Set(report.diagnostics.map((d) => report.rules.find((r) => r.id === d.ruleId)?.kind));
    expect([...kinds].sort()).toEqual(['code', 'graphql', 'migration', 'openapi']);
  });

  it('matches the expected JSON output', () => {
    compareWithExpected('sample-service.json', run.stdout);
  });

  it('prints the stylish report with code frames by default', () => {
    const stylish = archlint(['check', 'fixtures/sample-service']);
    expect(stylish.stdout).toContain('fixtures/sample-service/src/domain/order.ts');
    expect(stylish.stdout).toMatch(/> +\d+ \|     console\.log\('order paid', this\.id\);/);
    expect(stylish.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\)/);
    expect(stylish.stdout).not.toContain('\u001b[');
  });

  it('honours overrides: the seed script may print', () => {
    expect(run.stdout).not.toContain('scripts/seed.ts');
  });
});

describe('files that do not parse', () => {
  const run = archlint(['check', 'fixtures/broken-inputs', '-f', 'json']);
  const report = JSON.parse(run.stdout) as {
    diagnostics: { ruleId: string; file: string; line: number; column: number }[];
    summary: { files: Record<string, number> };
  };
  const parseErrors = report.diagnostics.filter((d) => d.ruleId === 'archlint/parse-error');

  it('give one located parse error per broken file', () => {
    expect(parseErrors.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      'api/openapi.yaml:10:24',
      'db/migrations/001_broken.sql:3:1',
      'graphql/broken.graphql:7:8',
      'src/broken.ts:2:41',
    ]);
  });

  it('do not stop the other files from being checked', () => {
    const others = report.diagnostics.filter((d) => d.ruleId !== 'archlint/parse-error').map((d) => `${d.file} ${d.ruleId}`);
    expect(others).toEqual(
      expect.arrayContaining([
        'api/catalog.yaml api-versioning/info-version-semver',
        'db/migrations/002_index.sql migrations/require-concurrent-index',
        'graphql/ok.graphql graphql/deprecation-reason',
        'src/ok.ts logging/no-console',
      ]),
    );
    expect(report.summary.files).toEqual({ code: 2, openapi: 2, graphql: 2, migration: 2 });
    expect(run.status).toBe(1);
  });
});

describe('exit codes and config errors', () => {
  it('exits 0 on a clean project and says so in one line', () => {
    const dir = tempProject({ 'src/a.ts': 'export const a = 1;\n', '.architecturerc.yaml': 'extends: archlint:recommended\n' });
    const run = archlint(['check'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('✔ No problems in 1 file.');
  });

  it('exits 0 with warnings only, and 1 when they exceed --max-warnings', () => {
    const dir = tempProject({ 'src/a.ts': 'console.log(1);\n', '.architecturerc.yaml': 'extends: archlint:recommended\n' });
    expect(archlint(['check'], dir).status).toBe(0);
    expect(archlint(['check', '--max-warnings', '0'], dir).status).toBe(1);
    expect(archlint(['check', '--max-warnings', '1'], dir).status).toBe(0);
  });

  it('--quiet reports errors only', () => {
    const dir = tempProject({ 'src/a.ts': 'console.log(1);\n', '.architecturerc.yaml': 'extends: archlint:recommended\n' });
    const run = archlint(['check', '--quiet', '-f', 'json'], dir);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
  });

  it('runs archlint:recommended without a config, and says so', () => {
    const dir = tempProject({ 'src/a.ts': 'console.log(1);\n' });
    const run = archlint(['check'], dir);
    expect(run.stdout).toContain('No archlint config found');
    expect(run.stdout).toContain('logging/no-console');
  });

  it('a typo in a key exits 2 naming the file and the key path', () => {
    const dir = tempProject({ '.architecturerc.yaml': 'extends: archlint:recommended\nrulez:\n  logging/no-console: off\n' });
    const run = archlint(['check'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.architecturerc.yaml: rulez: unknown key "rulez" (did you mean "rules"?)');
  });

  it('a wrong option type exits 2 naming the key path inside the rule options', () => {
    const dir = tempProject({
      '.architecturerc.yaml': 'rules:\n  logging/no-console: [warn, { allow: "error" }]\n',
    });
    const run = archlint(['check'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules["logging/no-console"][1].allow: expected array (options of logging/no-console)');
  });

  it('an unknown rule exits 2 with a suggestion', () => {
    const dir = tempProject({ '.architecturerc.json': '{"rules": {"logging/no-consol": "error"}}' });
    const run = archlint(['check'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown rule "logging/no-consol" (did you mean "logging/no-console"?)');
  });

  it('an unknown format or a bad flag exits 2', () => {
    expect(archlint(['check', '-f', 'xml', 'fixtures/sample-service']).status).toBe(2);
    expect(archlint(['check', '--max-warnings', 'many', 'fixtures/sample-service']).status).toBe(2);
    expect(archlint(['check', 'no/such/folder']).status).toBe(2);
  });

  it('a missing --base revision exits 2 with a clear message', () => {
    const run = archlint(['check', 'fixtures/sample-service', '--base', 'no-such-ref-anywhere']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('The base revision "no-such-ref-anywhere" is not in this repository');
  });
});

describe('output options', () => {
  it('-f name:path writes that format to a file while another goes to stdout', () => {
    const dir = tempProject({ 'src/a.ts': 'console.log(1);\n' });
    const run = archlint(['check', '-f', 'stylish', '-f', 'sarif:out/report.sarif', '-f', 'json:out/report.json'], dir);
    expect(run.stdout).toContain('logging/no-console');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).diagnostics).toHaveLength(1);
  });

  it('-o writes the output to a file', () => {
    const dir = tempProject({ 'src/a.ts': 'console.log(1);\n' });
    const run = archlint(['check', '-f', 'json', '-o', 'report.json'], dir);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).diagnostics).toHaveLength(1);
  });

  it('colours only when asked or on a terminal', () => {
    const dir = tempProject({ 'src/a.ts': 'console.log(1);\n' });
    expect(archlint(['check'], dir).stdout).not.toContain('\u001b[');
    expect(archlint(['check', '--color'], dir).stdout).toContain('\u001b[');
    expect(archlint(['check'], dir, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(archlint(['check', '--no-color'], dir, { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('--rule and --pack narrow the run', () => {
    const all = JSON.parse(archlint(['check', 'fixtures/sample-service', '-f', 'json']).stdout);
    const one = JSON.parse(archlint(['check', 'fixtures/sample-service', '-f', 'json', '--rule', 'graphql/deprecation-reason']).stdout);
    expect(one.diagnostics.length).toBeGreaterThan(0);
    expect(one.diagnostics.length).toBeLessThan(all.diagnostics.length);
    expect(new Set(one.diagnostics.map((d: { ruleId: string }) => d.ruleId))).toEqual(new Set(['graphql/deprecation-reason']));
    const pack = JSON.parse(archlint(['check', 'fixtures/sample-service', '-f', 'json', '--pack', 'migrations']).stdout);
    expect(pack.diagnostics.every((d: { ruleId: string }) => d.ruleId.startsWith('migrations/'))).toBe(true);
    expect(archlint(['check', 'fixtures/sample-service', '--pack', 'nope']).status).toBe(2);
  });

  it('--print-config shows the rules in force for one file, overrides applied', () => {
    const run = archlint(['check', '--print-config', 'fixtures/sample-service/scripts/seed.ts']);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.file).toBe('scripts/seed.ts');
    expect(printed.rules['logging/no-console']).toBe('off');
    const domain = JSON.parse(archlint(['check', '--print-config', 'fixtures/sample-service/src/domain/order.ts']).stdout);
    expect(domain.rules['logging/no-console']).toBe('warn');
  });
});

describe('rules, explain, init', () => {
  it('archlint rules --json lists every rule with its metadata', () => {
    const rules = JSON.parse(archlint(['rules', '--json']).stdout) as { id: string; kind: string; recommended: boolean }[];
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['logging/no-console', 'api-versioning/info-version-semver', 'graphql/deprecation-reason', 'migrations/require-concurrent-index']),
    );
    expect(rules.every((r) => ['code', 'openapi', 'graphql', 'migration'].includes(r.kind))).toBe(true);
  });

  it('archlint rules prints a table', () => {
    const run = archlint(['rules', '--pack', 'logging']);
    expect(run.stdout).toMatch(/^logging\/no-console\s+code\s+warn\s+✓\s+Disallow console/m);
  });

  it('archlint explain prints the rule page', () => {
    const run = archlint(['explain', 'logging/no-console']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('logging/no-console');
    expect(run.stdout).toContain('How to fix');
    expect(archlint(['explain', 'nope/nope']).status).toBe(2);
  });

  it('archlint init writes a config that fits the repository and that loads', () => {
    const dir = tempProject({
      'src/orders/domain/order.ts': 'export class Order {}\n',
      'src/orders/application/place.ts': 'export {};\n',
      'src/orders/infrastructure/repo.ts': 'export {};\n',
      'api/openapi.yaml': 'openapi: 3.0.3\ninfo: {title: x, version: 1.0.0}\npaths: {}\n',
      'db/migrations/001_init.sql': 'CREATE TABLE t (id int);\n',
      // What .gitignore excludes is not offered.
      '.gitignore': 'generated/\n',
      'generated/openapi.yaml': 'openapi: 3.0.3\ninfo: {title: y, version: 1.0.0}\npaths: {}\n',
      'generated/migrations/001_copy.sql': 'CREATE TABLE u (id int);\n',
    });
    const run = archlint(['init'], dir);
    expect(run.status).toBe(0);
    const written = readFileSync(path.join(dir, '.architecturerc.yaml'), 'utf8');
    expect(written).toContain('files: "src/orders/domain/**"');
    expect(written).toContain('- db/migrations');
    expect(written).toContain('api/openapi.yaml');
    expect(written).not.toContain('generated/');
    expect(archlint(['check'], dir).status).toBe(0);
    const again = archlint(['init'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('not overwriting');
  });

  /** Runs `archlint init` in a new project of these files: the project, and the config written, which must then load and pass. */
  const initConfig = (files: Record<string, string>): { dir: string; written: string } => {
    const dir = tempProject(files);
    expect(archlint(['init'], dir).status).toBe(0);
    const written = readFileSync(path.join(dir, '.architecturerc.yaml'), 'utf8');
    expect(archlint(['check'], dir).status).toBe(0);
    return { dir, written };
  };

  it('archlint init knows the folder names DDD services use for the clean layers', () => {
    const { written } = initConfig({
      'src/modules/users/domain/user.ts': 'export class User {}\n',
      'src/modules/users/useCases/createUser/CreateUser.ts': "import { User } from '../../domain/user';\nexport const create = () => new User();\n",
      'src/modules/users/infra/http/routes.ts': "import { create } from '../../useCases/createUser/CreateUser';\nexport const routes = [create];\n",
      'src/modules/forum/domain/post.ts': 'export class Post {}\n',
      'src/modules/forum/useCases/post/Post.ts': 'export {};\n',
      'src/modules/forum/infra/repo.ts': 'export {};\n',
    });
    expect(written).toContain('- name: application\n      files: "**/useCases/**"');
    expect(written).toContain('- name: infrastructure\n      files: "**/infra/**"');
    // infra/http belongs to the infrastructure layer: no interface layer that no file could reach.
    expect(written).not.toContain('name: http');
  });

  it('archlint init puts outer layers first, so a domain/ folder inside application/ stays application', () => {
    const { dir, written } = initConfig({
      'src/todo/domain/todo.ts': 'export class Todo {}\n',
      'src/todo/application/event-handlers/domain/todo-added.handler.ts':
        "import { Injectable } from '@nestjs/common';\nimport { Todo } from '../../../domain/todo';\n@Injectable()\nexport class TodoAdded { handle(t: Todo) { return t; } }\n",
      'src/todo/infra/repo.ts': "import { Todo } from '../domain/todo';\nexport const all: Todo[] = [];\n",
    });
    expect(written.indexOf('name: infrastructure')).toBeLessThan(written.indexOf('name: application'));
    expect(written.indexOf('name: application')).toBeLessThan(written.indexOf('name: domain'));
    // The handler may import the framework: it is application code, not domain code.
    const run = archlint(['check', '-f', 'json'], dir);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).not.toContain('layers/no-framework-in-domain');
  });

  it('archlint init leaves out a folder name nested in another of its layer, and knows interfaces/', () => {
    const { written } = initConfig({
      'lib/domain/User.js': 'module.exports = class User {};\n',
      'lib/application/use_cases/CreateUser.js': "const User = require('../../domain/User');\nmodule.exports = () => new User();\n",
      'lib/infrastructure/repositories/UserRepository.js': 'module.exports = class {};\n',
      'lib/interfaces/controllers/UsersController.js': "const create = require('../../application/use_cases/CreateUser');\nmodule.exports = { create };\n",
    });
    expect(written).toContain('- name: application\n      files: "lib/application/**"');
    expect(written).toContain('- name: interfaces\n      files: "lib/interfaces/**"\n      dependsOn: [application, domain]');
  });

  it('archlint init does not take interfaces/ folders of TypeScript interfaces for a layer (NestJS)', () => {
    const { written } = initConfig({
      'src/users/domain/user.ts': 'export class User {}\n',
      'src/users/infrastructure/persistence/user.repository.ts': "import { User } from '../../domain/user';\nexport const load = () => new User();\n",
      'src/mail/interfaces/mail-data.interface.ts': 'export interface MailData { to: string }\n',
      'src/social/interfaces/social.interface.ts': 'export interface Social { id: string }\n',
      'src/social/interfaces/index.ts': "export * from './social.interface';\n",
      // C#-style names: declarations all the same.
      'src/tracking/interfaces/itracking-props.ts': "import type { Social } from '../../social/interfaces';\nexport interface ITrackingProps { social: Social }\nexport type Primitive = string | number;\n",
      'src/users/presentation/users.controller.ts': "import { User } from '../domain/user';\nexport const get = () => new User();\n",
    });
    expect(written).not.toContain('name: interfaces');
    expect(written).toContain('- name: presentation\n      files: "src/users/presentation/**"');
  });

  it('archlint init leaves interface-named folders inside a clean layer to that layer', () => {
    const { written } = initConfig({
      'src/shared/domain/common/interfaces/param-extractor.ts': 'export interface ParamExtractor { extract(): string }\n',
      'src/shared/domain/common/route-params.ts': "import type { ParamExtractor } from './interfaces/param-extractor';\nexport const params: ParamExtractor[] = [];\n",
      'src/shared/infrastructure/fastify/interfaces/http-error-handler.ts': 'export interface HttpErrorHandler { handle(): void }\n',
      'src/users/application/create-user.ts': "import { params } from '../../shared/domain/common/route-params';\nexport const create = () => params;\n",
      'src/orders/application/api/orders.controller.ts': "import { create } from '../../../users/application/create-user';\nexport const list = create;\n",
      'src/api/health.ts': 'export const health = () => 1;\n',
    });
    expect(written).not.toContain('name: interfaces');
    // Only the api/ folder outside the layers: `**/api/**` would take the application's own api/ too.
    expect(written).toContain('- name: api\n      files: "src/api/**"');
  });

  it('archlint init finds no layer in test folders', () => {
    const { written } = initConfig({
      'src/users/domain/user.ts': 'export class User {}\n',
      'src/users/infrastructure/user.repository.ts': "import { User } from '../domain/user';\nexport const load = () => new User();\n",
      'test/api/users.test.ts': "import { load } from '../../src/users/infrastructure/user.repository';\nexport const t = load;\n",
      'tests/application/create-user.test.ts': 'export const t = 1;\n',
    });
    expect(written).not.toContain('name: api');
    expect(written).not.toContain('name: application');
    expect(written).toContain('- name: infrastructure\n      files: "src/users/infrastructure/**"');
  });

  it('archlint init takes layers only where they sit side by side, not folder names far apart (Unleash)', () => {
    const far = initConfig({
      'src/lib/domain/resolve-origin.ts': 'export const origin = 1;\n',
      'frontend/src/component/application/ApplicationList.tsx': 'export const List = () => null;\n',
      'frontend/src/hooks/api/useApplications.ts': 'export const use = 1;\n',
    });
    expect(far.written).not.toMatch(/^code:/m);
    expect(far.written).toContain('# Folders named like clean layers were found, but not side by side, so they are no layers:\n#   frontend/src/component/application\n#   src/lib/domain\n');
    // One level apart is still side by side: src/core/domain beside src/application (pvarentsov).
    const near = initConfig({
      'src/core/domain/user.ts': 'export class User {}\n',
      'src/application/create-user.ts': "import { User } from '../core/domain/user';\nexport const create = () => new User();\n",
    });
    expect(near.written).toContain('- name: application\n      files: "src/application/**"');
    expect(near.written).toContain('- name: domain\n      files: "src/core/domain/**"');
    // Clean-layer names far apart do not hide another architecture (Practica's three tiers).
    const tiers = initConfig({
      'services/order/entry-points/api/server.ts': 'export const server = 1;\n',
      'services/order/domain/order.ts': 'export const order = 1;\n',
      'services/order/data-access/repository.ts': 'export const repo = 1;\n',
      'frontend/src/components/application/Shell.tsx': 'export const Shell = () => null;\n',
    });
    expect(tiers.written).toContain('- name: entry-points');
    expect(tiers.written).not.toContain('not side by side');
  });

  it('archlint init leaves out Prisma migrations of another database, and says so', () => {
    const { written } = initConfig({
      'prisma/postgres/migrations/migration_lock.toml': 'provider = "postgresql"',
      'prisma/postgres/migrations/20240409081445_init/migration.sql': 'CREATE TABLE "t" ("id" BIGINT PRIMARY KEY);\n',
      'prisma/sqlite/migrations/migration_lock.toml': 'provider = "sqlite"',
      'prisma/sqlite/migrations/20240409081445_init/migration.sql': 'PRAGMA foreign_keys=OFF;\n',
    });
    expect(written).toContain('migrations:\n  dirs:\n    - prisma/postgres/migrations\n');
    expect(written).toContain('#   prisma/sqlite/migrations (Prisma provider "sqlite")');
  });

  it('archlint init writes the clean layers it finds when one is missing', () => {
    const { written } = initConfig({
      'src/users/domain/user.ts': 'export class User {}\n',
      'src/users/infrastructure/persistence/user.repository.ts': "import { User } from '../../domain/user';\nexport const load = () => new User();\n",
      'src/users/users.service.ts': "import { load } from './infrastructure/persistence/user.repository';\nexport const get = load;\n",
    });
    expect(written).toContain('- name: domain\n      files: "src/users/domain/**"\n      dependsOn: []');
    expect(written).toContain('- name: infrastructure\n      files: "src/users/infrastructure/**"\n      dependsOn: [domain]');
    expect(written).not.toContain('name: application');
  });

  it('archlint init makes main/ the composition root, which may import every layer', () => {
    const { dir, written } = initConfig({
      'src/domain/usecases/add-account.ts': 'export interface AddAccount { add(): void }\n',
      'src/infra/db/account-repository.ts': 'export class AccountRepository {}\n',
      'src/presentation/controllers/signup.ts': "import type { AddAccount } from '../../domain/usecases/add-account';\nexport class SignUp { constructor(readonly add: AddAccount) {} }\n",
      'src/main/factories/usecases/add-account-factory.ts': "import { AccountRepository } from '../../../infra/db/account-repository';\nexport const make = () => new AccountRepository();\n",
    });
    expect(written).toContain('- name: main\n      files: "src/main/**"\n      dependsOn: [presentation, infrastructure, application, domain]');
    expect(written.indexOf('name: main')).toBeLessThan(written.indexOf('name: presentation'));
    const run = archlint(['check', '-f', 'json'], dir);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
  });

  it('archlint init writes three tiers for entry-points/, domain/ and data-access/ (Practica)', () => {
    const { dir, written } = initConfig({
      'services/order-service/entry-points/api/routes.ts': "import { addOrder } from '../../domain/new-order-use-case';\nexport const routes = [addOrder];\n",
      'services/order-service/domain/new-order-use-case.ts': "import { save } from '../data-access/order-repository';\nexport const addOrder = save;\n",
      'services/order-service/data-access/order-repository.ts': 'export const save = () => 1;\n',
    });
    expect(written).toContain('- name: entry-points\n      files: "services/order-service/entry-points/**"\n      dependsOn: [domain]');
    expect(written).toContain('- name: domain\n      files: "services/order-service/domain/**"\n      dependsOn: [data-access]');
    expect(written).toContain('- name: data-access\n      files: "services/order-service/data-access/**"\n      dependsOn: []');
    // The domain calling data access is the design, not a finding; data access calling up is.
    writeFileSync(path.join(dir, 'services/order-service/data-access/order-repository.ts'), "import { routes } from '../entry-points/api/routes';\nexport const save = () => routes;\n");
    const run = archlint(['check', '-f', 'json'], dir);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { ruleId: string; file: string }) => `${d.ruleId} ${d.file}`)).toContain(
      'layers/allowed-dependencies services/order-service/data-access/order-repository.ts',
    );
  });

  it('archlint init leaves a config in package.json alone too', () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ name: 'x', architecture: { extends: 'archlint:recommended' } }), 'src/a.ts': '' });
    const run = archlint(['init'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('package.json#architecture');
    const plain = tempProject({ 'package.json': JSON.stringify({ name: 'y' }), 'src/a.ts': '' });
    expect(archlint(['init'], plain).status).toBe(0);
  });

  it('--help documents every command with examples', () => {
    const run = archlint(['check', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('--max-warnings');
  });
});

describe('archlint lints itself', () => {
  it('keeps its own layers, per .architecturerc.yaml at the repository root', () => {
    const run = archlint(['check', 'src', 'rules']);
    expect(run.stdout).toMatch(/✔ No problems in \d+ files(?: \(\d+ suppressed\))?\./);
    expect(run.status).toBe(0);
  });
});
