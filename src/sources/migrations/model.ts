import type { Node as PgNode } from 'libpg-query';
import type { Location } from '../../core/diagnostic.js';
import type { MigrationSettings } from '../../config/settings/migrations.js';
import { byteToCharOffset, lastAtOrBefore } from '../../core/text.js';
import type { Layout } from './layout.js';
import { loadPgParser, parsePgJson, PgSyntaxError } from './parser.js';

export type { PgNode };

export type Direction = 'up' | 'down';

/** One SQL statement as Postgres's own parser sees it. */
export interface Statement {
  /** The parse node's type name, e.g. `IndexStmt`, `AlterTableStmt`. */
  type: string;
  /** The node's fields (the value under `type`). */
  node: Record<string, unknown>;
  /** Character offsets of the statement in the file text, leading comments excluded. */
  offset: number;
  endOffset: number;
  /** The statement's source text, without the trailing semicolon. */
  text: string;
  /** Whether it runs forwards (`up`) or when rolling back (`down`). */
  direction: Direction;
  /** Whether it runs inside a transaction: an explicit BEGIN block, or the layout's wrapping. */
  inTransaction: boolean;
  /** Whether an explicit BEGIN of the file is open around it (not the layout's own wrapping). */
  inExplicitTransaction: boolean;
  /**
   * Where a parse node sits in the file: `location` is the node's `location` field (a byte
   * offset into the SQL the parser saw), `length` its length in characters (default: up to the
   * statement's end).
   */
  locate(location: number | undefined, length?: number): Location;
  /** Like `locate`, spanning the word (name, type with its modifiers) that starts at `location`. */
  locateWord(location: number | undefined): Location;
}

/** One migration file: a `.sql` file, or a TypeScript migration whose SQL strings were extracted. */
export interface MigrationFile {
  path: string;
  text: string;
  /** Folder of the migration set this file belongs to, relative to the root. */
  dir: string;
  layout: Layout;
  /** Version as written in the name (`20240101120000`, `1.2`, `0003`); absent for repeatable or unversioned files. */
  version?: string;
  /** Description part of the name, when the layout has one. */
  name?: string;
  /** `up`, `down` (a separate rollback file), `both` (markers or up/down methods in one file), `repeatable` (Flyway R__). */
  role: 'up' | 'down' | 'both' | 'repeatable';
  /** Statements that run when migrating forwards, in order. A `.down.sql` file has none. */
  statements: Statement[];
  /** Statements that run when rolling back. */
  down: Statement[];
  /** Whether the tool wraps this migration in a transaction (layout default, directives, `assumeInTransaction`). */
  inTransaction: boolean;
  /** False when the SQL (or part of it) did not parse; the file still counts for history rules. */
  parsed: boolean;
}

export interface MigrationSet {
  /** Folder relative to the root. */
  dir: string;
  layout: Layout;
  /** Files of the set in the run, ordered by version (unversioned last, by path). */
  files: MigrationFile[];
}

export interface MigrationProject {
  root: string;
  files: MigrationFile[];
  /** Files grouped by migration folder. */
  sets: MigrationSet[];
}

export function statementLocation(statement: Statement, file?: string): Location {
  return { file, offset: statement.offset, endOffset: statement.endOffset };
}

/** The WASM parser loads once per thread. */
export const loadParser = loadPgParser;

interface RawStatement {
  stmt?: PgNode;
  stmt_location?: number;
  stmt_len?: number;
}

/** Skips whitespace and comments, which libpg_query may include at the start of a statement. */
function skipTrivia(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? to : nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? to : close + 2;
    } else break;
  }
  return i;
}

const WORD = /(?:"[^"]*"|[\w.$])+(?:\s*\([^)]*\))?/y;

/** A statement before the file-level facts (direction, transaction) are known. */
export type ParsedStatement = Omit<Statement, 'direction' | 'inTransaction' | 'inExplicitTransaction'>;

/**
 * The parser's byte offsets as character offsets, for text with multi-byte characters: a
 * checkpoint every 256 characters and a short scan from the nearest one, where counting from the
 * start for each of thousands of statements would take seconds on a large seed file.
 */
class ByteOffsets {
  private readonly chars: number[] = [];
  private readonly bytes: number[] = [];

