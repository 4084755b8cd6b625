import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OwnedFiles, owns, parseShard, shardOf } from '../src/shard/partition.js';
import { archlint, tempProject } from './cli-helpers.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3', '-1/2', '1.5/3'])('refuses %s', (value) => {
    expect(() => parseShard(value)).toThrow(/--shard/);
  });
});

describe('shardOf', () => {
  const paths = Array.from({ length: 3000 }, (_, i) => `src/modules/m${i % 60}/layer-${i % 4}/unit-${i}.ts`);

  it('is a fixed function of the path, the same on every machine and run', () => {
    // Pinned values: a change here reshuffles every user's CI matrix, so it must be deliberate.
    expect([1, 2, 3, 4].map((n) => shardOf('src/domain/order.ts', n))).toEqual([1, 2, 2, 2]);
    expect(shardOf('db/migrations/001_init.sql', 3)).toBe(3);
    expect(shardOf('api/openapi.yaml', 5)).toBe(1);
    expect(shardOf('src\\domain\\order.ts', 4)).toBe(shardOf('src/domain/order.ts', 4));
  });

  it('keeps every file on its shard when files are added or removed', () => {
    const before = new Map(paths.map((p) => [p, shardOf(p, 4)]));
    const grown = [...paths.slice(100), 'src/new/file.ts', 'src/another/new-file.ts'];
    for (const p of grown) if (before.has(p)) expect(shardOf(p, 4)).toBe(before.get(p));
  });

  it('spreads files evenly', () => {
    for (const n of [2, 3, 7]) {
      const counts = new Array<number>(n).fill(0);
      for (const p of paths) counts[shardOf(p, n) - 1]++;
      for (const c of counts) expect(Math.abs(c - paths.length / n)).toBeLessThan((paths.length / n) * 0.15);
    }
  });

  it('gives each path to exactly one shard', () => {
    for (const p of paths.slice(0, 200)) {
      const owners = [1, 2, 3].filter((index) => owns({ index, count: 3 }, p));
      expect(owners).toHaveLength(1);
    }
  });
});

describe('OwnedFiles', () => {
  it('lists the owned discovered files and answers ownership for any path', () => {
    const shard = { index: 2, count: 3 };
    const files = ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts', 'src/f.ts'];
    const owned = new OwnedFiles(shard, files);
    expect([...owned]).toEqual(files.filter((f) => shardOf(f, 3) === 2));
    expect(owned.size).toBeGreaterThan(0);
    expect(owned.size).toBeLessThan(files.length);
    // A file nobody discovered (a manifest a project rule reports in) still has one owner.
    const other = 'package.json';
    expect(owned.has(other)).toBe(shardOf(other, 3) === 2);
  });
});

interface JsonDoc {
  summary: { errors: number; warnings: number; suppressed: number; baselined: number; files: Record<string, number> };
  baseline?: { stale: unknown[] };
  diagnostics: { ruleId: string; file: string }[];
  rules: { id: string; scope: string }[];
}

const shardRuns = new Map<string, { json: string[]; sarif: string[] }>();

/** Output files of `check --shard i/count` for every i, run once per fixture and count. */
function runShards(fixture: string, count: number, dir: string): { json: string[]; sarif: string[] } {
  const cached = shardRuns.get(`${fixture}:${count}`);
  if (cached) return cached;
  const json: string[] = [];
  const sarif: string[] = [];
  for (let index = 1; index <= count; index++) {
    const j = path.join(dir, `shard-${index}-of-${count}.json`);
    const s = path.join(dir, `shard-${index}-of-${count}.sarif`);
    const run = archlint(['check', fixture, '--shard', `${index}/${count}`, '-f', `json:${j}`, '-f', `sarif:${s}`]);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    json.push(j);
    sarif.push(s);
  }
  shardRuns.set(`${fixture}:${count}`, { json, sarif });
  return { json, sarif };
}

const cases: [string, number][] = [
  ['fixtures/shard-monolith', 1],
  ['fixtures/shard-monolith', 2],
  ['fixtures/shard-monolith', 3],
  ['fixtures/sample-service', 1],
  ['fixtures/sample-service', 2],
  ['fixtures/sample-service', 3],
  // Parse errors travel as SARIF tool notifications: they must merge too.
  ['fixtures/broken-inputs', 3],
];

