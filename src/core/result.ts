import type { Diagnostic } from './diagnostic.js';
import type { ArtifactKind } from './kinds.js';
import type { RuleMeta } from './rule.js';

/** What reporters know of a rule that ran: enough for SARIF's rule metadata and help links. */
export interface RuleDescriptor {
  id: string;
  pack: string;
  kind: ArtifactKind;
  scope: 'file' | 'project';
  description: string;
  recommended: boolean;
  defaultSeverity: RuleMeta['severity'];
  /** Severity in this run. */
  severity: 'warn' | 'error';
  tags: string[];
  docsUrl: string;
  /** The rule's doc page (Markdown), when it ships one. */
  docs?: string;
}

/** A message about the run itself (no config found, a layer matching nothing). */
export interface RunNotice {
  level: 'info' | 'warning';
  message: string;
}

/** Why a finding is not counted: an inline comment (or spec extension), or the baseline file. */
export interface Suppression {
  kind: 'inSource' | 'external';
  /** The reason written after `--` (inline), or `baseline` for baselined findings. */
  justification?: string;
  /** ISO date after which an inline suppression stops applying. */
  until?: string;
}

/** A finding that was found but is not reported as a problem. */
export interface SuppressedDiagnostic extends Diagnostic {
  suppression: Suppression;
}

/** Baseline bookkeeping of a run that used `.archlint-baseline.json`. */
export interface BaselineSummary {
  /** The baseline file, relative to the root. */
  file: string;
  /** False when no baseline file exists yet: every finding is new. */
  exists: boolean;
  /** Baseline entries whose finding is gone: `archlint baseline --prune` removes them. */
  stale: { ruleId: string; file: string; fingerprint: string; message: string }[];
}

/** Everything one run produced, as plain data: cacheable, mergeable and the input of every reporter. */
export interface CheckResult {
  /** Version of this shape; see docs/json-format.md. */
  formatVersion: 1;
  tool: { name: 'archlint'; version: string };
  /** Absolute folder that file paths are relative to. */
  root: string;
  /** Findings that count: not suppressed, not in the baseline. */
  diagnostics: Diagnostic[];
  /** Findings silenced by an inline suppression (shown in SARIF, counted in human output). */
  suppressed: SuppressedDiagnostic[];
  /** Findings already in the baseline: in SARIF as baselineState "unchanged", counted elsewhere. */
  baselined: Diagnostic[];
  baseline?: BaselineSummary;
  rules: RuleDescriptor[];
  files: Record<ArtifactKind, number>;
  notices: RunNotice[];
  /** False when a rule or parser crashed: the run exits 2. */
  executionSuccessful: boolean;
  /** Where the run's time went (`--timing`); absent unless asked for. */
  timing?: RunTiming;
}

/**
 * Milliseconds spent per rule and per stage, summed over threads: CPU time of the work, not the
 * wall time of the run. Files whose results came from the cache took no time and count none.
 */
export interface RunTiming {
  /** Parsing files into models, by kind. */
  parse: Partial<Record<ArtifactKind, number>>;
  /** Building the project models that project rules read (the module graph), by kind. */
  project: Partial<Record<ArtifactKind, number>>;
  /** Per rule: `create` and every listener call on every file; a project rule's whole run. */
  rules: Record<string, number>;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
