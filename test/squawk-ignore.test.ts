import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../src/check/check.js';
import { tempProject } from './cli-helpers.js';

describe("Squawk's ignore comments in migrations", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const check = async (sql: string) => {
    dir = tempProject({
      // Reasons are required for archlint's own comments; Squawk's need none.
      '.architecturerc.yaml': 'extends: [archlint:recommended]\nsuppressions: { requireReason: true, report: error }\n',
      'db/migrations/001_drop.sql': sql,
    });
    const result = await runCheck({ cwd: dir, paths: ['.'], baseline: false, today: '2026-01-01' });
    return {
      reported: result.diagnostics.map((d) => `${d.ruleId}:${d.line}`),
      suppressed: result.suppressed.map((d) => `${d.ruleId}:${d.line} ${d.suppression.justification ?? ''}`.trim()),
    };
  };

  it('suppress the matching archlint findings on the next line, and are never reported themselves', async () => {
    const outcome = await check(
      [
        'SET lock_timeout = \'2s\';',
        '-- squawk-ignore ban-drop-column -- nothing reads it since v3',
        'ALTER TABLE orders DROP COLUMN legacy_total;',
        '-- squawk-ignore ban-drop-table',
        'ALTER TABLE orders DROP COLUMN legacy_note;',
      ].join('\n'),
    );
    expect(outcome.suppressed).toEqual(['migrations/drop-column:3 nothing reads it since v3']);
    // The second comment names another rule: the finding stays, and the comment is not "unused".
    expect(outcome.reported).toEqual(['migrations/drop-column:5']);
  });

  it('suppress a whole file with squawk-ignore-file', async () => {
    const outcome = await check('-- squawk-ignore-file\nALTER TABLE orders DROP COLUMN legacy_total;\nCREATE INDEX orders_day ON orders (day);\n');
    expect(outcome.reported).toEqual([]);
    expect(outcome.suppressed.map((s) => s.split(':')[0]).sort()).toEqual(['migrations/drop-column', 'migrations/require-concurrent-index', 'migrations/require-lock-timeout']);
  });
});
