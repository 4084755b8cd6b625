import type { IgnoreRange } from '../../core/kinds.js';
import { LineIndex } from '../../core/text.js';

/**
 * Squawk's rule names and the archlint rules that judge the same thing, so the `squawk-ignore`
 * comments of a repository that used Squawk keep working. Squawk's constraint-missing-not-valid
 * covers every kind of added constraint, which archlint splits by kind.
 */
export const SQUAWK_RULES: Readonly<Record<string, readonly string[]>> = {
  'require-concurrent-index-creation': ['migrations/require-concurrent-index'],
  'require-concurrent-index-deletion': ['migrations/require-concurrent-index-drop'],
  'ban-concurrent-index-creation-in-transaction': ['migrations/concurrent-index-in-transaction'],
  'adding-foreign-key-constraint': ['migrations/foreign-key-not-valid'],
  'constraint-missing-not-valid': [
    'migrations/constraint-not-valid',
    'migrations/foreign-key-not-valid',
    'migrations/unique-constraint-via-index',
    'migrations/primary-key-via-index',
    'migrations/exclusion-constraint',
  ],
  'disallowed-unique-constraint': ['migrations/unique-constraint-via-index'],
  'adding-serial-primary-key-field': ['migrations/primary-key-via-index'],
  'adding-not-nullable-field': ['migrations/set-not-null'],
  'adding-required-field': ['migrations/required-column-without-default'],
  'adding-field-with-default': ['migrations/volatile-default'],
  'changing-column-type': ['migrations/column-type-change'],
  'renaming-column': ['migrations/rename-column'],
  'renaming-table': ['migrations/rename-table'],
  'ban-drop-column': ['migrations/drop-column'],
  'ban-drop-table': ['migrations/drop-table'],
  'ban-drop-database': ['migrations/drop-database'],
  'ban-drop-not-null': ['migrations/drop-not-null'],
  'ban-truncate-cascade': ['migrations/truncate-cascade'],
  // Squawk 2 splits require-timeout-settings into require-lock-timeout and require-statement-timeout.
  'require-timeout-settings': ['migrations/require-lock-timeout'],
  'require-lock-timeout': ['migrations/require-lock-timeout'],
  // Squawk 1's name.
  'prefer-big-int': ['migrations/prefer-bigint'],
  'prefer-bigint-over-int': ['migrations/prefer-bigint'],
  'prefer-bigint-over-smallint': ['migrations/prefer-bigint'],
  'prefer-text-field': ['migrations/prefer-text'],
  'ban-char-field': ['migrations/ban-char'],
  // Squawk reads both spellings.
  'prefer-timestamp-tz': ['migrations/prefer-timestamptz'],
  'prefer-timestamptz': ['migrations/prefer-timestamptz'],
  'prefer-identity': ['migrations/prefer-identity'],
  'prefer-robust-stmts': ['migrations/robust-statements'],
  'transaction-nesting': ['migrations/transaction-nesting'],
  'identifier-too-long': ['migrations/identifier-too-long'],
};

const EVERY_RULE = [...new Set(Object.values(SQUAWK_RULES).flat())].sort();

// `-- squawk-ignore a, b -- why` and `/* squawk-ignore-file */`, as Squawk reads them.
const IGNORE = /(--|\/\*)[ \t]*squawk-ignore(-file)?(?![\w-])([^\n\r]*)/g;

/**
 * The `squawk-ignore` comments of a migration as suppressions of the matching archlint rules.
 * As in Squawk, `squawk-ignore <rules>` covers its own line and the next, and `squawk-ignore-file`
 * the whole file (every rule when it names none). Names Squawk has and archlint has no rule for
 * are skipped: the comment was written for Squawk, which may still run.
 */
export function squawkIgnores(file: string, text: string): IgnoreRange[] {
  if (!text.includes('squawk-ignore')) return [];
  const index = new LineIndex(text);
  const out: IgnoreRange[] = [];
  for (const match of text.matchAll(IGNORE)) {
    const wholeFile = match[2] !== undefined;
    let body = match[3];
    if (match[1] === '/*') body = body.replace(/\*\/.*$/, '');
    const dash = body.indexOf('--');
    const reason = dash < 0 ? undefined : body.slice(dash + 2).trim() || undefined;
    const names = (dash < 0 ? body : body.slice(0, dash))
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const rules = [...new Set(names.flatMap((n) => SQUAWK_RULES[n] ?? []))];
    // A line-level comment that names nothing archlint knows suppresses nothing here.
    if (rules.length === 0 && (names.length > 0 || !wholeFile)) continue;
    const at = index.position(match.index!);
    out.push({
      file,
      line: at.line,
      column: at.column,
      startLine: wholeFile ? 1 : at.line,
      endLine: wholeFile ? index.lineCount : at.line + 1,
      rules: rules.length > 0 ? rules : EVERY_RULE,
      ...(reason ? { reason } : {}),
      marker: wholeFile ? 'squawk-ignore-file' : 'squawk-ignore',
      foreign: true,
    });
  }
  return out;
}
