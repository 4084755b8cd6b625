import { readFileSync } from 'node:fs';
import type { Invocation, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { compareDiagnostics, compareStrings, PARSE_ERROR, type Diagnostic } from '../core/diagnostic.js';
import type { ArtifactKind } from '../core/kinds.js';
import type { BaselineSummary, RunNotice, SuppressedDiagnostic } from '../core/result.js';
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from '../suppressions/apply.js';

/** Inputs that cannot be merged: the CLI exits 2 with this message. */
export class MergeError extends Error {}

/** The `-f json` document (docs/json-format.md), as far as merging needs to know it. */
export interface JsonReport {
  formatVersion: 1;
  tool: { name: 'archlint'; version: string };
  executionSuccessful: boolean;
  summary: { errors: number; warnings: number; suppressed: number; baselined: number; files: Record<ArtifactKind, number> };
  baseline?: BaselineSummary;
  notices: RunNotice[];
  rules: { id: string }[];
  diagnostics: Omit<Diagnostic, 'snippet'>[];
  suppressed: Omit<SuppressedDiagnostic, 'snippet'>[];
}

export type LoadedReport = { file: string; format: 'json'; report: JsonReport } | { file: string; format: 'sarif'; report: Log };

/** Reads one shard output and tells JSON from SARIF by its content, not its file name. */
export function readReport(file: string, display = file): LoadedReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MergeError(`cannot read ${display}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MergeError(`${display} is not JSON: ${(error as Error).message}`);
  }
  const doc = data as Record<string, unknown> | null;
  if (doc && typeof doc === 'object' && doc.version === '2.1.0' && Array.isArray(doc.runs)) {
    return { file: display, format: 'sarif', report: doc as unknown as Log };
  }
  if (doc && typeof doc === 'object' && 'formatVersion' in doc && Array.isArray(doc.diagnostics)) {
    if (doc.formatVersion !== 1) throw new MergeError(`${display}: JSON format version ${String(doc.formatVersion)} is not supported (this archlint reads version 1)`);
    return { file: display, format: 'json', report: doc as unknown as JsonReport };
  }
  throw new MergeError(`${display} is neither archlint JSON (-f json) nor SARIF 2.1.0 (-f sarif)`);
}

/** All inputs must be of one format and from one archlint version: shards of one run. */
export function mergeReports(inputs: LoadedReport[]): { format: 'json'; report: JsonReport } | { format: 'sarif'; report: Log } {
  if (inputs.length === 0) throw new MergeError('give the shard outputs to merge');
  const formats = new Set(inputs.map((i) => i.format));
  if (formats.size > 1) {
    const json = inputs.find((i) => i.format === 'json')!;
    const sarif = inputs.find((i) => i.format === 'sarif')!;
    throw new MergeError(`cannot merge JSON and SARIF together (${json.file} is JSON, ${sarif.file} is SARIF): give the shards' outputs in one format`);
  }
  if (inputs[0].format === 'json') return { format: 'json', report: mergeJson(inputs as Extract<LoadedReport, { format: 'json' }>[]) };
  return { format: 'sarif', report: mergeSarif(inputs as Extract<LoadedReport, { format: 'sarif' }>[]) };
}

function sameVersion(versions: { file: string; version: string | undefined }[]): void {
  const distinct = [...new Set(versions.map((v) => v.version))];
  if (distinct.length > 1) {
    throw new MergeError(`the reports come from different archlint versions (${versions.map((v) => `${v.file}: ${v.version ?? 'unknown'}`).join(', ')}); run every shard with one version`);
  }
}

/** Union without repeats, first occurrence wins. */
function unique<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) seen.set(k, item);
  }
  return [...seen.values()];
}

// The message is part of the identity: two findings may share a fingerprint and a place (two long
// cycles through one import whose anchors differ only past the fingerprint's cut) and both count.
const findingKey = (d: { ruleId: string; fingerprint: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }) =>
  [d.ruleId, d.fingerprint, d.file, d.line, d.column, d.endLine, d.endColumn, d.message].join('\0');

export function mergeJson(inputs: { file: string; report: JsonReport }[]): JsonReport {
  for (const { file, report } of inputs) {
    if (report.tool?.name !== 'archlint') throw new MergeError(`${file} is not an archlint report`);
  }
  sameVersion(inputs.map(({ file, report }) => ({ file, version: report.tool.version })));
  const reports = inputs.map((i) => i.report);
  const diagnostics = unique(reports.flatMap((r) => r.diagnostics), findingKey).sort(compareDiagnostics);
  const suppressed = unique(reports.flatMap((r) => r.suppressed ?? []), findingKey).sort(compareDiagnostics);
  const files: Record<string, number> = {};
  // Each shard counts the files it owns, so the counts add up.
  for (const r of reports) for (const [kind, n] of Object.entries(r.summary?.files ?? {})) files[kind] = (files[kind] ?? 0) + n;
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  const baselines = reports.map((r) => r.baseline).filter((b): b is BaselineSummary => b !== undefined);
  const baseline: BaselineSummary | undefined = baselines[0] && {
    file: baselines[0].file,
    exists: baselines.some((b) => b.exists),
    stale: unique(baselines.flatMap((b) => b.stale), (e) => `${e.fingerprint}\0${e.file}`).sort(
      (a, b) => compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint),
    ),
  };
  return {
    formatVersion: 1,
    tool: reports[0].tool,
    executionSuccessful: reports.every((r) => r.executionSuccessful),
    summary: {
      errors,
      warnings: diagnostics.length - errors,
      suppressed: suppressed.length,
      // Baselined findings are listed nowhere, only counted; each belongs to one shard.
      baselined: reports.reduce((sum, r) => sum + (r.summary?.baselined ?? 0), 0),
      files: files as Record<ArtifactKind, number>,
    },
    ...(baseline ? { baseline } : {}),
    notices: unique(reports.flatMap((r) => r.notices ?? []), (n) => `${n.level}\0${n.message}`),
    rules: unique(reports.flatMap((r) => r.rules ?? []), (r) => r.id).sort((a, b) => compareStrings(a.id, b.id)),
    diagnostics,
    suppressed,
  };
}

