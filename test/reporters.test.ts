import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/core/result.js';
import { json } from '../src/reporters/json.js';
import { sarif } from '../src/reporters/sarif.js';
import { stylish } from '../src/reporters/stylish.js';

const result: CheckResult = {
  formatVersion: 1,
  tool: { name: 'archlint', version: '1.2.3' },
  root: '/repo',
  files: { code: 2, openapi: 1, graphql: 0, migration: 1 },
  notices: [{ level: 'info', message: 'No archlint config found: running archlint:recommended.' }],
  executionSuccessful: true,
  suppressed: [],
  baselined: [],
  rules: [
    {
      id: 'logging/no-console',
      pack: 'logging',
      kind: 'code',
      scope: 'file',
      description: 'Disallow console.* calls.',
      recommended: true,
      defaultSeverity: 'warn',
      severity: 'warn',
      tags: ['logging'],
      docsUrl: 'https://example.test/rules/logging/no-console.md',
      docs: '# logging/no-console\n\nDisallow console.',
    },
    {
      id: 'migrations/require-concurrent-index',
      pack: 'migrations',
      kind: 'migration',
      scope: 'file',
      description: 'CREATE INDEX uses CONCURRENTLY.',
      recommended: true,
      defaultSeverity: 'error',
      severity: 'error',
      tags: ['locking'],
      docsUrl: 'https://example.test/rules/migrations/require-concurrent-index.md',
    },
  ],
  diagnostics: [
    {
      ruleId: 'migrations/require-concurrent-index',
      severity: 'error',
      message: 'CREATE INDEX on "orders" without CONCURRENTLY blocks writes.',
      file: 'db/migrations/002 index.sql',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 42,
      help: 'Use CREATE INDEX CONCURRENTLY.',
      fingerprint: '0123456789abcdef0123456789abcdef',
      snippet: { startLine: 1, lines: ['-- reports', 'CREATE INDEX i ON orders (created_at);', ''] },
    },
    {
      ruleId: 'logging/no-console',
      severity: 'warn',
      message: 'Unexpected console.log().',
      file: 'src/domain/order.ts',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 16,
      notes: [{ message: 'the logger is defined here', file: 'src/logger.ts', start: { line: 1, column: 1 } }],
      fingerprint: 'fedcba9876543210fedcba9876543210',
      snippet: { startLine: 2, lines: ['  pay() {', '    console.log("paid");', '  }'] },
    },
  ],
};

const clean: CheckResult = { ...result, diagnostics: [], notices: [] };

describe('stylish', () => {
  it('renders findings with code frames, help, docs and a summary', () => {
    expect(stylish(result, { color: false, cwd: '/repo' })).toMatchSnapshot();
  });

  it('shows paths relative to the working folder', () => {
    expect(stylish(result, { color: false, cwd: '/repo/src' })).toContain('\ndomain/order.ts\n');
  });

  it('colours only when asked', () => {
    expect(stylish(result, { color: true, cwd: '/repo' })).toContain('\u001b[31m');
    expect(stylish(result, { color: false, cwd: '/repo' })).not.toContain('\u001b[');
  });

  it('prints one quiet line when clean', () => {
    expect(stylish(clean, { color: false, cwd: '/repo' })).toBe('✔ No problems in 4 files.\n');
  });
});

describe('json', () => {
  it('renders the documented, versioned shape without machine-specific data', () => {
    const out = json(result, { color: false, cwd: '/repo' });
    expect(out).toMatchSnapshot();
    expect(out).not.toContain('/repo');
    expect(JSON.parse(out).diagnostics[0]).not.toHaveProperty('snippet');
  });
});

describe('sarif', () => {
  it('renders one run with rule metadata, relative URIs and fingerprints', () => {
    const log = JSON.parse(sarif(result, { color: false, cwd: '/repo' }));
    expect(log).toMatchSnapshot();
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('db/migrations/002%20index.sql');
  });

  it('turns crashes into notifications and marks the run unsuccessful', () => {
    const crashed: CheckResult = {
      ...result,
      executionSuccessful: false,
      diagnostics: [
        { ruleId: 'archlint/internal-error', severity: 'error', message: 'Rule "x/y" crashed: boom', file: 'a.ts', line: 1, column: 1, endLine: 1, endColumn: 1, fingerprint: 'f'.repeat(32) },
      ],
    };
    const run = JSON.parse(sarif(crashed, { color: false, cwd: '/repo' })).runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'Rule "x/y" crashed: boom' } }] });
  });
});
