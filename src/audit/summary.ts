import type { BaselineEntry } from '../baseline/baseline.js';
import { compareStrings, type Diagnostic } from '../core/diagnostic.js';
import type { ArtifactKind } from '../core/kinds.js';
import type { CheckResult, RunNotice } from '../core/result.js';

export interface Counts {
  /** Current findings: new ones and those already in the baseline. */
  findings: number;
  errors: number;
  warnings: number;
  /** Not in the baseline. */
  new: number;
  baselined: number;
  /** Silenced by an inline comment; not part of `findings`. */
  suppressed: number;
}

export interface RuleSummary extends Counts {
  id: string;
  pack: string;
  description: string;
  docsUrl: string;
}

export interface PackSummary extends Counts {
  id: string;
  /** Rules of the pack that found something. */
  rulesWithFindings: number;
  /** Rules of the pack that ran. */
  rulesRun: number;
}

export interface FileSummary {
  file: string;
  findings: number;
  errors: number;
  warnings: number;
  /** Rules with the most findings in this file, most first. */
  rules: { id: string; count: number }[];
}

export interface RuleTrend {
  id: string;
  /** Entries of the baseline for this rule. */
  before: number;
  /** Current findings (new + still baselined). */
  now: number;
  new: number;
  /** Baseline entries whose finding is gone. */
  fixed: number;
}

export interface Trend {
  /** The baseline file, relative to the root. */
  file: string;
  before: number;
  now: number;
  new: number;
  fixed: number;
  /** Rules whose counts changed or that are in the baseline, largest change first. */
  rules: RuleTrend[];
}

export interface AuditSummary {
  root: string;
  version: string;
  generatedAt: string;
  files: Record<ArtifactKind, number>;
  totals: Counts;
  packs: PackSummary[];
  rules: RuleSummary[];
  topFiles: FileSummary[];
  /** Present when the run used a baseline file that exists. */
  trend?: Trend;
  notices: RunNotice[];
  executionSuccessful: boolean;
}

export interface SummaryOptions {
  /** ISO timestamp shown in the report; a parameter so output can be reproduced. */
  generatedAt: string;
  /** How many files to list, most findings first. */
  topFiles?: number;
  /** The entries of the baseline file the run used, when it exists. */
  baselineEntries?: readonly BaselineEntry[];
}

function zero(): Counts {
  return { findings: 0, errors: 0, warnings: 0, new: 0, baselined: 0, suppressed: 0 };
}

function add(counts: Counts, d: Diagnostic, state: 'new' | 'baselined' | 'suppressed'): void {
  counts[state]++;
  if (state === 'suppressed') return;
  counts.findings++;
  if (d.severity === 'error') counts.errors++;
  else counts.warnings++;
}

const byFindings = <T extends { findings: number; id: string }>(a: T, b: T) => b.findings - a.findings || compareStrings(a.id, b.id);

/** Counts per pack, rule and file, and the change since the baseline: what the audit page shows. */
export function summarizeAudit(result: CheckResult, options: SummaryOptions): AuditSummary {
  const described = new Map(result.rules.map((r) => [r.id, r]));
  // Findings of rules the run did not describe (parse errors, unused suppressions) go under their prefix.
  const packOf = (id: string) => {
    const slash = id.indexOf('/');
    return described.get(id)?.pack ?? (slash > 0 ? id.slice(0, slash) : id);
  };

  const totals = zero();
  const rules = new Map<string, RuleSummary>();
  const ruleOf = (id: string): RuleSummary => {
    let r = rules.get(id);
    if (!r) {
      const d = described.get(id);
      rules.set(id, (r = { id, pack: packOf(id), description: d?.description ?? '', docsUrl: d?.docsUrl ?? '', ...zero() }));
    }
    return r;
  };
  for (const d of result.rules) ruleOf(d.id);
  const files = new Map<string, FileSummary & { counts: Map<string, number> }>();
  const tally = (d: Diagnostic, state: 'new' | 'baselined' | 'suppressed') => {
    add(totals, d, state);
    add(ruleOf(d.ruleId), d, state);
    if (state === 'suppressed') return;
    let f = files.get(d.file);
    if (!f) files.set(d.file, (f = { file: d.file, findings: 0, errors: 0, warnings: 0, rules: [], counts: new Map() }));
    f.findings++;
    if (d.severity === 'error') f.errors++;
    else f.warnings++;
    f.counts.set(d.ruleId, (f.counts.get(d.ruleId) ?? 0) + 1);
  };
  for (const d of result.diagnostics) tally(d, 'new');
  for (const d of result.baselined) tally(d, 'baselined');
  for (const d of result.suppressed) tally(d, 'suppressed');

  const packs = new Map<string, PackSummary>();
  for (const r of rules.values()) {
    let p = packs.get(r.pack);
    if (!p) packs.set(r.pack, (p = { id: r.pack, rulesWithFindings: 0, rulesRun: 0, ...zero() }));
    if (described.has(r.id)) p.rulesRun++;
    if (r.findings > 0) p.rulesWithFindings++;
    for (const key of Object.keys(zero()) as (keyof Counts)[]) p[key] += r[key];
  }

  const topFiles = [...files.values()]
    .sort((a, b) => b.findings - a.findings || compareStrings(a.file, b.file))
    .slice(0, options.topFiles ?? 20)
    .map(({ counts, ...f }) => ({
      ...f,
      rules: [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || compareStrings(a.id, b.id)),
    }));

  let trend: Trend | undefined;
  if (result.baseline?.exists && options.baselineEntries) {
    const perRule = new Map<string, RuleTrend>();
    const trendOf = (id: string) => {
      let t = perRule.get(id);
      if (!t) perRule.set(id, (t = { id, before: 0, now: 0, new: 0, fixed: 0 }));
      return t;
    };
    for (const e of options.baselineEntries) trendOf(e.ruleId).before++;
    for (const e of result.baseline.stale) trendOf(e.ruleId).fixed++;
    for (const d of result.diagnostics) {
      trendOf(d.ruleId).now++;
      trendOf(d.ruleId).new++;
    }
    for (const d of result.baselined) trendOf(d.ruleId).now++;
    const list = [...perRule.values()].sort((a, b) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before) || compareStrings(a.id, b.id));
    trend = {
      file: result.baseline.file,
      before: options.baselineEntries.length,
      now: result.diagnostics.length + result.baselined.length,
      new: result.diagnostics.length,
      fixed: result.baseline.stale.length,
      rules: list,
    };
  }

  return {
    root: result.root,
    version: result.tool.version,
    generatedAt: options.generatedAt,
    files: result.files,
    totals,
    packs: [...packs.values()].sort(byFindings),
    rules: [...rules.values()].sort(byFindings),
    topFiles,
    ...(trend ? { trend } : {}),
    notices: result.notices,
    executionSuccessful: result.executionSuccessful,
  };
}
