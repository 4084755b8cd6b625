import type { Diagnostic } from '../core/diagnostic.js';
import { countBySeverity, type CheckResult } from '../core/result.js';
import type { Reporter } from './types.js';

/** Hidden marker at the top of the comment, so a workflow can find and update its previous comment. */
export const MARKDOWN_MARKER = '<!-- archlint-report -->';

/** Above this many findings, each file's list folds into a `<details>` block. */
const FOLD_ABOVE = 10;
/** GitHub rejects comments over 65,536 characters; stop listing findings well before that. */
const MAX_LENGTH = 60_000;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Backslash-escapes the punctuation that can start emphasis, links, HTML or table cells, so
 * messages render as written.
 */
export function escapeMarkdown(text: string): string {
  // Messages quote code in backticks: those spans render as code, untouched; the rest is escaped.
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`)))
    .join('');
}

/** An inline code span that survives backticks in its content. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The rule id as a code span, linked to its page when the rule is known. */
export function ruleLink(ruleId: string, docs: ReadonlyMap<string, string>): string {
  const url = docs.get(ruleId);
  return url ? `[${codeSpan(ruleId)}](${url.replace(/[()\s]/g, encodeURIComponent)})` : codeSpan(ruleId);
}

export function docsByRule(result: CheckResult): Map<string, string> {
  return new Map(result.rules.map((r) => [r.id, r.docsUrl]));
}

/** Findings by file, files in path order (diagnostics arrive sorted). */
export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    let list = byFile.get(d.file);
    if (!list) byFile.set(d.file, (list = []));
    list.push(d);
  }
  return byFile;
}

/** Counts by key, sorted by count (descending) then key, so tables are stable. */
export function tally<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function findingLine(d: Diagnostic, docs: ReadonlyMap<string, string>): string {
  const icon = d.severity === 'error' ? '❌' : '⚠️';
  const help = d.help ? `<br>${escapeMarkdown(d.help)}` : '';
  return `- ${icon} **${d.line}:${d.column}** ${escapeMarkdown(d.message)} ${ruleLink(d.ruleId, docs)}${help}`;
}

/**
 * A Markdown report for pull-request comments: a status line, a table of findings per rule, then
 * the findings grouped by file, folded when there are many and cut before GitHub's size limit.
 */
export const markdown: Reporter = (result) => {
  const docs = docsByRule(result);
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const out: string[] = [MARKDOWN_MARKER];
  const total = errors + warnings;
  out.push(
    total === 0
      ? '### ✅ archlint: no problems'
      : `### ${errors > 0 ? '❌' : '⚠️'} archlint: ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
  );
  out.push('');

  const checked = Object.values(result.files).reduce((a, b) => a + b, 0);
  const extra = [
    result.baselined.length ? `${result.baselined.length} baselined` : undefined,
    result.suppressed.length ? `${result.suppressed.length} suppressed` : undefined,
    result.baseline?.stale.length ? `${result.baseline.stale.length} stale baseline ${result.baseline.stale.length === 1 ? 'entry' : 'entries'}` : undefined,
  ].filter(Boolean);
  out.push(`${plural(checked, 'file')} checked${extra.length ? ` · not counted: ${extra.join(', ')}` : ''}.`);
  if (!result.executionSuccessful) out.push('', '> [!CAUTION]\n> A rule or parser crashed: the results are incomplete.');
  for (const notice of result.notices.filter((n) => n.level === 'warning')) out.push('', `> ${escapeMarkdown(notice.message)}`);

  if (total > 0) {
    out.push('', '| Rule | Severity | Findings |', '| --- | --- | ---: |');
    const severity = new Map(result.diagnostics.map((d) => [d.ruleId, d.severity]));
    // Rules with errors first; within each, the most findings first (tally's order is stable).
    const rows = tally(result.diagnostics, (d) => d.ruleId).sort(
      ([a], [b]) => Number(severity.get(b) === 'error') - Number(severity.get(a) === 'error'),
    );
    for (const [ruleId, count] of rows) {
      out.push(`| ${ruleLink(ruleId, docs)} | ${severity.get(ruleId) === 'error' ? 'error' : 'warning'} | ${count} |`);
    }

    const fold = total > FOLD_ABOVE;
    // Room for the closing lines and the "more findings" note.
    let room = MAX_LENGTH - out.join('\n').length - 200;
    let shown = 0;
    out.push('');
    // Files with errors first: when the list is cut, what is cut is warnings.
    const groups = [...groupByFile(result.diagnostics)];
    const hasErrors = (list: Diagnostic[]) => (list.some((d) => d.severity === 'error') ? 1 : 0);
    groups.sort((a, b) => hasErrors(b[1]) - hasErrors(a[1]));
    for (const [file, list] of groups) {
      const open = fold ? `<details><summary><code>${escapeHtml(file)}</code> (${list.length})</summary>\n` : `**${codeSpan(file)}**\n`;
      const close = fold ? '\n</details>\n' : '';
      // A file with more findings than fit shows its first ones: one huge file must not leave the comment empty.
      const lines: string[] = [];
      let size = open.length + close.length;
      for (const d of list) {
        const line = findingLine(d, docs);
        if (size + line.length + 1 > room) break;
        lines.push(line);
        size += line.length + 1;
      }
      if (lines.length === 0) break;
      out.push([open, ...lines, close].join('\n'));
      room -= size + 1;
      shown += lines.length;
      if (lines.length < list.length) break;
    }
    if (shown < total) {
      out.push('', `…and ${plural(total - shown, 'more finding')} not shown here: see the job log or the SARIF report.`);
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
};
