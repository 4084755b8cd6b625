import { INTERNAL_ERROR, PARSE_ERROR, compareStrings, type Diagnostic } from '../core/diagnostic.js';
import type { CheckResult } from '../core/result.js';
import type { Reporter } from './types.js';

/** Characters XML 1.0 cannot carry at all, even escaped: dropping them keeps the document well-formed. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks that parsers would otherwise fold to spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function element(name: string, attributes: Record<string, string | number>): string {
  const list = Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`);
  return `<${name}${list.join('')}`;
}

interface Case {
  file: string;
  reported: Diagnostic[];
  /** Baselined or suppressed findings, each with why it is not counted. */
  silenced: { d: Diagnostic; why: string }[];
}

/** archlint's own problems (a file that does not parse, a crashed rule) are JUnit errors, not failures. */
const isRunProblem = (ruleId: string) => ruleId === PARSE_ERROR || ruleId === INTERNAL_ERROR;

function describe(d: Diagnostic, docsUrl: string | undefined): string {
  const lines = [`${d.file}:${d.line}:${d.column}: ${d.severity === 'error' ? 'error' : 'warning'}: ${d.message}`];
  if (d.help) lines.push(`  help: ${d.help}`);
  if (docsUrl) lines.push(`  docs: ${docsUrl}`);
  return lines.join('\n');
}

/**
 * JUnit XML as GitLab, Jenkins and most CI test views read it: one test suite per rule, one test
 * case per rule and file. A file with findings fails its case (the failure lists them); a rule
 * with no findings passes as one "all files" case, unless no file of its kind was checked;
 * findings that are only baselined or suppressed make a skipped case. Times are 0: archlint
 * does not time rules per file.
 */
export const junit: Reporter = (result) => {
  const docs = new Map(result.rules.map((r) => [r.id, r.docsUrl]));
  const suites = new Map<string, Map<string, Case>>();
  const caseFor = (ruleId: string, file: string): Case => {
    let cases = suites.get(ruleId);
    if (!cases) suites.set(ruleId, (cases = new Map()));
    let c = cases.get(file);
    if (!c) cases.set(file, (c = { file, reported: [], silenced: [] }));
    return c;
  };
  // A rule of a kind with no file in this run checked nothing: it gets no passing case.
  for (const rule of result.rules) if (result.files[rule.kind] > 0 && !suites.has(rule.id)) suites.set(rule.id, new Map());
  for (const d of result.diagnostics) caseFor(d.ruleId, d.file).reported.push(d);
  for (const d of result.baselined) caseFor(d.ruleId, d.file).silenced.push({ d, why: 'in the baseline' });
  for (const d of result.suppressed) {
    const reason = d.suppression.justification;
    caseFor(d.ruleId, d.file).silenced.push({ d, why: `suppressed${reason ? `: ${reason}` : ''}` });
  }

  const body: string[] = [];
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const ruleId of [...suites.keys()].sort(compareStrings)) {
    const cases = [...suites.get(ruleId)!.values()].sort((a, b) => compareStrings(a.file, b.file));
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const lines: string[] = [];
    if (cases.length === 0) {
      counts.tests++;
      lines.push(`    ${element('testcase', { name: 'all files', classname: ruleId, time: 0 })}/>`);
    }
    for (const c of cases) {
      counts.tests++;
      const open = `    ${element('testcase', { name: c.file, classname: ruleId, file: c.file, time: 0 })}`;
      if (c.reported.length > 0) {
        const errors = c.reported.filter((d) => d.severity === 'error').length;
        const warnings = c.reported.length - errors;
        const tag = isRunProblem(ruleId) ? 'error' : 'failure';
        counts[tag === 'error' ? 'errors' : 'failures']++;
        const summary = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
          .filter(Boolean)
          .join(', ');
        const first = c.reported[0]!;
        const message = c.reported.length === 1 ? `${first.line}:${first.column} ${first.message}` : `${summary}: ${first.message}`;
        const details = c.reported.map((d) => describe(d, docs.get(d.ruleId))).join('\n');
        lines.push(`${open}>`);
        lines.push(`      ${element(tag, { message, type: errors > 0 ? 'error' : 'warning' })}>${escapeXmlText(details)}</${tag}>`);
        if (c.silenced.length > 0) lines.push(`      <system-out>${escapeXmlText(silencedText(c.silenced))}</system-out>`);
        lines.push('    </testcase>');
      } else {
        counts.skipped++;
        lines.push(`${open}>`);
        lines.push(`      ${element('skipped', { message: silencedText(c.silenced) })}/>`);
        lines.push('    </testcase>');
      }
    }
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
    body.push(`  ${element('testsuite', { name: ruleId, ...counts, time: 0 })}>`, ...lines, '  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `${element('testsuites', { name: 'archlint', ...totals, time: 0 })}>`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
};

function silencedText(list: { d: Diagnostic; why: string }[]): string {
  return [...list]
    .sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column)
    .map(({ d, why }) => `${d.line}:${d.column} ${d.message} (${why})`).join('\n');
}
