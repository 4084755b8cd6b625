import { loadModule, parseSync, type Node as PgNode } from 'libpg-query';
import type { Location } from '../../core/diagnostic.js';
import type { MigrationSettings } from '../../config/settings/migrations.js';
import { byteToCharOffset } from '../../core/text.js';

export type { PgNode };

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
}

/** One migration file (or the SQL of one migration). */
export interface MigrationFile {
  path: string;
  text: string;
  /** Folder of the migration set this file belongs to, relative to the root. */
  dir: string;
  statements: Statement[];
  /** Whether the statements run inside a transaction (explicit BEGIN, or the layout's default). */
  inTransaction: boolean;
}

export interface MigrationProject {
  root: string;
  files: MigrationFile[];
}

export function statementLocation(statement: Statement, file?: string): Location {
  return { file, offset: statement.offset, endOffset: statement.endOffset };
}

let loaded: Promise<void> | undefined;
/** The WASM parser loads once per process. */
export function loadParser(): Promise<void> {
  return (loaded ??= loadModule());
}

interface RawStatement {
  stmt?: PgNode;
  stmt_location?: number;
  stmt_len?: number;
}

interface SqlErrorLike {
  message: string;
  sqlDetails?: { cursorPosition?: number };
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

/** Parses SQL text; `loadParser()` must have resolved. Offsets are characters, not bytes. */
export function parseSql(text: string): { statements?: Statement[]; problem?: { message: string; offset: number } } {
  let result: { stmts?: RawStatement[] };
  try {
    result = parseSync(text) as { stmts?: RawStatement[] };
  } catch (error) {
    const e = error as SqlErrorLike;
    const cursor = e.sqlDetails?.cursorPosition;
    return { problem: { message: e.message, offset: cursor === undefined ? 0 : byteToCharOffset(text, cursor) } };
  }
  const ascii = !/[^\x00-\x7f]/.test(text);
  const toChar = (b: number) => (ascii ? b : byteToCharOffset(text, b));
  const statements: Statement[] = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    const [type, node] = Object.entries(raw.stmt)[0] as [string, Record<string, unknown>];
    const startByte = raw.stmt_location ?? 0;
    const rawStart = toChar(startByte);
    const rawEnd = raw.stmt_len === undefined || raw.stmt_len === 0 ? text.length : toChar(startByte + raw.stmt_len);
    const offset = skipTrivia(text, rawStart, rawEnd);
    let endOffset = rawEnd;
    while (endOffset > offset && /[\s;]/.test(text[endOffset - 1])) endOffset--;
    statements.push({ type, node, offset, endOffset, text: text.slice(offset, endOffset) });
  }
  return { statements };
}

declare module '../../core/kinds.js' {
  interface ArtifactModels {
    migration: { file: MigrationFile; project: MigrationProject; settings: MigrationSettings; listeners: never };
  }
}