  constructor(private readonly text: string) {
    let bytes = 0;
    let next = 0;
    for (let i = 0; i < text.length; i++) {
      if (i >= next) {
        this.chars.push(i);
        this.bytes.push(bytes);
        next = i + 256;
      }
      const c = text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
  }

  toChar(byteOffset: number): number {
    const lo = Math.max(0, lastAtOrBefore(this.bytes, byteOffset));
    return byteToCharOffset(this.text, byteOffset, { char: this.chars[lo] ?? 0, byte: this.bytes[lo] ?? 0 });
  }
}

/** The SQL text statements were parsed from, and how its offsets map to the file. */
interface SqlSource {
  sql: string;
  /** Absent when the text has no multi-byte character: byte offsets are then character offsets. */
  offsets?: ByteOffsets;
  toFile: (offset: number) => number;
}

function toChar(source: SqlSource, byte: number): number {
  return source.offsets ? source.offsets.toChar(byte) : byte;
}

/**
 * Slots where the readers of sql.ts keep what they work out once per statement. Every statement
 * has them from the start: properties added later give statements several shapes, and the rules
 * that read statements are then optimised and thrown away again for each new shape.
 */
export const COLUMNS = Symbol('columns');
export const COMMANDS = Symbol('commands');

// A class rather than an object with closures: files hold thousands of statements.
class SqlStatement implements Statement {
  direction: Direction = 'up';
  inTransaction = false;
  inExplicitTransaction = false;
  [COLUMNS]: unknown = undefined;
  [COMMANDS]: unknown = undefined;

  constructor(
    readonly type: string,
    readonly node: Record<string, unknown>,
    readonly offset: number,
    readonly endOffset: number,
    readonly text: string,
    private readonly source: SqlSource,
  ) {}

  locate(location: number | undefined, length = 0): Location {
    const { offset, endOffset } = this;
    if (location === undefined || location < 0) return { offset, endOffset };
    const from = toChar(this.source, location);
    const fileFrom = this.source.toFile(from);
    return { offset: fileFrom, endOffset: length > 0 ? this.source.toFile(from + length - 1) + 1 : Math.max(fileFrom, endOffset) };
  }

  locateWord(location: number | undefined): Location {
    if (location === undefined || location < 0) return { offset: this.offset, endOffset: this.endOffset };
    const from = toChar(this.source, location);
    WORD.lastIndex = from;
    const word = WORD.exec(this.source.sql);
    const length = word && word.index === from ? word[0].length : 0;
    return this.locate(location, length);
  }
}

/** Whitespace or `;` (what ends a statement's text). */
function isTrailing(code: number): boolean {
  if (code > 127) return /\s/.test(String.fromCharCode(code));
  return code === 59 || code === 32 || (code >= 9 && code <= 13);
}

const identity = (offset: number) => offset;

/** The UTF-16 offset of the `codePoints`-th code point: Postgres counts an error's place in characters. */
function codePointToCharOffset(text: string, codePoints: number): number {
  let offset = 0;
  for (let n = 0; n < codePoints && offset < text.length; n++) {
    const c = text.charCodeAt(offset);
    offset += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return offset;
}

/**
 * Parses SQL; `loadParser()` must have resolved. `toFile` maps a character offset in `sql` to an
 * offset in the file (identity for `.sql` files, the literal's place for SQL inside TypeScript).
 */
export function parseSql(
  sql: string,
  toFile: (offset: number) => number = identity,
): { statements?: ParsedStatement[]; problem?: { message: string; offset: number } } {
  // Comment-only files (a placeholder for another database's change) hold no statement.
  if (skipTrivia(sql, 0, sql.length) === sql.length) return { statements: [] };
  let result: { stmts?: RawStatement[] };
  try {
    result = JSON.parse(parsePgJson(sql)) as { stmts?: RawStatement[] };
  } catch (error) {
    // Whatever stops the parser (a syntax error, or SQL too deep for its stack) is the file's problem, not the run's.
    const cursor = error instanceof PgSyntaxError ? error.cursorPosition : undefined;
    const at = cursor === undefined ? 0 : codePointToCharOffset(sql, cursor);
    return { problem: { message: (error as Error).message, offset: toFile(at) } };
  }
  const source: SqlSource = { sql, offsets: Buffer.byteLength(sql, 'utf8') === sql.length ? undefined : new ByteOffsets(sql), toFile };
  const statements: ParsedStatement[] = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    // A parse node is `{ <TypeName>: fields }`.
    const wrapper = raw.stmt as unknown as Record<string, Record<string, unknown>>;
    let type = '';
    for (const key in wrapper) {
      type = key;
      break;
    }
    const node = wrapper[type];
    const startByte = raw.stmt_location ?? 0;
    const rawStart = toChar(source, startByte);
    const rawEnd = raw.stmt_len === undefined || raw.stmt_len === 0 ? sql.length : toChar(source, startByte + raw.stmt_len);
    const start = skipTrivia(sql, rawStart, rawEnd);
    let end = rawEnd;
    while (end > start && isTrailing(sql.charCodeAt(end - 1))) end--;
    const offset = toFile(start);
    const endOffset = Math.max(offset, toFile(end - 1) + 1);
    statements.push(new SqlStatement(type, node, offset, endOffset, sql.slice(start, end), source));
  }
  return { statements };
}

declare module '../../core/kinds.js' {
  interface ArtifactModels {
    migration: { file: MigrationFile; project: MigrationProject; settings: MigrationSettings; listeners: never };
  }
}
