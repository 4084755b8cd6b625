import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { CheckResult } from '../core/result.js';
import type { Reporter } from './types.js';

/** GitLab's five severities; warnings are minor and errors major, as most linters map them. */
const SEVERITY = { error: 'major', warn: 'minor' } as const;

/**
 * GitLab matches report paths against the repository, and jobs run at the repository root, so
 * paths are given from the working folder; a run rooted outside it keeps root-relative paths.
 */
function reportPath(result: CheckResult, file: string, cwd: string): string {
  const fromCwd = path.relative(cwd, path.resolve(result.root, file)).split(path.sep).join('/');
  return fromCwd && !fromCwd.startsWith('../') && !path.isAbsolute(fromCwd) ? fromCwd : file;
}

function issue(d: Diagnostic, file: string, docsUrl: string | undefined) {
  const body = [d.help, docsUrl ? `See ${docsUrl}` : undefined].filter(Boolean).join('\n\n');
  return {
    type: 'issue',
    check_name: d.ruleId,
    description: d.message,
    ...(body ? { content: { body } } : {}),
    severity: SEVERITY[d.severity],
    // Stable across line moves (rule, file and anchor), so GitLab can tell new findings from old ones.
    fingerprint: d.fingerprint,
    location: { path: file, lines: { begin: d.line, end: Math.max(d.line, d.endLine) } },
  };
}

/**
 * GitLab's Code Quality report (a subset of the Code Climate format): a JSON array the merge
 * request widget and diff annotations read from an `artifacts:reports:codequality` file.
 */
export const gitlab: Reporter = (result, options) => {
  const docs = new Map(result.rules.map((r) => [r.id, r.docsUrl]));
  const paths = new Map<string, string>();
  const seen = new Map<string, number>();
  const issues = result.diagnostics.map((d) => {
    let file = paths.get(d.file);
    if (file === undefined) paths.set(d.file, (file = reportPath(result, d.file, options.cwd)));
    // GitLab keeps one issue per fingerprint: a repeated one (should the engine ever give two
    // findings the same) is derived again, in order, so no finding silently disappears.
    const repeat = seen.get(d.fingerprint) ?? 0;
    seen.set(d.fingerprint, repeat + 1);
    const fingerprint = repeat === 0 ? d.fingerprint : createHash('sha256').update(`${d.fingerprint}\0${repeat}`).digest('hex').slice(0, 32);
    return { ...issue(d, file, docs.get(d.ruleId)), fingerprint };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
