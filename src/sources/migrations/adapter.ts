import { posix } from 'node:path';
import type { KindAdapter, ParseProblem, SourceFile } from '../../core/kinds.js';
import type { MigrationSettings } from '../../config/settings/migrations.js';
import { buildProject } from './history.js';
import {
  DBMATE_DOWN,
  DBMATE_UP,
  GOOSE_DOWN,
  GOOSE_UP,
  TRANSACTION_DEFAULT,
  TS_LAYOUTS,
  detectLayout,
  disablesTransaction,
  nameParts,
  setDir,
  type Layout,
} from './layout.js';
import { squawkIgnores } from './squawk.js';
import { sqlCommentSpans } from './parser.js';
import { loadParser, parseSql, type Direction, type MigrationFile, type ParsedStatement, type Statement } from './model.js';
import { extractSql, loadTypeScript } from './typescript.js';

/** Offset where the `down` part of a goose or dbmate file starts, if it has one. */
function downMarker(layout: Layout, text: string): number | undefined {
  const marker = layout === 'goose' ? GOOSE_DOWN : layout === 'dbmate' ? DBMATE_DOWN : undefined;
  const found = marker?.exec(text);
  return found ? found.index : undefined;
}

function isBegin(s: ParsedStatement): boolean {
  return s.type === 'TransactionStmt' && (s.node.kind === 'TRANS_STMT_BEGIN' || s.node.kind === 'TRANS_STMT_START');
}

function isEnd(s: ParsedStatement): boolean {
  if (s.type !== 'TransactionStmt') return false;
  const kind = s.node.kind;
  return kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE';
}

/** Gives each statement its direction and transaction state, walking each direction in order. */
function finish(parsed: { statement: ParsedStatement; direction: Direction }[], wrapped: boolean): Statement[] {
  const explicit: Record<Direction, boolean> = { up: false, down: false };
  return parsed.map(({ statement, direction }) => {
    if (isEnd(statement)) explicit[direction] = false;
    const inExplicitTransaction = explicit[direction];
    if (isBegin(statement)) explicit[direction] = true;
    // Completed in place: statements are many, and copies would only feed the garbage collector.
    const complete = statement as Statement;
    complete.direction = direction;
    complete.inTransaction = wrapped || inExplicitTransaction;
    complete.inExplicitTransaction = inExplicitTransaction;
    return complete;
  });
}

function layoutOf(source: SourceFile, settings: MigrationSettings, root: string, probed?: string[]): Layout {
  const configured = settings.layout;
  if (configured && configured !== 'auto') return configured;
  return detectLayout(source.path, source.text, root, probed);
}

interface Split {
  up: Statement[];
  down: Statement[];
  problems: ParseProblem[];
  inTransaction: boolean;
}

// Syntax only other databases accept: a migration that does not parse and has it is not Postgres.
const OTHER_DIALECTS: [string, RegExp][] = [
  ['MySQL', /\bAUTO_INCREMENT\b|\bENGINE\s*=\s*\w+|`\w+`|\bUNSIGNED\b/i],
  ['SQL Server', /^\s*GO\s*$|\[dbo\]|\bIDENTITY\s*\(\s*\d+\s*,\s*\d+\s*\)|\bNVARCHAR\b/im],
  ['SQLite', /\bAUTOINCREMENT\b/i],
];

/** The help of a parse error in SQL that looks written for another database; undefined for Postgres typos. */
function dialectHelp(sql: string, file: string): string | undefined {
  const dialect = OTHER_DIALECTS.find(([, re]) => re.test(sql))?.[0];
  if (!dialect) return undefined;
  return `This looks like ${dialect}: archlint reads migrations as PostgreSQL (the real Postgres parser), so its migration rules do not apply here. If the database is not Postgres, leave the folder out: exclude: ["${posix.dirname(file)}/**"].`;
}

/** Parses a migration's SQL (one parser call per SQL text) into its up and down statements. */
function splitStatements(path: string, text: string, layout: Layout, role: MigrationFile['role'], assumeInTransaction: boolean | undefined): Split {
  const problems: ParseProblem[] = [];
  const parsed: { statement: ParsedStatement; direction: Direction }[] = [];

  if (TS_LAYOUTS.has(layout) && !path.endsWith('.sql')) {
    for (const chunk of extractSql(path, text, layout)) {
      const { statements, problem } = parseSql(chunk.sql, chunk.toFile);
      if (problem) problems.push({ message: problem.message, at: { offset: problem.offset }, help: dialectHelp(chunk.sql, path) });
      for (const statement of statements ?? []) parsed.push({ statement, direction: chunk.direction });
    }
  } else {
    const { statements, problem } = parseSql(text);
    if (problem) problems.push({ message: problem.message, at: { offset: problem.offset }, help: dialectHelp(text, path) });
    const split = downMarker(layout, text);
    const fileDirection: Direction = role === 'down' ? 'down' : 'up';
    for (const statement of statements ?? []) {
      const direction = split !== undefined && statement.offset > split ? 'down' : fileDirection;
      parsed.push({ statement, direction });
    }
    // A goose/dbmate file whose up marker comes after its down marker: order by the up marker.
    const up = layout === 'goose' ? GOOSE_UP.exec(text) : layout === 'dbmate' ? DBMATE_UP.exec(text) : null;
    if (up && split !== undefined && up.index > split) {
      for (const p of parsed) p.direction = p.statement.offset > up.index ? 'up' : 'down';
    }
  }

  const byDefault = TRANSACTION_DEFAULT[layout];
  const upCount = parsed.filter((p) => p.direction === 'up').length;
  const inTransaction = assumeInTransaction ?? ((byDefault === 'multi-statement' ? upCount > 1 : byDefault) && !disablesTransaction(layout, text));
  // Filled from array literals, not by filter(): V8 makes an empty filter() result a list of
  // small integers, a second shape that each rule looping over statements is optimised for again.
  const up: Statement[] = [];
  const down: Statement[] = [];
  for (const statement of finish(parsed, inTransaction)) (statement.direction === 'up' ? up : down).push(statement);
  return {
    up,
    down,
    problems,
    inTransaction,
  };
}

