import { LineIndex } from '../core/text.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** One `archlint-...` comment, or one `x-archlint-ignore` extension of an OpenAPI object. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it names; empty means every rule. */
  rules: string[];
  reason?: string;
  /** YYYY-MM-DD after which it no longer applies. */
  until?: string;
  file: string;
  line: number;
  column: number;
  endColumn: number;
  /** Where the comment opener is in the text, and where the directive's line ends, for directives written in comments. */
  offset?: number;
  endOffset?: number;
  /** For ranges from spec extensions: the lines the directive covers. */
  startLine?: number;
  endLine?: number;
  /** Problems with the directive itself: a malformed date. */
  problem?: string;
  /** Another tool's comment (`squawk-ignore`): applied, never reported, no reason needed. */
  foreign?: boolean;
}

/**
 * Comment openers per file type. A TypeScript or JavaScript migration also holds SQL, whose
 * comments (`--`, `/*`) sit in its string literals. Matches are found in the text; whether each is
 * in a comment rather than a string is the sources' to tell (`KindAdapter.commentsAt`).
 */
function openersFor(file: string, embeddedSql: boolean): string | undefined {
  const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
  if (['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'].includes(ext)) return embeddedSql ? '\\/\\/|\\/\\*|--' : '\\/\\/|\\/\\*';
  if (ext === '.sql') return '--|\\/\\*';
  if (['.yaml', '.yml', '.graphql', '.graphqls', '.gql'].includes(ext)) return '#';
  return undefined;
}

const patterns = new Map<string, RegExp>();

function patternFor(openers: string): RegExp {
  let re = patterns.get(openers);
  if (!re) {
    re = new RegExp(`(?:${openers})[ \\t]*archlint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\\w-])([^\\n\\r]*)`, 'g');
    patterns.set(openers, re);
  }
  return re;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Splits `rule-a, rule-b until=2026-01-31 -- the reason` into its parts. */
export function parseDirectiveBody(body: string): { rules: string[]; reason?: string; until?: string; problem?: string } {
  const text = body.replace(/\*\/.*$/, '').trim();
  const dash = text.search(/(^|\s)--(\s|$)/);
  const head = dash < 0 ? text : text.slice(0, dash);
  const reason = dash < 0 ? undefined : text.slice(dash).replace(/^\s*--\s*/, '').trim() || undefined;
  let until: string | undefined;
  let problem: string | undefined;
  const rules: string[] = [];
  for (const token of head.split(/[\s,]+/).filter(Boolean)) {
    const u = /^until=(.*)$/.exec(token);
    if (u) {
      until = u[1];
      if (!DATE.test(until) || Number.isNaN(Date.parse(until))) problem = `"until=${until}" is not a date (YYYY-MM-DD)`;
    } else rules.push(token);
  }
  return { rules, reason, until, problem };
}

/**
 * Finds the directives in one file's text; files without the marker cost one search for it.
 * `embeddedSql`: the file is a TypeScript or JavaScript migration, whose SQL may carry them too.
 */
export function findDirectives(file: string, text: string, embeddedSql = false): Directive[] {
  return outermost(directiveCandidates(file, text, embeddedSql));
}

/**
 * Every match of a directive in the text, those inside another's line included: when the first
 * match of a line turns out to be in a string (`"# archlint-disable"): String # archlint-disable`),
 * the one after it may still be a comment.
 */
export function directiveCandidates(file: string, text: string, embeddedSql = false): Directive[] {
  if (!holdsMarker(text)) return [];
  const openers = openersFor(file, embeddedSql);
  if (!openers) return [];
  const index = new LineIndex(text);
  const out: Directive[] = [];
  const pattern = patternFor(openers);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = index.position(match.index);
    const body = parseDirectiveBody(match[2]);
    out.push({
      kind: match[1] as DirectiveKind,
      ...body,
      file,
      line: start.line,
      column: start.column,
      endColumn: start.column + match[0].replace(/\s*\*\/.*$/, '').trimEnd().length,
      offset: match.index,
      endOffset: match.index + match[0].length,
    });
    pattern.lastIndex = match.index + 1;
  }
  return out;
}

/**
 * Whether the text holds `archlint-`. Every file of a run is asked and nearly none does: the search
 * goes by the marker's rarest pair of letters, `hl`, which string search skips to three times faster
 * than to its first letter, common `a`.
 */
function holdsMarker(text: string): boolean {
  for (let at = text.indexOf('hl'); at >= 0; at = text.indexOf('hl', at + 1)) if (text.startsWith('archlint-', at - 3)) return true;
  return false;
}

/** The directives not written inside an earlier one (its rules or reason), as a comment reads. */
export function outermost(found: readonly Directive[]): Directive[] {
  const out: Directive[] = [];
  let end = -1;
  for (const directive of found) {
    if (directive.offset !== undefined && directive.offset < end) continue;
    out.push(directive);
    end = directive.endOffset ?? -1;
  }
  return out;
}
