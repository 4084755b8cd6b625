import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { FORMAT } from '../src/cache/cache.js';
import { runCheck } from '../src/check/check.js';
import type { CheckResult } from '../src/core/result.js';
import { REPO } from './cli-helpers.js';

const FIXTURE = path.join(REPO, 'fixtures', 'shard-monolith');

function copyFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-cache-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const cacheFile = (dir: string) => path.join(dir, 'node_modules', '.cache', 'archlint', 'results.bin');

async function check(dir: string, cache: boolean, extra: Partial<Parameters<typeof runCheck>[0]> = {}): Promise<CheckResult> {
  return runCheck({ cwd: dir, paths: ['.'], baseline: false, today: '2026-01-01', cache, ...extra });
}

/** What a run reports; a cached run must report exactly what an uncached run reports. */
function reported(result: CheckResult) {
  return { diagnostics: result.diagnostics, suppressed: result.suppressed, files: result.files };
}

async function expectSameAsUncached(dir: string): Promise<CheckResult> {
  const cached = await check(dir, true);
  const fresh = await check(dir, false);
  expect(reported(cached)).toEqual(reported(fresh));
  return cached;
}

function touchPast(file: string): number {
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
  return statSync(file).mtimeMs;
}

const brief = (r: CheckResult) => r.diagnostics.map((d) => `${d.ruleId} ${d.file}`);

