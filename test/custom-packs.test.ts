import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleTester } from '../src/testing.js';
import { scaffoldRule } from '../src/scaffold/new-rule.js';
import { archlint, REPO, tempProject } from './cli-helpers.js';

describe('custom packs', () => {
  const run = archlint(['check', 'fixtures/custom-pack', '-f', 'json']);
  const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; file: string }[]; rules: { id: string; docsUrl: string }[] };

  it('loads a TypeScript pack and a declarative YAML pack, and runs their rules', () => {
    expect(run.stderr).toBe('');
    expect(report.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'api/openapi.yaml acme-declarative/operation-summary',
      'db/migrations/001_reset.sql acme-declarative/no-truncate',
      'src/modules/billing/charge.ts acme-declarative/module-entry',
      'src/modules/billing/charge.ts acme-declarative/no-raw-delete',
      'src/modules/billing/charge.ts acme/no-process-exit',
      'src/modules/orders/domain/order.ts acme-declarative/no-lodash-in-domain',
    ]);
  });

  it('gives custom rules their own doc links, and SARIF metadata like built-in ones', () => {
    expect(report.rules.find((r) => r.id === 'acme/no-process-exit')?.docsUrl).toMatch(/^file:.*fixtures\/custom-pack\/pack\/no-process-exit\.md$/);
    const sarif = JSON.parse(archlint(['check', 'fixtures/custom-pack', '-f', 'sarif']).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'acme/no-process-exit');
    expect(rule.help.markdown).toContain('# acme/no-process-exit');
    expect(rule.helpUri).toBeUndefined();
  });

  it('lists custom rules in archlint rules and explains them', () => {
    const cwd = path.join(REPO, 'fixtures/custom-pack');
    expect(archlint(['rules', '--pack', 'acme'], cwd).stdout).toMatch(/^acme\/no-process-exit\s+code\s+error/m);
    expect(archlint(['explain', 'acme/no-process-exit'], cwd).stdout).toContain('shutdown hooks do not run');
  });

  it('validates custom rule options like built-in ones', () => {
    const dir = tempProject({
      '.architecturerc.yaml': `packs: ["${path.join(REPO, 'fixtures/custom-pack/pack/index.ts')}"]\nrules:\n  acme/no-process-exit: [error, { allowFiles: "x" }]\n`,
    });
    const bad = archlint(['check'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('rules["acme/no-process-exit"][1].allowFiles: expected array (options of acme/no-process-exit)');
  });

  it('reports a broken pack as a config error naming the pack', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'p.mjs': 'export default 42;' }, /packs\[0\]: the pack "\.\/p\.mjs" does not export a pack/],
      [{ 'p.mjs': 'throw new Error("kaboom");' }, /packs\[0\]: the pack "\.\/p\.mjs" failed to load: kaboom/],
      [{ 'p.mjs': 'export default { id: "x", rules: [{ id: "y/z" }] };' }, /rules\[0\] \(y\/z\): its id must start with "x\/"/],
      [{ 'p.yaml': 'id: x\nrules:\n  - name: a\n    type: forbidden-call\n    description: d\n' }, /is not a valid declarative pack .*missing required key "callees"/],
      [{ 'p.yaml': 'id: logging\nrules: []\n' }, /has the id "logging", which another pack already uses/],
      [{}, /packs\[0\]: the pack "\.\/p\.mjs" does not exist/],
    ];
    for (const [files, message] of cases) {
      const name = Object.keys(files)[0] ?? 'p.mjs';
      const dir = tempProject({ ...files, '.architecturerc.yaml': `packs: [./${name}]\n` });
      const result = archlint(['check'], dir);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('keys the result cache on the pack\'s code, helpers it imports by relative path included', () => {
    const rule = `import { advice } from './advice.mjs';
export default {
  id: 'acme/no-eval',
  kind: 'code',
  scope: 'file',
  meta: { description: 'No eval.', severity: 'error' },
  messages: { evil: 'eval: {{advice}}' },
  create(context) {
    return {
      CallExpression(node) {
        if (node.expression.getText(context.model.ast) === 'eval') context.report({ messageId: 'evil', data: { advice }, at: { offset: node.getStart(context.model.ast), endOffset: node.getEnd() } });
      },
    };
  },
};
`;
    const dir = tempProject({
      'rules/pack.mjs': "import noEval from './no-eval.mjs';\nexport default { id: 'acme', rules: [noEval] };\n",
      'rules/no-eval.mjs': rule,
      'rules/advice.mjs': "export const advice = 'parse the input instead';\n",
      'src/run.ts': 'eval(input);\n',
      '.architecturerc.yaml': 'packs: [./rules/pack.mjs]\nrules:\n  acme/no-eval: error\n',
    });
    const messages = () => {
      const run = archlint(['check', '--cache', '-f', 'json', '--rule', 'acme/no-eval'], dir);
      return (JSON.parse(run.stdout) as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message);
    };
    expect(messages()).toEqual(['eval: parse the input instead']);
    writeFileSync(path.join(dir, 'rules/advice.mjs'), "export const advice = 'use JSON.parse';\n");
    expect(messages()).toEqual(['eval: use JSON.parse']);
  });
});

describe('archlint new-rule', () => {
  const dir = mkdtempSync(path.join(REPO, 'test', '.scaffold-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['code', 'eval(input);', 'run(input);'],
    ['openapi', 'openapi: 3.1.0\ninfo: {title: x, version: 1.0.0}\npaths: {}\n', 'openapi: 3.1.0\ninfo: {title: x, version: 1.0.0, description: y}\npaths: {}\n'],
    ['graphql', 'type Order { id: ID! }', '"""An order."""\ntype Order { id: ID! }'],
    ['migration', 'TRUNCATE t;', 'CREATE TABLE t (id bigint);'],
  ] as const)('writes a %s rule that works, with its test and doc, listed in the index', async (kind, bad, good) => {
    const files = scaffoldRule({ id: `acme/sample-${kind}`, kind, dir, insideArchlint: false });
    expect(files.map((f) => path.basename(f))).toEqual([`sample-${kind}.ts`, `sample-${kind}.test.ts`, `sample-${kind}.md`, 'index.ts']);
    expect(readFileSync(path.join(dir, 'acme', 'index.ts'), 'utf8')).toContain(`./sample-${kind}.js`);
    const rule = (await import(pathToFileURL(files[0]).href)).default;
    const tester = new RuleTester();
    expect(await tester.check(rule, { code: bad })).toHaveLength(1);
    expect(await tester.check(rule, { code: good })).toEqual([]);
  });

  it('refuses to overwrite and rejects bad ids', () => {
    expect(() => scaffoldRule({ id: 'acme/sample-code', kind: 'code', dir, insideArchlint: false })).toThrow(/already exists/);
    expect(archlint(['new-rule', 'NoSlash'], dir).status).toBe(2);
  });

  it('adds to an existing index that has other rules', () => {
    writeFileSync(path.join(dir, 'acme', 'extra.txt'), '');
    const index = readFileSync(path.join(dir, 'acme', 'index.ts'), 'utf8');
    expect(index).toMatch(/rules: \[sampleCode, sampleOpenapi, sampleGraphql, sampleMigration\]/);
  });
});
