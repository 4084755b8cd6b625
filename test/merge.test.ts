import AjvDraft04 from 'ajv-draft-04';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { MergeError, mergeJson, mergeReports, mergeSarif, readReport, type JsonReport } from '../src/merge/merge.js';
import { archlint, REPO } from './cli-helpers.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);

const diag = (file: string, line: number, ruleId: string, fingerprint: string, severity: 'warn' | 'error' = 'warn') => ({
  ruleId,
  severity,
  message: `${ruleId} at ${file}:${line}`,
  file,
  line,
  column: 1,
  endLine: line,
  endColumn: 5,
  fingerprint,
});

function jsonReport(overrides: Partial<JsonReport>): JsonReport {
  return {
    formatVersion: 1,
    tool: { name: 'archlint', version: '0.1.0' },
    executionSuccessful: true,
    summary: { errors: 0, warnings: 0, suppressed: 0, baselined: 0, files: { code: 0, openapi: 0, graphql: 0, migration: 0 } },
    notices: [],
    rules: [],
    diagnostics: [],
    suppressed: [],
    ...overrides,
  };
}

describe('mergeJson', () => {
  const a = jsonReport({
    summary: { errors: 1, warnings: 1, suppressed: 0, baselined: 2, files: { code: 3, openapi: 1, graphql: 0, migration: 0 } },
    notices: [{ level: 'info', message: 'No archlint config found' }],
    rules: [{ id: 'logging/no-console' }, { id: 'layers/no-cycles' }],
    diagnostics: [diag('src/b.ts', 3, 'logging/no-console', 'f1'), diag('src/a.ts', 9, 'layers/no-cycles', 'f2', 'error')],
  });
  const b = jsonReport({
    executionSuccessful: false,
    summary: { errors: 0, warnings: 2, suppressed: 0, baselined: 1, files: { code: 2, openapi: 0, graphql: 1, migration: 0 } },
    notices: [{ level: 'info', message: 'No archlint config found' }],
    rules: [{ id: 'logging/no-console' }, { id: 'graphql/naming' }],
    // The project finding again, as a shard that did not filter would report it.
    diagnostics: [diag('src/a.ts', 2, 'logging/no-console', 'f3'), diag('src/a.ts', 9, 'layers/no-cycles', 'f2', 'error')],
  });
  const merged = mergeJson([
    { file: 'a.json', report: a },
    { file: 'b.json', report: b },
  ]);

  it('unites findings without repeats, in file/line/column/rule order', () => {
    expect(merged.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      'src/a.ts:2 logging/no-console',
      'src/a.ts:9 layers/no-cycles',
      'src/b.ts:3 logging/no-console',
    ]);
  });

  it('recomputes the summary and adds up the per-shard counts', () => {
    expect(merged.summary).toEqual({ errors: 1, warnings: 2, suppressed: 0, baselined: 3, files: { code: 5, openapi: 1, graphql: 1, migration: 0 } });
    expect(merged.executionSuccessful).toBe(false);
    expect(merged.notices).toHaveLength(1);
    expect(merged.rules.map((r) => r.id)).toEqual(['graphql/naming', 'layers/no-cycles', 'logging/no-console']);
  });

  it('keeps two findings that share a fingerprint and place but say different things', () => {
    const one = { ...diag('src/x.ts', 1, 'layers/no-cycles', 'same'), message: 'cycle a' };
    const two = { ...one, message: 'cycle b' };
    const out = mergeJson([{ file: 'a.json', report: jsonReport({ diagnostics: [one] }) }, { file: 'b.json', report: jsonReport({ diagnostics: [two, one] }) }]);
    expect(out.diagnostics.map((d) => d.message)).toEqual(['cycle a', 'cycle b']);
  });

  it('refuses reports of different archlint versions', () => {
    expect(() =>
      mergeJson([
        { file: 'a.json', report: a },
        { file: 'b.json', report: { ...b, tool: { name: 'archlint', version: '0.2.0' } } },
      ]),
    ).toThrow(/different archlint versions \(a\.json: 0\.1\.0, b\.json: 0\.2\.0\)/);
  });
});

function sarifLog(rules: string[], results: Result[], executionSuccessful = true): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'archlint', version: '0.1.0', semanticVersion: '0.1.0', rules: rules.map((id) => ({ id, shortDescription: { text: id } })) } },
        invocations: [{ executionSuccessful, toolExecutionNotifications: [] }],
        results,
      },
    ],
  };
}

const result = (ruleId: string, ruleIndex: number, uri: string, line: number, fingerprint: string, extra: Partial<Result> = {}): Result => ({
  ...extra,
  ruleId,
  ruleIndex,
  level: 'warning',
  message: { text: `${ruleId} in ${uri}` },
  locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: line, startColumn: 1 } } }],
  partialFingerprints: { 'archlintFingerprint/v1': fingerprint },
});

