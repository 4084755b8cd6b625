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

/** Everything one run produced, as plain data: cacheable, mergeable and the input of every reporter. */
export interface CheckResult {
  /** Version of this shape; see docs/json-format.md. */
  formatVersion: 1;
  tool: { name: 'archlint'; version: string };
  /** Absolute folder that file paths are relative to. */
  root: string;
  diagnostics: Diagnostic[];
  rules: RuleDescriptor[];
  files: Record<ArtifactKind, number>;
  notices: RunNotice[];
  /** False when a rule or parser crashed: the run exits 2. */
  executionSuccessful: boolean;
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
