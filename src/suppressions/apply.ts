import { INTERNAL_ERROR, PARSE_ERROR, compareDiagnostics, type Diagnostic, type ReportedSeverity } from '../core/diagnostic.js';
import { fingerprint } from '../core/fingerprint.js';
import type { SuppressedDiagnostic } from '../core/result.js';
import type { Directive } from './directives.js';

export const UNUSED_SUPPRESSION = 'archlint/unused-suppression';
export const INVALID_SUPPRESSION = 'archlint/invalid-suppression';

export interface SuppressionOptions {
  /** A suppression needs a reason after `--` to apply. */
  requireReason: boolean;
  /** Severity of findings about suppressions themselves; `off` reports none. */
  report: ReportedSeverity | 'off';
  /** YYYY-MM-DD; suppressions with an earlier `until` have expired. */
  today: string;
  isKnownRule(id: string): boolean;
  /** Whether a rule ran on this run, so an unused suppression of it is really unused. */
  ran(id: string): boolean;
  /** False when the run was narrowed (`--rule`, `--pack`): blanket suppressions cannot be judged. */
  allRulesRan: boolean;
}

export interface SuppressionOutcome {
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
}

const UNSUPPRESSIBLE = new Set([PARSE_ERROR, INTERNAL_ERROR, UNUSED_SUPPRESSION, INVALID_SUPPRESSION]);

function names(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

function covers(directive: Directive, all: Directive[], d: Diagnostic): boolean {
  if (!names(directive, d.ruleId)) return false;
  switch (directive.kind) {
    case 'disable-file':
      return true;
    case 'disable-line':
      return directive.line === d.line;
    case 'disable-next-line':
      return directive.line === d.line - 1;
    case 'disable':
      if (directive.endLine !== undefined) return d.line >= (directive.startLine ?? directive.line) && d.line <= directive.endLine;
      if (directive.line > d.line) return false;
      // An enable between the disable and the finding closes the block for the rules it names.
      return !all.some((e) => e.kind === 'enable' && e.line > directive.line && e.line <= d.line && names(e, d.ruleId));
    default:
      return false;
  }
}

/**
 * Applies inline suppressions: covered findings move to `suppressed` (with their reason), and
 * suppressions that are malformed, lack a required reason, or match nothing become findings.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  directives: ReadonlyMap<string, Directive[]>,
  options: SuppressionOptions,
): SuppressionOutcome {
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  const used = new Set<Directive>();
  const invalid = new Map<Directive, string>();

  for (const list of directives.values()) {
    for (const d of list) {
      if (d.kind === 'enable' || d.foreign) continue;
      const unknown = d.rules.filter((r) => !options.isKnownRule(r));
      if (d.problem) invalid.set(d, d.problem);
      else if (unknown.length > 0) invalid.set(d, `names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')}`);
      else if (options.requireReason && !d.reason) invalid.set(d, 'has no reason; write one after "--"');
    }
  }

  for (const diagnostic of diagnostics) {
    const list = directives.get(diagnostic.file);
    if (!list || UNSUPPRESSIBLE.has(diagnostic.ruleId)) {
      kept.push(diagnostic);
      continue;
    }
    const matches = list.filter((d) => d.kind !== 'enable' && covers(d, list, diagnostic));
    const valid = matches.filter((d) => !invalid.has(d));
    for (const d of matches) used.add(d);
    const active = valid.find((d) => !d.until || d.until >= options.today);
    if (active) {
      suppressed.push({
        ...diagnostic,
        suppression: { kind: 'inSource', justification: active.reason, ...(active.until ? { until: active.until } : {}) },
      });
      continue;
    }
    const expired = valid.find((d) => d.until && d.until < options.today);
    kept.push(
      expired
        ? {
            ...diagnostic,
            notes: [
              ...(diagnostic.notes ?? []),
              { message: `A suppression of this finding expired on ${expired.until}.`, file: expired.file, start: { line: expired.line, column: expired.column } },
            ],
          }
        : diagnostic,
    );
  }

  if (options.report !== 'off') {
    const severity = options.report;
    for (const list of directives.values()) {
      for (const d of list) {
        if (d.kind === 'enable' || d.foreign) continue;
        const problem = invalid.get(d);
        if (problem) {
          kept.push(meta(INVALID_SUPPRESSION, severity, d, `This archlint-${d.kind} comment ${problem}, so it suppresses nothing.`));
          continue;
        }
        const judgeable = d.rules.length === 0 ? options.allRulesRan : d.rules.every((r) => options.ran(r));
        if (!used.has(d) && judgeable) {
          const what = d.rules.length === 0 ? 'any finding' : d.rules.join(', ');
          kept.push(meta(UNUSED_SUPPRESSION, severity, d, `This archlint-${d.kind} comment suppresses nothing: no finding of ${what} is there.`));
        }
      }
    }
  }
  kept.sort(compareDiagnostics);
  return { diagnostics: kept, suppressed };
}

function meta(ruleId: string, severity: ReportedSeverity, d: Directive, message: string): Diagnostic {
  return {
    ruleId,
    severity,
    message,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.line,
    endColumn: d.endColumn,
    help:
      ruleId === UNUSED_SUPPRESSION
        ? 'Remove the comment: the problem it hid is gone, and a stale suppression would hide the next one.'
        : 'Write the suppression as `archlint-disable-next-line <rule> -- <why>`, with known rule ids and an optional until=YYYY-MM-DD.',
    fingerprint: fingerprint(ruleId, d.file, `${d.kind} ${d.rules.join(',')} ${d.reason ?? ''}`),
  };
}
