import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareStrings, type Diagnostic } from '../core/diagnostic.js';
import type { BaselineSummary } from '../core/result.js';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
  /** For reviewers reading the file in a diff; matching uses the fingerprint alone. */
  message: string;
}

export interface BaselineFile {
  formatVersion: 1;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint);
}

/** Undefined when there is no baseline; a file that is not a baseline is an error, never guessed at. */
export function readBaseline(file: string): BaselineFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const shape = data as Partial<BaselineFile>;
  if (shape?.formatVersion !== 1 || !Array.isArray(shape.findings)) {
    throw new BaselineError(`${file} is not an archlint baseline (expected formatVersion 1 and a findings array)`);
  }
  return shape as BaselineFile;
}

export function baselineOf(diagnostics: readonly Diagnostic[]): BaselineFile {
  const seen = new Set<string>();
  const findings: BaselineEntry[] = [];
  for (const d of diagnostics) {
    if (seen.has(d.fingerprint)) continue;
    seen.add(d.fingerprint);
    findings.push({ ruleId: d.ruleId, file: d.file, fingerprint: d.fingerprint, message: d.message });
  }
  return { formatVersion: 1, findings: findings.sort(compareEntries) };
}

/** Sorted, one finding per line-group, and written atomically so a crash never leaves half a file. */
export function writeBaseline(file: string, baseline: BaselineFile): void {
  const text = `${JSON.stringify({ formatVersion: 1, findings: [...baseline.findings].sort(compareEntries) }, null, 2)}\n`;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/**
 * Splits findings into new ones and those already in the baseline. Entries whose file was checked
 * but whose finding is gone are stale: fixed, and removable with `archlint baseline --prune`.
 */
export function matchBaseline(
  diagnostics: readonly Diagnostic[],
  baseline: BaselineFile,
  baselineFile: string,
  /** Whether an entry's file is within this run: checked, or deleted since. */
  inScope: (file: string) => boolean,
): { fresh: Diagnostic[]; known: Diagnostic[]; summary: BaselineSummary } {
  const byFingerprint = new Map(baseline.findings.map((f) => [f.fingerprint, f]));
  const matched = new Set<string>();
  const fresh: Diagnostic[] = [];
  const known: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (byFingerprint.has(d.fingerprint)) {
      known.push(d);
      matched.add(d.fingerprint);
    } else fresh.push(d);
  }
  const stale = baseline.findings.filter((f) => !matched.has(f.fingerprint) && inScope(f.file)).sort(compareEntries);
  return { fresh, known, summary: { file: baselineFile, exists: true, stale } };
}