describe.each(cases)('%s in %i shard(s)', (fixture, count) => {
  it('merged, equals the unsharded run exactly, with each finding in one shard', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-shard-'));
    const shards = runShards(fixture, count, dir);
    const full = archlint(['check', fixture, '-f', `json:${dir}/full.json`, '-f', `sarif:${dir}/full.sarif`]);
    expect(full.stderr).toBe('');
    const fullJson = readFileSync(`${dir}/full.json`, 'utf8');
    const doc = JSON.parse(fullJson) as JsonDoc;
    expect(doc.diagnostics.length).toBeGreaterThan(0);

    const mergedJson = archlint(['merge', ...shards.json]);
    expect(mergedJson.stderr).toBe('');
    expect(mergedJson.status).toBe(0);
    expect(mergedJson.stdout).toBe(fullJson);
    const mergedSarif = archlint(['merge', ...shards.sarif]);
    expect(mergedSarif.stderr).toBe('');
    expect(mergedSarif.stdout).toBe(readFileSync(`${dir}/full.sarif`, 'utf8'));

    // Merging de-duplicates, so equality alone would hide a finding reported by two shards.
    const parts = shards.json.map((f) => JSON.parse(readFileSync(f, 'utf8')) as JsonDoc);
    const sum = (pick: (d: JsonDoc) => number) => parts.reduce((n, d) => n + pick(d), 0);
    expect(sum((d) => d.diagnostics.length)).toBe(doc.diagnostics.length);
    expect(sum((d) => d.summary.suppressed)).toBe(doc.summary.suppressed);
    expect(sum((d) => d.summary.baselined)).toBe(doc.summary.baselined);
    expect(sum((d) => d.baseline?.stale.length ?? 0)).toBe(doc.baseline?.stale.length ?? 0);
    for (const kind of Object.keys(doc.summary.files)) expect(sum((d) => d.summary.files[kind])).toBe(doc.summary.files[kind]);
  }, 180_000);
});

describe('shard-monolith', () => {
  it('spreads project-rule findings over several shards, so the ownership filter is exercised', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-shard-'));
    const { json } = runShards('fixtures/shard-monolith', 3, dir);
    const holders = new Set<number>();
    json.forEach((file, i) => {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as JsonDoc;
      const project = new Set(doc.rules.filter((r) => r.scope === 'project').map((r) => r.id));
      const found = doc.diagnostics.filter((d) => project.has(d.ruleId));
      for (const d of found) expect(shardOf(d.file, 3)).toBe(i + 1);
      if (found.length > 0) holders.add(i + 1);
    });
    expect(holders.size).toBeGreaterThanOrEqual(2);
  }, 180_000);
});

describe('check --shard usage', () => {
  it('refuses a bad shard', () => {
    const run = archlint(['check', 'fixtures/shard-monolith', '--shard', '4/3']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--shard 4\/3/);
  });

  it('does not combine with changed-files mode', () => {
    const run = archlint(['check', 'fixtures/shard-monolith', '--shard', '1/2', '--changed']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--shard cannot be combined with --changed');
  });
});

describe('a project rule reporting in a file no shard discovered', () => {
  function git(dir: string, ...args: string[]) {
    execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  }

  it('is kept by exactly the one shard that owns the deleted path', () => {
    const migrations = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`db/migrations/00${i + 1}_step_${i + 1}.sql`, `SET lock_timeout = '2s';\nCREATE TABLE t${i + 1} (id bigint PRIMARY KEY);\n`]),
    );
    const dir = tempProject({ '.architecturerc.yaml': 'extends: [archlint:recommended]\nmigrations:\n  dirs: [db/migrations]\n', ...migrations });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'initial');
    // Deleted migrations exist only at the base revision: discovery never lists them.
    const deleted = ['db/migrations/002_step_2.sql', 'db/migrations/005_step_5.sql', 'db/migrations/007_step_7.sql'];
    for (const file of deleted) rmSync(path.join(dir, file));

    const check = (extra: string[]) => JSON.parse(archlint(['check', '--base', 'HEAD', '-f', 'json', ...extra], dir).stdout) as JsonDoc;
    const full = check([]);
    const gone = full.diagnostics.filter((d) => d.ruleId === 'migrations/edited-after-merge').map((d) => d.file);
    expect(gone).toEqual(deleted);
    // The deleted paths fall in different shards, so a filter that only knew discovered files would lose some.
    expect(new Set(deleted.map((f) => shardOf(f, 3))).size).toBeGreaterThan(1);
    const parts = [1, 2, 3].map((i) => check(['--shard', `${i}/3`]));
    for (const [i, part] of parts.entries()) {
      for (const d of part.diagnostics.filter((x) => x.ruleId === 'migrations/edited-after-merge')) expect(shardOf(d.file, 3)).toBe(i + 1);
    }
    expect(parts.flatMap((p) => p.diagnostics).map((d) => `${d.ruleId} ${d.file}`).sort()).toEqual(full.diagnostics.map((d) => `${d.ruleId} ${d.file}`).sort());
  }, 180_000);
});
