import { Chalk } from 'chalk';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { countBySeverity } from '../core/result.js';
import type { Reporter } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The default human format: findings grouped by file, each with a code frame, a caret under the
 * span, what to do, and a link to the rule's page.
 */
export const stylish: Reporter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const docs = new Map(result.rules.filter((r) => r.docsUrl).map((r) => [r.id, r.docsUrl]));
  const lines: string[] = [];
  for (const notice of result.notices) {
    lines.push(notice.level === 'warning' ? c.yellow(`⚠ ${notice.message}`) : c.dim(`ℹ ${notice.message}`));
  }
  if (result.notices.length > 0) lines.push('');

  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    let list = byFile.get(d.file);
    if (!list) byFile.set(d.file, (list = []));
    list.push(d);
  }
  for (const [file, diagnostics] of byFile) {
    const shown = path.relative(options.cwd, path.resolve(result.root, file)).split(path.sep).join('/') || file;
    lines.push(c.underline(shown));
    for (const d of diagnostics) {
      const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(`${d.line}:${d.column}`)}  ${severity}  ${d.message}  ${c.dim(d.ruleId)}`);
      lines.push(...codeFrame(d, c));
      if (d.help) lines.push(`    ${c.cyan('help:')} ${d.help}`);
      for (const note of d.notes ?? []) {
        const where = note.file ? ` ${c.dim(`(${note.file}${note.start ? `:${note.start.line}:${note.start.column}` : ''})`)}` : '';
        lines.push(`    ${c.cyan('note:')} ${note.message}${where}`);
      }
      const url = docs.get(d.ruleId);
      if (url) lines.push(`    ${c.cyan('docs:')} ${c.dim(url)}`);
      lines.push('');
    }
  }

  const { errors, warnings } = countBySeverity(result.diagnostics);
  const checked = Object.values(result.files).reduce((a, b) => a + b, 0);
  const hidden = [
    result.suppressed.length > 0 ? `${result.suppressed.length} suppressed` : '',
    result.baselined.length > 0 ? `${result.baselined.length} in the baseline` : '',
  ].filter(Boolean);
  if (errors + warnings === 0) {
    lines.push(c.green(`✔ No problems in ${plural(checked, 'file')}${hidden.length ? ` (${hidden.join(', ')})` : ''}.`));
  } else {
    const summary = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(checked, 'file')} checked`;
    lines.push(errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
    if (hidden.length) lines.push(c.dim(`  not shown: ${hidden.join(', ')}`));
  }
  const stale = result.baseline?.stale.length ?? 0;
  if (stale > 0) {
    lines.push(c.dim(`ℹ ${plural(stale, 'baselined finding')} ${stale === 1 ? 'is' : 'are'} fixed: \`archlint baseline --prune\` removes ${stale === 1 ? 'it' : 'them'}.`));
  }
  return `${lines.join('\n')}\n`;
};

/** Up to a few lines around the finding, with a caret line under the reported span. */
function codeFrame(d: Diagnostic, c: InstanceType<typeof Chalk>): string[] {
  if (!d.snippet) return [];
  const { startLine, lines } = d.snippet;
  const width = String(startLine + lines.length - 1).length;
  const out: string[] = [];
  lines.forEach((text, i) => {
    const n = startLine + i;
    const inSpan = n >= d.line && n <= d.endLine;
    const gutter = `${inSpan ? c.red('>') : ' '} ${String(n).padStart(width)} |`;
    const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
    out.push(`    ${c.dim(gutter)} ${shown.replace(/\t/g, '  ')}`);
    if (n === d.line) {
      const from = d.column - 1;
      const to = d.endLine === d.line ? Math.max(d.endColumn - 1, from + 1) : Math.max(text.length, from + 1);
      const prefix = text.slice(0, from).replace(/\t/g, '  ').replace(/[^ ]/g, ' ');
      const caretLength = Math.min(to - from, Math.max(1, 160 - from));
      out.push(`    ${c.dim(`${' '.repeat(width + 2)} |`)} ${prefix}${c.red('^'.repeat(caretLength))}`);
    }
  });
  return out;
}
