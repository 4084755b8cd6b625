import AjvDraft04 from 'ajv-draft-04';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archlint, REPO } from './cli-helpers.js';

const require = createRequire(import.meta.url);
// The official SARIF 2.1.0 schema, as shipped by Microsoft's jest-sarif package.
const schema = JSON.parse(
  readFileSync(path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
const MULTITOOL = path.join(REPO, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

function sarifFor(fixture: string): { file: string; log: any } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-sarif-'));
  const file = path.join(dir, 'out.sarif');
  const run = archlint(['check', fixture, '-f', `sarif:${file}`]);
  expect(run.stderr).toBe('');
  return { file, log: JSON.parse(readFileSync(file, 'utf8')) };
}

describe.each(['fixtures/sample-service', 'fixtures/broken-inputs'])('SARIF for %s', (fixture) => {
  const { file, log } = sarifFor(fixture);

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    // CommonJS default export under NodeNext typing.
    const Ajv04 = AjvDraft04 as unknown as typeof AjvDraft04.default;
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator itself must be able to say no.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('passes the SARIF Multitool with the SARIF and GitHub rules, without errors', () => {
    if (process.platform !== 'linux' || !existsSync(MULTITOOL)) {
      throw new Error(`The SARIF Multitool binary is missing at ${MULTITOOL}: run npm ci.`);
    }
    // npm does not run install scripts for it, so the binary arrives without its run bit.
    chmodSync(MULTITOOL, 0o755);
    const output = path.join(path.dirname(file), 'validation.sarif');
    const result = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite', '-o', output, file], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const findings = (JSON.parse(readFileSync(output, 'utf8')).runs[0].results ?? []) as { level?: string; ruleId: string; message: unknown }[];
    expect(findings.filter((f) => f.level === 'error').map((f) => `${f.ruleId} ${JSON.stringify(f.message)}`)).toEqual([]);
  });

  it('carries what GitHub code scanning needs', () => {
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('archlint');
    expect(run.tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.automationDetails.id).toBe('archlint/');
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(rule.help.markdown.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    for (const result of run.results) {
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation.uri).not.toMatch(/^(\/|[a-z]+:)/i);
      expect(loc.artifactLocation.uri).not.toContain('\\');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.partialFingerprints['archlintFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});

it('reports parse errors as tool notifications and keeps the run successful', () => {
  const { log } = sarifFor('fixtures/broken-inputs');
  const invocation = log.runs[0].invocations[0];
  expect(invocation.executionSuccessful).toBe(true);
  expect(invocation.toolExecutionNotifications.map((n: any) => n.locations[0].physicalLocation.artifactLocation.uri).sort()).toEqual([
    'api/openapi.yaml',
    'db/migrations/001_broken.sql',
    'graphql/broken.graphql',
    'src/broken.ts',
  ]);
});