/**
 * A parsed migration whose statements can be let go once its file rules have run: a run keeps
 * every model until the project rules, which read names, versions and text, and thousands of
 * retained parse trees cost most of the garbage collector's time. The statements come back on
 * demand, parsed again from the text.
 */
class ParsedMigration implements MigrationFile {
  readonly dir: string;
  readonly version?: string;
  readonly name?: string;
  readonly role: MigrationFile['role'];
  readonly inTransaction: boolean;
  readonly parsed: boolean;
  /** Marker files layout detection looked for (Drizzle's journal, Atlas's checksum file). */
  markers: readonly string[] = [];
  private split: Split | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly layout: Layout,
    private readonly assumeInTransaction: boolean | undefined,
    /** Known from a parse made elsewhere (a worker, an earlier run): the statements wait until asked for. */
    facts?: MigrationFacts,
  ) {
    if (facts) {
      ({ dir: this.dir, version: this.version, name: this.name, role: this.role, inTransaction: this.inTransaction, parsed: this.parsed } = facts);
      return;
    }
    const parts = nameParts(path, layout);
    this.dir = setDir(path, layout);
    this.version = parts.version;
    this.name = parts.name;
    this.role = parts.role;
    this.split = splitStatements(path, text, layout, parts.role, assumeInTransaction);
    this.inTransaction = this.split.inTransaction;
    this.parsed = this.split.problems.length === 0;
  }

  get problems(): ParseProblem[] {
    return this.parts().problems;
  }

  get statements(): Statement[] {
    return this.parts().up;
  }

  get down(): Statement[] {
    return this.parts().down;
  }

  private parts(): Split {
    return (this.split ??= splitStatements(this.path, this.text, this.layout, this.role, this.assumeInTransaction));
  }

  release(): void {
    this.split = undefined;
  }
}

// The engine parses a file and runs its file rules before it parses the next one: the previous
// file's statements are released then (and by project()), and parsed again if a rule still asks.
let lastParsed: ParsedMigration | undefined;

/** Parses one migration; history (sets, order) is built in `project()`. */
export async function parseMigration(
  source: SourceFile,
  settings: MigrationSettings,
  root: string,
): Promise<{ model: MigrationFile; problems: ParseProblem[] }> {
  await loadParser();
  lastParsed?.release();
  const probed: string[] = [];
  const layout = layoutOf(source, settings, root, probed);
  if (TS_LAYOUTS.has(layout) && !source.path.endsWith('.sql')) await loadTypeScript();
  const model = new ParsedMigration(source.path, source.text, layout, settings.assumeInTransaction);
  model.markers = probed;
  lastParsed = model;
  return { model, problems: model.problems };
}

/** What history rules read of a migration, as plain data for workers and the cache. */
type MigrationFacts = Pick<MigrationFile, 'dir' | 'version' | 'name' | 'role' | 'inTransaction' | 'parsed'> & { layout: Layout };

export const migrationAdapter: KindAdapter<'migration'> = {
  kind: 'migration',
  parse: parseMigration,
  prepare: loadParser,
  inputs(model) {
    return (model as ParsedMigration).markers;
  },
  ignores(model) {
    return squawkIgnores(model.path, model.text);
  },
  async commentsAt(source, offsets) {
    const text = source.text;
    if (source.path.endsWith('.sql')) {
      await loadParser();
      const spans = sqlCommentSpans(text);
      // Text the scanner cannot read (an unterminated string) cannot be told apart: every match counts.
      if (!spans) return offsets.map(() => true);
      return offsets.map((offset) => spans.some((s) => s.start === offset));
    }
    // A TypeScript or JavaScript migration: the comments of the SQL it runs (`--`, `/*`), found by
    // Postgres's scanner in each SQL string and placed in the file. A string that is not SQL the
    // migration runs, or a quoted string inside that SQL, holds none; nor does SQL the scanner cannot
    // read. The file's own comments are the code source's to judge.
    await Promise.all([loadParser(), loadTypeScript()]);
    const starts = new Set<number>();
    for (const piece of extractSql(source.path, text, detectLayout(source.path, text, ''))) {
      for (const span of sqlCommentSpans(piece.sql) ?? []) starts.add(piece.toFile(span.start));
    }
    return offsets.map((offset) => starts.has(offset));
  },
  facts(model): MigrationFacts {
    const { dir, layout, version, name, role, inTransaction, parsed } = model;
    return { dir, layout, version, name, role, inTransaction, parsed };
  },
  async revive(source, facts, settings) {
    const known = facts as MigrationFacts;
    // Statements are parsed again only if a project rule reads them; the parsers must be ready then.
    await loadParser();
    if (TS_LAYOUTS.has(known.layout) && !source.path.endsWith('.sql')) await loadTypeScript();
    return new ParsedMigration(source.path, source.text, known.layout, settings?.assumeInTransaction, known);
  },
  async project(files, settings, root) {
    lastParsed?.release();
    lastParsed = undefined;
    return buildProject(files, settings, root);
  },
  affected(project, changed) {
    // History rules judge a set as a whole: one changed migration puts its whole set in play.
    const out = new Set(changed);
    for (const set of project.sets) {
      if (set.files.some((f) => changed.has(f.path))) for (const f of set.files) out.add(f.path);
    }
    return out;
  },
};
