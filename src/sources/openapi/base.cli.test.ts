import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../../bin/archlint.js');
const fixtures = path.resolve(here, '../../../fixtures');

interface Result {
  diagnostics: { ruleId: string; file: string; line: number; message: string; notes?: { file?: string; start?: { line: number } }[] }[];
}

describe('archlint check --base with API specs (built CLI, real git repository)', () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'archlint-api-base-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  const check = (...args: string[]) => spawnSync(process.execPath, [BIN, 'check', ...args, '-f', 'json'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });

  it('reports breaking changes in split OpenAPI and GraphQL specs against HEAD, in the new files', () => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    write('.architecturerc.yaml', 'extends: [archlint:recommended]\nrules:\n  graphql/mutation-errors: off\n');
    write('api/openapi.yaml', readFileSync(path.join(fixtures, 'api-orders/openapi.yaml'), 'utf8'));
    write('split/openapi.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\nservers: [{url: "https://x.example.com/v1"}]\npaths:\n  /items:\n    $ref: paths/items.yaml\n');
    write('split/paths/items.yaml', "get:\n  parameters:\n    - name: q\n      in: query\n      schema: {type: string}\n  responses:\n    '200': {description: ok}\n    '500': {description: failed, content: {application/problem+json: {schema: {type: object}}}}\n");
    write('schema/orders.graphql', readFileSync(path.join(fixtures, 'api-graphql/schema/orders.graphql'), 'utf8'));
    git('add', '.');
    git('commit', '-q', '-m', 'base');

    // The same specs, changed: a required query parameter in a referenced file, a removed
    // operation, and a GraphQL field whose type narrows.
    write('split/paths/items.yaml', readFileSync(path.join(repo, 'split/paths/items.yaml'), 'utf8').replace('      in: query\n', '      in: query\n      required: true\n'));
    const orders = readFileSync(path.join(repo, 'api/openapi.yaml'), 'utf8');
    const start = orders.indexOf('    delete:\n      operationId: cancelOrder');
    write('api/openapi.yaml', orders.slice(0, start) + orders.slice(orders.indexOf('components:\n')));
    write('schema/orders.graphql', readFileSync(path.join(repo, 'schema/orders.graphql'), 'utf8').replace('  totalCents: Int!', '  totalCents: Float!'));

    const run = check('--base', 'HEAD');
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as Result;
    const found = result.diagnostics.filter((d) => /breaking|deprecate/.test(d.ruleId)).map((d) => `${d.file}:${d.line} ${d.ruleId}`);
    expect(found).toEqual([
      'api/openapi.yaml:72 api-versioning/breaking-change',
      'schema/orders.graphql:8 graphql/breaking-change',
      'split/paths/items.yaml:3 api-versioning/breaking-change',
    ]);
    const removed = result.diagnostics.find((d) => d.file === 'api/openapi.yaml')!;
    expect(removed.message).toBe('DELETE /v2/orders/{orderId} was removed: clients calling it get 404 or 405.');
    expect(removed.notes?.[0]).toMatchObject({ file: 'api/openapi.yaml', start: { line: 98 } });
    expect(run.status).toBe(1);

    // Without --base the diff rules do not run; a missing ref is a usage error.
    expect((JSON.parse(check().stdout) as Result).diagnostics.filter((d) => /breaking/.test(d.ruleId))).toEqual([]);
    const missing = check('--base', 'no-such-ref');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-ref/);
  });

  it('runs Spectral rulesets from the config, with results located in referenced files', () => {
    write('.architecturerc.yaml', 'extends: [archlint:recommended]\nopenapi:\n  spectral: [.spectral.yaml]\n');
    write('.spectral.yaml', 'extends: [[spectral:oas, off]]\nrules:\n  operation-tags: error\n');
    const run = check('split', '--rule', 'openapi/spectral');
    expect(run.stderr).toBe('');
    const found = (JSON.parse(run.stdout) as Result).diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`);
    expect(found).toEqual(['split/paths/items.yaml:1 Operation must have non-empty "tags" array. (spectral error: operation-tags)']);
  });
});
