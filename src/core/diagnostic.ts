/** Severities a rule can be configured with; `off` never reaches a diagnostic. */
export type Severity = 'off' | 'warn' | 'error';
export type ReportedSeverity = Exclude<Severity, 'off'>;

/** 1-based line and column; columns count UTF-16 code units, as SARIF's default columnKind. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Where a finding is. Sources hand rules either line/column pairs or character offsets into the
 * file text, whichever their parser gives; the engine turns offsets into positions.
 */
export type Location =
  | { file?: string; start: Position; end?: Position }
  | { file?: string; offset: number; endOffset?: number };

export interface RelatedNote {
  message: string;
  file?: string;
  start?: Position;
  end?: Position;
}

/** A few source lines around the finding, so reporters can draw a code frame without reading files. */
export interface Snippet {
  /** Line number of `lines[0]`. */
  startLine: number;
  lines: string[];
}

/**
 * A finding, as plain data: it is what the cache stores, what shards exchange and what every
 * reporter renders. Paths are relative to the run's root, with forward slashes.
 */
export interface Diagnostic {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What to do about it, one or two sentences. */
  help?: string;
  notes?: RelatedNote[];
  /** Stable identity of the finding: rule, file and an anchor, never a line number. */
  fingerprint: string;
  snippet?: Snippet;
}

type Ordered = Pick<Diagnostic, 'file' | 'line' | 'column' | 'ruleId' | 'message'>;

export function compareDiagnostics(a: Ordered, b: Ordered): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

/** Locale-independent ordering, so output is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Replaces `{{name}}` placeholders, as ESLint messages do. Unknown names are left visible. */
export function formatMessage(template: string, data: Record<string, unknown> | undefined): string {
  if (!data) return template;
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const key = parts[i];
    out += (key in data ? String(data[key]) : parts[i + 1]) + parts[i + 2];
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

// A rule's few templates format tens of thousands of messages in a large run: each is split once.
const templateParts = new Map<string, string[]>();

/** `[text, key, placeholder, text, key, placeholder, text, ...]`: the template around its placeholders. */
function partsOf(template: string): string[] {
  let parts = templateParts.get(template);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, match.index), match[1], match[0]);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  // Templates come from rules' `messages`; a bound keeps a rule that builds them on the fly from growing the map.
  if (templateParts.size < 10_000) templateParts.set(template, parts);
  return parts;
}

/** Reserved rule ids for problems of the run itself rather than of the code. */
export const PARSE_ERROR = 'archlint/parse-error';
export const INTERNAL_ERROR = 'archlint/internal-error';
export const CONFIG_WARNING = 'archlint/config';
