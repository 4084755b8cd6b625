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
  const kind = s.node.kind;
  return s.type === 'TransactionStmt' && (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE');
}

/** Gives each statement its direction and transaction state, walking each direction in order. */
function finish(parsed: { statement: ParsedStatement; direction: Direction }[], wrapped: boolean): Statement[] {
  const explicit: Record<Direction, boolean> = { up: false, down: false };
  return parsed.map(({ statement, direction }) => {
    if (isEnd(statement)) explicit[direction] = false;
    const inExplicitTransaction = explicit[direction];
    if (isBegin(statement)) explicit[direction] = true;
    // Completed in place: statements are many, and copies would only feed the garbage collector.
    return Object.assign(statement, { direction, inTransaction: wrapped || inExplicitTransaction, inExplicitTransaction });
  });
}

function layoutOf(source: SourceFile, settings: MigrationSettings, root: string): Layout {
  const configured = settings.layout;
  if (configured && configured !== 'auto') return configured;
  return detectLayout(source.path, source.text, root);
}

/** Parses one migration: cheap on purpose (one parser call per SQL text); history is built in `project()`. */
export async function parseMigration(
  source: SourceFile,
  settings: MigrationSettings,
  root: string,
): Promise<{ model: MigrationFile; problems: ParseProblem[] }> {
  const layout = layoutOf(source, settings, root);
  await loadParsers(source, layout);
  return parseLoaded(source, settings, layout);
}

function isTypeScriptMigration(source: SourceFile, layout: Layout): boolean {
  return TS_LAYOUTS.has(layout) && !source.path.endsWith('.sql');
}

async function loadParsers(source: SourceFile, layout: Layout): Promise<void> {
  await loadParser();
  if (isTypeScriptMigration(source, layout)) await loadTypeScript();
}

/** `parseMigration` once the parsers it needs are loaded: synchronous, so a revived model can parse lazily. */
function parseLoaded(source: SourceFile, settings: MigrationSettings, layout: Layout): { model: MigrationFile; problems: ParseProblem[] } {
  const parts = nameParts(source.path, layout);
  const problems: ParseProblem[] = [];
  const parsed: { statement: ParsedStatement; direction: Direction }[] = [];

  if (isTypeScriptMigration(source, layout)) {
    for (const chunk of extractSql(source.path, source.text, layout)) {
      const { statements, problem } = parseSql(chunk.sql, chunk.toFile);
      if (problem) problems.push({ message: problem.message, at: { offset: problem.offset } });
      for (const statement of statements ?? []) parsed.push({ statement, direction: chunk.direction });
    }
  } else {
    const { statements, problem } = parseSql(source.text);
    if (problem) problems.push({ message: problem.message, at: { offset: problem.offset } });
    const split = downMarker(layout, source.text);
    const fileDirection: Direction = parts.role === 'down' ? 'down' : 'up';
    for (const statement of statements ?? []) {
      const direction = split !== undefined && statement.offset > split ? 'down' : fileDirection;
      parsed.push({ statement, direction });
    }
    // A goose/dbmate file whose up marker comes after its down marker: order by the up marker.
    const up = layout === 'goose' ? GOOSE_UP.exec(source.text) : layout === 'dbmate' ? DBMATE_UP.exec(source.text) : null;
    if (up && split !== undefined && up.index > split) {
      for (const p of parsed) p.direction = p.statement.offset > up.index ? 'up' : 'down';
    }
  }

  const byDefault = TRANSACTION_DEFAULT[layout];
  const upCount = parsed.filter((p) => p.direction === 'up').length;
  const wrapped =
    settings.assumeInTransaction ??
    ((byDefault === 'multi-statement' ? upCount > 1 : byDefault) && !disablesTransaction(layout, source.text));
  const statements = finish(parsed, wrapped);
  return {
    model: {
      path: source.path,
      text: source.text,
      dir: setDir(source.path, layout),
      layout,
      version: parts.version,
      name: parts.name,
      role: parts.role,
      statements: statements.filter((s) => s.direction === 'up'),
      down: statements.filter((s) => s.direction === 'down'),
      inTransaction: wrapped,
      parsed: problems.length === 0,
    },
    problems,
  };
}

/** What history rules read of a migration parsed elsewhere; statements are parsed again on demand. */
type MigrationFacts = Pick<MigrationFile, 'dir' | 'layout' | 'version' | 'name' | 'role' | 'inTransaction' | 'parsed'>;

export const migrationAdapter: KindAdapter<'migration'> = {
  kind: 'migration',
  parse: parseMigration,
  facts(model): MigrationFacts {
    const { dir, layout, version, name, role, inTransaction, parsed } = model;
    return { dir, layout, version, name, role, inTransaction, parsed };
  },
  async revive(source, facts, settings) {
    const known = facts as MigrationFacts;
    await loadParsers(source, known.layout);
    let full: MigrationFile | undefined;
    const parse = () => (full ??= parseLoaded(source, settings ?? {}, known.layout).model);
    return {
      path: source.path,
      text: source.text,
      ...known,
      get statements() {
        return parse().statements;
      },
      get down() {
        return parse().down;
      },
    };
  },
  async project(files, settings, root) {
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
