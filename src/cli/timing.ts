import type { RunTiming } from '../core/result.js';

/** How many rules `--timing` lists: the costliest `n`, or all of them. */
export type TimingLimit = number | 'all';

/**
 * The list size ESLint reads from TIMING: `all`, or a number of rules (at least 10); anything
 * else, or no value (`--timing`), lists the 10 costliest.
 */
export function timingListSize(value: string | undefined): TimingLimit {
  if (value?.toLowerCase() === 'all') return 'all';
  const n = Number.parseInt(value ?? '', 10);
  return n > 10 ? n : 10;
}

const ms = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The costliest rules first, as ESLint's TIMING=1 lists them, then what parsing and the project
 * models took: rule times read against the cost of parsing the same files.
 */
export function formatTiming(timing: RunTiming, limit: TimingLimit): string {
  const rules = Object.entries(timing.rules).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = rules.reduce((sum, [, t]) => sum + t, 0);
  const shown = limit === 'all' ? rules : rules.slice(0, limit);
  const rows = shown.map(([id, t]) => [id, ms(t), total > 0 ? `${((t / total) * 100).toFixed(1)}%` : '-']);
  const header = ['Rule', 'Time (ms)', 'Relative'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(header), ...rows.map(line)];
  const rest = rules.length - shown.length;
  if (rest > 0) {
    const restTime = rules.slice(shown.length).reduce((sum, [, t]) => sum + t, 0);
    out.push(`(${rest} more rule${rest === 1 ? '' : 's'}: ${ms(restTime)} ms; TIMING=all lists every rule)`);
  }
  if (rules.length === 0) out.push('(no rule ran on a file this run: results came from the cache, or no rule applies)');
  out.push(`All rules: ${ms(total)} ms.`);
  const stages = (label: string, byKind: RunTiming['parse']) => {
    const parts = Object.entries(byKind).map(([kind, t]) => `${kind} ${ms(t ?? 0)} ms`);
    if (parts.length > 0) out.push(`${label}: ${parts.join(', ')}.`);
  };
  stages('Parsing', timing.parse);
  stages('Project models', timing.project);
  out.push('Times are summed over threads and exclude files whose results came from the cache.');
  return `${out.join('\n')}\n`;
}