/** Rules archlint itself reports under; the SARIF reporter lists them after the packs' rules. */
const RESERVED = new Set([PARSE_ERROR, UNUSED_SUPPRESSION, INVALID_SUPPRESSION]);

function compareRules(a: ReportingDescriptor, b: ReportingDescriptor): number {
  return Number(RESERVED.has(a.id)) - Number(RESERVED.has(b.id)) || compareStrings(a.id, b.id);
}

interface Place {
  file: string;
  line: number;
  column: number;
}

function placeOf(locations: Result['locations'] | Notification['locations']): Place {
  const physical = locations?.[0]?.physicalLocation;
  const uri = physical?.artifactLocation?.uri ?? '';
  let file = uri;
  try {
    file = decodeURI(uri);
  } catch {
    file = uri;
  }
  return { file, line: physical?.region?.startLine ?? 0, column: physical?.region?.startColumn ?? 0 };
}

/** Findings first, then baselined ones, then suppressed ones: the order of an unsharded run. */
function group(r: Result): number {
  if (r.suppressions && r.suppressions.length > 0) return 2;
  return r.baselineState === 'unchanged' ? 1 : 0;
}

function compareResults(a: Result, b: Result): number {
  const pa = placeOf(a.locations);
  const pb = placeOf(b.locations);
  return (
    group(a) - group(b) ||
    compareStrings(pa.file, pb.file) ||
    pa.line - pb.line ||
    pa.column - pb.column ||
    compareStrings(a.ruleId ?? '', b.ruleId ?? '') ||
    compareStrings(a.message.text ?? '', b.message.text ?? '')
  );
}

function compareNotifications(a: Notification, b: Notification): number {
  const pa = placeOf(a.locations);
  const pb = placeOf(b.locations);
  return (
    compareStrings(pa.file, pb.file) ||
    pa.line - pb.line ||
    pa.column - pb.column ||
    compareStrings(a.descriptor?.id ?? '', b.descriptor?.id ?? '') ||
    compareStrings(a.message.text ?? '', b.message.text ?? '')
  );
}

const resultKey = (r: Result) =>
  JSON.stringify([r.ruleId, r.partialFingerprints?.['archlintFingerprint/v1'] ?? '', r.locations?.[0]?.physicalLocation ?? null, r.message.text, group(r)]);

/**
 * One run out of the shards' runs: rules united (ruleIndex recomputed), results de-duplicated by
 * fingerprint and location in a stable order, one invocation that succeeded only if all did.
 */
export function mergeSarif(inputs: { file: string; report: Log }[]): Log {
  const runs: { file: string; run: Run }[] = [];
  for (const { file, report } of inputs) {
    if (report.runs.length === 0) throw new MergeError(`${file} holds no SARIF run`);
    for (const run of report.runs) {
      const name = run.tool?.driver?.name;
      if (name !== 'archlint') throw new MergeError(`${file} holds a run of ${name ? `"${name}"` : 'an unnamed tool'}, not archlint: merge only archlint's shard outputs`);
      runs.push({ file, run });
    }
  }
  sameVersion(runs.map(({ file, run }) => ({ file, version: run.tool.driver.semanticVersion ?? run.tool.driver.version })));

  const rules = unique(runs.flatMap(({ run }) => run.tool.driver.rules ?? []), (r) => r.id).sort(compareRules);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = unique(runs.flatMap(({ run }) => run.results ?? []), resultKey)
    .sort(compareResults)
    .map((r) => {
      const { ruleIndex: _old, ...rest } = r;
      const index = r.ruleId === undefined ? undefined : ruleIndex.get(r.ruleId);
      // Keep the reporter's key order: ruleId, then ruleIndex.
      const out: Result = {} as Result;
      for (const [key, value] of Object.entries(rest)) {
        (out as unknown as Record<string, unknown>)[key] = value;
        if (key === 'ruleId' && index !== undefined) out.ruleIndex = index;
      }
      return out;
    });
  const invocations = runs.flatMap(({ run }) => run.invocations ?? []);
  const invocation: Invocation = {
    executionSuccessful: invocations.length > 0 && invocations.every((i) => i.executionSuccessful),
    toolExecutionNotifications: unique(invocations.flatMap((i) => i.toolExecutionNotifications ?? []), (n) => JSON.stringify(n)).sort(compareNotifications),
  };
  const first = runs[0].run;
  const run: Run = {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules } },
    invocations: [invocation],
    results,
  };
  const log = inputs[0].report;
  return { ...log, runs: [run] };
}