describe('result cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a warm run the cold run\'s results without recomputing anything', async () => {
    const cold = await expectSameAsUncached(dir);
    expect(existsSync(cacheFile(dir))).toBe(true);
    expect(brief(cold)).toContain('layers/no-cycles src/domain/invoice-number.ts');
    const before = touchPast(cacheFile(dir));
    const warm = await check(dir, true);
    expect(reported(warm)).toEqual(reported(cold));
    // Nothing missed and no project rule ran again: the cache had nothing new to write.
    expect(statSync(cacheFile(dir)).mtimeMs).toBe(before);
  });

  it('recomputes project findings in the importers of a changed file', async () => {
    await check(dir, true);
    // invoice-number.ts does not change, but the cycle reported in it is gone.
    const invoice = path.join(dir, 'src/domain/invoice.ts');
    writeFileSync(invoice, readFileSync(invoice, 'utf8').replace("import { renumber } from './invoice-number.js';", "const renumber = (n: number) => String(n);"));
    const after = await expectSameAsUncached(dir);
    expect(brief(after)).not.toContain('layers/no-cycles src/domain/invoice-number.ts');
    expect(brief(after)).toContain('layers/allowed-dependencies src/domain/invoice.ts');
  });

  it('follows added and deleted files', async () => {
    await check(dir, true);
    writeFileSync(path.join(dir, 'src/domain/tax.ts'), "import { invoiceTable } from '../infrastructure/invoice-table.js';\nexport const tax = () => invoiceTable.next();\n");
    unlinkSync(path.join(dir, 'db/migrations/002_create_customers.sql'));
    const after = await expectSameAsUncached(dir);
    expect(brief(after)).toContain('layers/allowed-dependencies src/domain/tax.ts');
    expect(brief(after).some((d) => d.startsWith('migrations/duplicate-version'))).toBe(false);
  });

  it('recomputes project findings when tsconfig.json changes how imports resolve', async () => {
    writeFileSync(path.join(dir, 'src/domain/alias.ts'), "import { invoiceTable } from '@infra/invoice-table.js';\nexport const next = () => invoiceTable.next();\n");
    const first = await expectSameAsUncached(dir);
    expect(brief(first)).not.toContain('layers/allowed-dependencies src/domain/alias.ts');
    const tsconfig = path.join(dir, 'tsconfig.json');
    const json = JSON.parse(readFileSync(tsconfig, 'utf8'));
    json.compilerOptions = { ...json.compilerOptions, baseUrl: '.', paths: { '@infra/*': ['src/infrastructure/*'] } };
    writeFileSync(tsconfig, JSON.stringify(json));
    const after = await expectSameAsUncached(dir);
    expect(brief(after)).toContain('layers/allowed-dependencies src/domain/alias.ts');
  });

  it('parses a migration again when a layout marker next to it appears', async () => {
    mkdirSync(path.join(dir, 'db/reports/migrations'), { recursive: true });
    writeFileSync(path.join(dir, 'db/reports/migrations/0001_index.sql'), 'CREATE INDEX CONCURRENTLY idx_reports_day ON reports (day);\n');
    const plain = await expectSameAsUncached(dir);
    expect(brief(plain)).not.toContain('migrations/concurrent-index-in-transaction db/reports/migrations/0001_index.sql');
    // Drizzle's journal: the folder is Drizzle's, whose migrations run in a transaction.
    mkdirSync(path.join(dir, 'db/reports/migrations/meta'));
    writeFileSync(path.join(dir, 'db/reports/migrations/meta/_journal.json'), '{ "version": "7", "dialect": "postgresql", "entries": [] }\n');
    const drizzle = await expectSameAsUncached(dir);
    expect(brief(drizzle)).toContain('migrations/concurrent-index-in-transaction db/reports/migrations/0001_index.sql');
  });

  it('starts over when the config changes', async () => {
    await check(dir, true);
    const config = path.join(dir, '.architecturerc.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nrules:\n  logging/no-console: off\n`);
    const after = await expectSameAsUncached(dir);
    expect(brief(after).some((d) => d.startsWith('logging/no-console'))).toBe(false);
  });

  it('ignores and rebuilds a corrupt or foreign cache file', async () => {
    const cold = await check(dir, false);
    await check(dir, true);
    writeFileSync(cacheFile(dir), 'not a cache');
    const corrupt = await check(dir, true);
    expect(reported(corrupt)).toEqual(reported(cold));
    expect(corrupt.notices.map((n) => n.message).join('\n')).toMatch(/was ignored \(unreadable\)/);

    writeFileSync(cacheFile(dir), serialize({ magic: 'archlint-cache', format: FORMAT, key: 'someone else', files: new Map(), projects: new Map() }));
    const foreign = await check(dir, true);
    expect(reported(foreign)).toEqual(reported(cold));
    expect(foreign.notices.map((n) => n.message).join('\n')).toMatch(/was ignored \(made by another archlint version or config\)/);

    // A file with the right key but a damaged entry is not trusted either.
    const poisoned = { magic: 'archlint-cache', format: 2, key: 'x', files: new Map([['code\0src/domain/money.ts', { hash: 1 }]]), projects: new Map() };
    writeFileSync(cacheFile(dir), serialize(poisoned));
    const damaged = await check(dir, true);
    expect(reported(damaged)).toEqual(reported(cold));
    expect(damaged.notices.map((n) => n.message).join('\n')).toMatch(/not an archlint cache/);

    const rebuilt = await check(dir, true);
    expect(rebuilt.notices.map((n) => n.message).join('\n')).not.toMatch(/ignored/);
  });

  it('writes the cache where --cache-location says', async () => {
    const location = path.join(dir, 'custom', 'archlint.cache');
    const result = await check(dir, true, { cacheLocation: location });
    expect(existsSync(location)).toBe(true);
    expect(existsSync(cacheFile(dir))).toBe(false);
    expect(reported(await check(dir, true, { cacheLocation: location }))).toEqual(reported(result));
  });

  it('keeps changed-files runs right on top of the cache', async () => {
    await check(dir, true);
    const full = await check(dir, false);
    // Without git, --changed cannot run; a shard narrows the run the same way the change does.
    const shard = await check(dir, true, { shard: { index: 1, count: 2 } });
    const uncachedShard = await check(dir, false, { shard: { index: 1, count: 2 } });
    expect(reported(shard)).toEqual(reported(uncachedShard));
    expect(shard.diagnostics.length).toBeLessThan(full.diagnostics.length);
  });
});
