import type { Location } from '../../core/diagnostic.js';
import type { IgnoreRange } from '../../core/kinds.js';
import { LineIndex } from '../../core/text.js';
import type { OpenApiDocument, OpenApiFile } from './model.js';

const KEY = 'x-archlint-ignore';

function lineOf(location: Location, index: LineIndex): number {
  return 'offset' in location ? index.position(location.offset).line : location.start.line;
}

/** `"rule -- reason"`, or `{ rule, reason, until }`. */
function entries(value: unknown): { rule: string; reason?: string; until?: string }[] {
  const list = Array.isArray(value) ? value : [value];
  const out: { rule: string; reason?: string; until?: string }[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      const [rule, ...reason] = item.split(/\s+--\s+/);
      out.push({ rule: rule.trim(), reason: reason.join(' -- ').trim() || undefined });
    } else if (item && typeof item === 'object' && typeof (item as { rule?: unknown }).rule === 'string') {
      const e = item as { rule: string; reason?: unknown; until?: unknown };
      out.push({ rule: e.rule, reason: typeof e.reason === 'string' ? e.reason : undefined, until: typeof e.until === 'string' ? e.until : undefined });
    }
  }
  return out;
}

/**
 * `x-archlint-ignore` on an operation, schema or any other object suppresses the named rules
 * from the object's first line to the line before its next sibling: the object's extent in both
 * YAML and pretty-printed JSON.
 */
export function ignoreRanges(document: OpenApiDocument): IgnoreRange[] {
  const out: IgnoreRange[] = [];
  for (const file of document.files.values()) {
    if (!file.text.includes(KEY)) continue;
    const index = new LineIndex(file.text);
    walk(file, index, file.data, [], undefined, out);
  }
  return out;
}

function walk(file: OpenApiFile, index: LineIndex, value: unknown, pointer: string[], endLine: number | undefined, out: IgnoreRange[]): void {
  if (!value || typeof value !== 'object') return;
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  const starts = keys.map((k) => lineOf(file.locate([...pointer, k]), index));
  const record = value as Record<string, unknown>;
  if (!Array.isArray(value) && KEY in record) {
    const first = pointer.length === 0 ? 1 : lineOf(file.locate(pointer), index);
    const last = endLine ?? index.lineCount;
    const at = lineOf(file.locate([...pointer, KEY]), index);
    for (const e of entries(record[KEY])) {
      out.push({ file: file.path, line: at, column: 1, endLine: last, rules: e.rule ? [e.rule] : [], reason: e.reason, until: e.until, startLine: first });
    }
  }
  keys.forEach((key, i) => {
    if (key === KEY) return;
    const next = starts.slice(i + 1).find((s) => s > starts[i]);
    walk(file, index, record[key], [...pointer, key], next !== undefined ? next - 1 : endLine, out);
  });
}