describe('mergeSarif', () => {
  const first = sarifLog(['logging/no-console', 'archlint/parse-error'], [result('logging/no-console', 0, 'src/z.ts', 4, 'f1'), result('archlint/parse-error', 1, 'src/broken.ts', 1, 'f9')]);
  const second = sarifLog(
    ['layers/no-cycles', 'logging/no-console'],
    [
      result('logging/no-console', 1, 'src/a.ts', 7, 'f2', { suppressions: [{ kind: 'inSource', status: 'accepted' }] }),
      result('layers/no-cycles', 0, 'src/z.ts', 1, 'f3'),
      result('logging/no-console', 1, 'src/z.ts', 4, 'f1'),
    ],
    false,
  );
  const log = mergeSarif([
    { file: 'one.sarif', report: first },
    { file: 'two.sarif', report: second },
  ]);
  const run = log.runs[0];

  it('makes one run with the rules united, archlint’s own rules last', () => {
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(['layers/no-cycles', 'logging/no-console', 'archlint/parse-error']);
  });

  it('de-duplicates results, orders them and recomputes ruleIndex', () => {
    expect(run.results!.map((r) => `${r.locations![0].physicalLocation!.artifactLocation!.uri}:${r.locations![0].physicalLocation!.region!.startLine} ${r.ruleId}`)).toEqual([
      'src/broken.ts:1 archlint/parse-error',
      'src/z.ts:1 layers/no-cycles',
      'src/z.ts:4 logging/no-console',
      // Suppressed results come after the findings, as in an unsharded run.
      'src/a.ts:7 logging/no-console',
    ]);
    for (const r of run.results!) expect(run.tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
  });

  it('combines invocations: successful only if every shard was', () => {
    expect(run.invocations).toEqual([{ executionSuccessful: false, toolExecutionNotifications: [] }]);
  });

  it('refuses runs of another tool', () => {
    const other = sarifLog([], []);
    other.runs[0].tool.driver.name = 'eslint';
    expect(() => mergeSarif([{ file: 'eslint.sarif', report: other }])).toThrow(/eslint.sarif holds a run of "eslint", not archlint/);
  });
});

describe('readReport and mergeReports', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-merge-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('tells the formats apart by content', () => {
    expect(readReport(write('a.txt', JSON.stringify(jsonReport({})))).format).toBe('json');
    expect(readReport(write('b.txt', JSON.stringify(sarifLog([], [])))).format).toBe('sarif');
  });

  it.each([
    ['missing.json', undefined, /cannot read .*missing\.json: ENOENT/],
    ['broken.json', '{"formatVersion": 1,', /broken\.json is not JSON/],
    ['other.json', '{"hello": "world"}', /neither archlint JSON \(-f json\) nor SARIF 2\.1\.0/],
    ['future.json', '{"formatVersion": 2, "diagnostics": []}', /JSON format version 2 is not supported/],
  ])('refuses %s', (name, text, message) => {
    const file = text === undefined ? path.join(dir, name) : write(name, text);
    expect(() => readReport(file)).toThrow(MergeError);
    expect(() => readReport(file)).toThrow(message);
  });

  it('refuses JSON and SARIF together, and nothing at all', () => {
    const json = readReport(write('j.json', JSON.stringify(jsonReport({}))));
    const sarif = readReport(write('s.sarif', JSON.stringify(sarifLog([], []))));
    expect(() => mergeReports([json, sarif])).toThrow(/cannot merge JSON and SARIF together/);
    expect(() => mergeReports([])).toThrow(MergeError);
  });
});

describe('archlint merge (CLI)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-merge-cli-'));
  const shards = [1, 2, 3].map((i) => {
    const json = path.join(dir, `${i}.json`);
    const sarif = path.join(dir, `${i}.sarif`);
    archlint(['check', 'fixtures/shard-monolith', '--shard', `${i}/3`, '-f', `json:${json}`, '-f', `sarif:${sarif}`]);
    return { json, sarif };
  });

  it('writes a SARIF file that validates against the SARIF 2.1.0 schema', () => {
    const out = path.join(dir, 'merged.sarif');
    const run = archlint(['merge', ...shards.map((s) => s.sarif), '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const Ajv04 = AjvDraft04 as unknown as typeof AjvDraft04.default;
    const validate = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const results = log.runs[0].results as Result[];
    expect(results.some((r) => r.suppressions)).toBe(true);
    expect(results.some((r) => r.baselineState === 'unchanged')).toBe(true);

    // The same bar as check's own SARIF: the Multitool with the SARIF and GitHub rules.
    const multitool = path.join(REPO, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
    if (process.platform !== 'linux' || !existsSync(multitool)) throw new Error(`The SARIF Multitool binary is missing at ${multitool}: run npm ci.`);
    chmodSync(multitool, 0o755);
    const report = path.join(dir, 'validation.sarif');
    const checked = spawnSync(multitool, ['validate', '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite', '-o', report, out], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    const problems = (JSON.parse(readFileSync(report, 'utf8')).runs[0].results ?? []) as { level?: string; ruleId: string; message: unknown }[];
    expect(problems.filter((p) => p.level === 'error').map((p) => `${p.ruleId} ${JSON.stringify(p.message)}`)).toEqual([]);
  }, 120_000);

  it('takes -f name:path like check', () => {
    const out = path.join(dir, 'merged.json');
    const run = archlint(['merge', ...shards.map((s) => s.json), '-f', `json:${out}`]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).formatVersion).toBe(1);
  });

  it('exits 2 on mixed inputs, unreadable files and a format other than the inputs’', () => {
    const mixed = archlint(['merge', shards[0].json, shards[1].sarif]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/^archlint: cannot merge JSON and SARIF together/);
    expect(mixed.stdout).toBe('');
    const missing = archlint(['merge', shards[0].json, path.join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const format = archlint(['merge', ...shards.map((s) => s.json), '-f', 'sarif']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('merge writes the format of its inputs (json), not "sarif"');
    const none = archlint(['merge']);
    expect(none.status).toBe(2);
  });
});
