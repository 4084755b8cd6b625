import { describe, expect, it } from 'vitest';
import { squawkIgnores } from './squawk.js';

describe('squawk-ignore comments', () => {
  it('cover their line and the next, for the archlint rules that match the Squawk names', () => {
    const text = [
      'CREATE TABLE t (id bigint);',
      '-- squawk-ignore ban-drop-column, renaming-column -- the column is unused since v3',
      'ALTER TABLE t DROP COLUMN legacy;',
    ].join('\n');
    expect(squawkIgnores('m.sql', text)).toEqual([
      {
        file: 'm.sql',
        line: 2,
        column: 1,
        startLine: 2,
        endLine: 3,
        rules: ['migrations/drop-column', 'migrations/rename-column'],
        reason: 'the column is unused since v3',
        marker: 'squawk-ignore',
        foreign: true,
      },
    ]);
  });

  it('reads file-level comments, with or without names, and block comments', () => {
    const all = squawkIgnores('m.sql', 'SELECT 1;\n/* squawk-ignore-file */\nSELECT 2;\n');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ startLine: 1, endLine: 4, marker: 'squawk-ignore-file' });
    expect(all[0].rules).toContain('migrations/require-concurrent-index');
    expect(all[0].rules).toContain('migrations/exclusion-constraint');
    const named = squawkIgnores('m.sql', '-- squawk-ignore-file prefer-robust-stmts\nCREATE TABLE t (id bigint);\n');
    expect(named.map((r) => r.rules)).toEqual([['migrations/robust-statements']]);
  });

  it('skips names archlint has no rule for, and other text that merely starts alike', () => {
    expect(squawkIgnores('m.sql', '-- squawk-ignore ban-alter-domain-with-add-constraint\nSELECT 1;\n')).toEqual([]);
    expect(squawkIgnores('m.sql', '-- squawk-ignored ban-drop-column\n-- squawk-ignore\nSELECT 1;\n')).toEqual([]);
  });
});
