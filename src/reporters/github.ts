import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { countBySeverity, type CheckResult } from '../core/result.js';
import { codeSpan, docsByRule, escapeMarkdown, ruleLink, tally } from './markdown.js';
import type { Reporter } from './types.js';

/** Message escaping of GitHub's workflow commands, as @actions/core does it. */
export function escapeData(text: string): string {
  return text.replace(/[%\r\n]/g, (ch) => DATA_ESCAPES[ch]!);
}

/** Property values additionally escape the separators of the property list. */
export function escapeProperty(text: string): string {
  return text.replace(/[%\r\n:,]/g, (ch) => DATA_ESCAPES[ch]!);
}

const DATA_ESCAPES: Record<string, string> = { '%': '%25', '\r': '%0D', '\n': '%0A', ':': '%3A', ',': '%2C' };

type Properties = Record<string, string | number | undefined>;

export function workflowCommand(name: string, properties: Properties, message: string): string {
  const list = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${typeof value === 'number' ? value : escapeProperty(value)}`)
    .join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

/**
 * The runner makes absolute paths inside the workspace relative to the repository, while a
 * relative path is taken as relative to the repository root: absolute paths stay right when
 * the config (and so the result's root) is in a subfolder of the repository.
 */
function annotationFile(result: CheckResult, file: string): string {
  return path.resolve(result.root, file);
}

function annotation(file: string, d: Diagnostic, docsUrl: string | undefined): string {
  // The runner drops columns of a multi-line span; leaving them out keeps the command honest.
  const sameLine = d.endLine === d.line;
  const properties: Properties = {
    file,
    line: d.line,
    endLine: d.endLine >= d.line ? d.endLine : undefined,
    col: sameLine ? d.column : undefined,
    endColumn: sameLine && d.endColumn >= d.column ? d.endColumn : undefined,
    title: d.ruleId,
  };
  const message = [d.message, d.help, docsUrl ? `See ${docsUrl}` : undefined].filter(Boolean).join('\n');
  return workflowCommand(d.severity === 'error' ? 'error' : 'warning', properties, message);
}

/** Annotations of one kind (error, warning, notice) GitHub displays per step. */
const ANNOTATIONS_SHOWN = 10;

/**
 * GitHub Actions workflow commands: one annotation per finding (shown on the run and, for changed
 * lines, in the pull request's diff), run notices as notices, and a plain summary line for the log.
 */
export const github: Reporter = (result) => {
  const docs = docsByRule(result);
  const lines: string[] = [];
  for (const notice of result.notices) {
    lines.push(workflowCommand(notice.level === 'warning' ? 'warning' : 'notice', { title: 'archlint' }, notice.message));
  }
  // GitHub shows the first 10 annotations of each kind per step: errors go first so none hides behind warnings.
  const ordered = [...result.diagnostics.filter((d) => d.severity === 'error'), ...result.diagnostics.filter((d) => d.severity !== 'error')];
  const files = new Map<string, string>();
  for (const d of ordered) {
    let file = files.get(d.file);
    if (file === undefined) files.set(d.file, (file = annotationFile(result, d.file)));
    lines.push(annotation(file, d, docs.get(d.ruleId)));
  }
  const { errors, warnings } = countBySeverity(result.diagnostics);
  if (errors > ANNOTATIONS_SHOWN || warnings > ANNOTATIONS_SHOWN) {
    lines.push(
      workflowCommand(
        'notice',
        { title: 'archlint' },
        `GitHub shows ${ANNOTATIONS_SHOWN} annotations of each kind per step: ${errors} errors and ${warnings} warnings were reported. The job summary and the log list them all.`,
      ),
    );
  }
  const skipped = [
    result.baselined.length ? `${result.baselined.length} baselined` : undefined,
    result.suppressed.length ? `${result.suppressed.length} suppressed` : undefined,
  ].filter(Boolean);
  lines.push(`archlint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${skipped.length ? ` (${skipped.join(', ')})` : ''}`);
  return `${lines.join('\n')}\n`;
};

const TOP_FILES = 10;

function packOf(packs: ReadonlyMap<string, string>, ruleId: string): string {
  const known = packs.get(ruleId);
  if (known) return known;
  // archlint/parse-error and rules of packs this run does not describe.
  const slash = ruleId.indexOf('/');
  return slash > 0 ? ruleId.slice(0, slash) : ruleId;
}

interface Counts {
  errors: number;
  warnings: number;
  baselined: number;
  suppressed: number;
}

function countsBy(result: CheckResult, key: (ruleId: string) => string): [string, Counts][] {
  const table = new Map<string, Counts>();
  const row = (k: string) => {
    let counts = table.get(k);
    if (!counts) table.set(k, (counts = { errors: 0, warnings: 0, baselined: 0, suppressed: 0 }));
    return counts;
  };
  for (const d of result.diagnostics) row(key(d.ruleId))[d.severity === 'error' ? 'errors' : 'warnings']++;
  for (const d of result.baselined) row(key(d.ruleId)).baselined++;
  for (const d of result.suppressed) row(key(d.ruleId)).suppressed++;
  // Errors first, then warnings, then what is only baselined or suppressed.
  return [...table].sort(
    ([ka, a], [kb, b]) =>
      b.errors - a.errors || b.warnings - a.warnings || b.baselined + b.suppressed - (a.baselined + a.suppressed) || (ka < kb ? -1 : ka > kb ? 1 : 0),
  );
}

/**
 * The Markdown the CLI appends to `$GITHUB_STEP_SUMMARY`: new findings against baselined and
 * suppressed ones, counts per pack and per rule, and the files with the most findings. Annotations
 * are capped per step by GitHub, so this is where the whole picture of a large run shows.
 */
export function githubStepSummary(result: CheckResult): string {
  const docs = docsByRule(result);
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const baselined = countBySeverity(result.baselined);
  const suppressed = countBySeverity(result.suppressed);
  const checked = Object.values(result.files).reduce((a, b) => a + b, 0);
  const status = !result.executionSuccessful ? '💥' : errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  const out: string[] = [
    `## ${status} archlint`,
    '',
    `${checked} file${checked === 1 ? '' : 's'} checked: **${errors} error${errors === 1 ? '' : 's'}**, **${warnings} warning${warnings === 1 ? '' : 's'}**.`,
  ];
  if (!result.executionSuccessful) out.push('', '> [!CAUTION]\n> A rule or parser crashed: the results are incomplete.');
  for (const notice of result.notices.filter((n) => n.level === 'warning')) out.push('', `> ${escapeMarkdown(notice.message)}`);

  out.push(
    '',
    '| Findings | Errors | Warnings | Total |',
    '| --- | ---: | ---: | ---: |',
    `| New | ${errors} | ${warnings} | ${errors + warnings} |`,
    `| Baselined | ${baselined.errors} | ${baselined.warnings} | ${result.baselined.length} |`,
    `| Suppressed | ${suppressed.errors} | ${suppressed.warnings} | ${result.suppressed.length} |`,
  );
  const stale = result.baseline?.stale.length ?? 0;
  if (stale > 0) {
    out.push('', `${stale} ${stale === 1 ? 'entry' : 'entries'} of ${codeSpan(result.baseline!.file)} no longer ${stale === 1 ? 'matches' : 'match'} a finding: \`archlint baseline --prune\` removes them.`);
  }

  const packs = new Map(result.rules.map((r) => [r.id, r.pack]));
  const byPack = countsBy(result, (id) => packOf(packs, id));
  if (byPack.length > 0) {
    out.push('', '### By pack', '', '| Pack | Errors | Warnings | Baselined | Suppressed |', '| --- | ---: | ---: | ---: | ---: |');
    for (const [pack, c] of byPack) out.push(`| ${codeSpan(pack)} | ${c.errors} | ${c.warnings} | ${c.baselined} | ${c.suppressed} |`);
    out.push('', '### By rule', '', '| Rule | Errors | Warnings | Baselined | Suppressed |', '| --- | ---: | ---: | ---: | ---: |');
    for (const [ruleId, c] of countsBy(result, (id) => id)) {
      out.push(`| ${ruleLink(ruleId, docs)} | ${c.errors} | ${c.warnings} | ${c.baselined} | ${c.suppressed} |`);
    }
  }

  const files = tally(result.diagnostics, (d) => d.file);
  if (files.length > 0) {
    out.push('', `### Top files`, '', '| File | New findings |', '| --- | ---: |');
    for (const [file, count] of files.slice(0, TOP_FILES)) out.push(`| ${codeSpan(file).replace(/\|/g, '\\|')} | ${count} |`);
    if (files.length > TOP_FILES) out.push('', `…and ${files.length - TOP_FILES} more files with findings.`);
  }
  return `${out.join('\n')}\n\n`;
}
