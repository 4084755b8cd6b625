import { COLUMNS, COMMANDS, type Statement } from './model.js';

/** Readers over libpg_query's JSON parse tree that most migration rules need. */

type Obj = Record<string, unknown>;

export interface RangeVar {
  relname?: string;
  schemaname?: string;
  location?: number;
}

export function relationName(relation: RangeVar | undefined): string {
  if (!relation?.relname) return '?';
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}

/** `[{String: {sval}}]` lists (qualified names) as plain strings. */
export function names(list: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(list)) return out;
  for (const n of list) {
    const sval = ((n as Obj).String as Obj | undefined)?.sval;
    if (typeof sval === 'string') out.push(sval);
  }
  return out;
}

export interface ColumnType {
  /** Last part of the type name as Postgres stores it (`int4`, `varchar`, `bpchar`, `timestamp`). */
  name: string;
  /** The name as the catalog qualifies it, e.g. `pg_catalog.int4`. */
  qualified: string;
  /** Type modifiers such as `varchar(20)`. */
  hasModifiers: boolean;
  location?: number;
}

export function columnType(typeName: Obj | undefined): ColumnType | undefined {
  if (!typeName) return undefined;
  const parts = names(typeName.names);
  if (parts.length === 0) return undefined;
  return {
    name: parts[parts.length - 1].toLowerCase(),
    qualified: parts.join('.').toLowerCase(),
    hasModifiers: Array.isArray(typeName.typmods) && typeName.typmods.length > 0,
    location: typeName.location as number | undefined,
  };
}

export interface ColumnDefinition {
  table: string;
  column: string;
  def: Obj;
  type?: ColumnType;
  constraints: Obj[];
  /** The column is added to an existing table (`ALTER TABLE ... ADD COLUMN`), not created with it. */
  added: boolean;
  /** `ADD COLUMN IF NOT EXISTS`. */
  ifNotExists: boolean;
  location?: number;
}

// Several rules read the same columns and commands of each statement: work them out once. The
// results are kept on the statement (in slots the model gives every statement), not in WeakMaps,
// whose entries the young-generation garbage collector keeps alive longer: with thousands of
// files, WeakMaps made scavenges markedly slower.
type WithColumns = Statement & { [COLUMNS]?: ColumnDefinition[]; [COMMANDS]?: AlterCommand[] };

interface Creations {
  /** Each created table, with the index of the first statement that creates it. */
  at: Map<string, number>;
  /** What `tablesCreatedBefore` answers, per statement index: shared by every rule that asks. */
  before: { has(table: string): boolean }[];
}

/** Columns defined by `CREATE TABLE` and `ALTER TABLE ... ADD COLUMN`, and the type of `ALTER COLUMN ... TYPE`. */
export function columnDefinitions(statement: Statement): ColumnDefinition[] {
  if (statement.type !== 'CreateStmt' && statement.type !== 'AlterTableStmt') return [];
  const cached = (statement as WithColumns)[COLUMNS];
  if (cached) return cached;
  const out: ColumnDefinition[] = [];
  (statement as WithColumns)[COLUMNS] = out;
  const fromDef = (table: string, def: Obj, added: boolean, ifNotExists: boolean) => {
    out.push({
      table,
      column: (def.colname as string | undefined) ?? '?',
      def,
      type: columnType(def.typeName as Obj | undefined),
      constraints: ((def.constraints as Obj[] | undefined) ?? []).map((c) => c.Constraint as Obj),
      added,
      ifNotExists,
      location: def.location as number | undefined,
    });
  };
  if (statement.type === 'CreateStmt') {
    const table = relationName(statement.node.relation as RangeVar);
    for (const element of (statement.node.tableElts as Obj[] | undefined) ?? []) {
      if (element.ColumnDef) fromDef(table, element.ColumnDef as Obj, false, false);
    }
  } else if (statement.type === 'AlterTableStmt') {
    for (const { cmd, table } of alterCommands(statement)) {
      if (cmd.subtype === 'AT_AddColumn' && (cmd.def as Obj | undefined)?.ColumnDef) {
        fromDef(table, (cmd.def as Obj).ColumnDef as Obj, true, cmd.missing_ok === true);
      } else if (cmd.subtype === 'AT_AlterColumnType' && (cmd.def as Obj | undefined)?.ColumnDef) {
        const def = { ...((cmd.def as Obj).ColumnDef as Obj), colname: cmd.name };
        fromDef(table, def, false, false);
      }
    }
  }
  return out;
}

export interface AlterCommand {
  table: string;
  subtype: string;
  cmd: Obj;
}

/** The sub-commands of `ALTER TABLE` (tables only: not indexes, views or sequences). */
export function alterCommands(statement: Statement): AlterCommand[] {
  if (statement.type !== 'AlterTableStmt') return [];
  const objtype = statement.node.objtype;
  if (objtype !== undefined && objtype !== 'OBJECT_TABLE' && objtype !== 'OBJECT_FOREIGN_TABLE') return [];
  let commands = (statement as WithColumns)[COMMANDS];
  if (!commands) {
    const table = relationName(statement.node.relation as RangeVar);
    commands = ((statement.node.cmds as Obj[] | undefined) ?? []).map((c) => {
      const cmd = c.AlterTableCmd as Obj;
      return { table, subtype: cmd.subtype as string, cmd };
    });
    (statement as WithColumns)[COMMANDS] = commands;
  }
  return commands;
}

/** The constraint an `ALTER TABLE ... ADD CONSTRAINT` adds. */
export function addedConstraint(command: AlterCommand): Obj | undefined {
  if (command.subtype !== 'AT_AddConstraint') return undefined;
  return (command.cmd.def as Obj | undefined)?.Constraint as Obj | undefined;
}

// The rules of a file run one after another over the same list: one entry is enough, and a
// property on the list itself would give statement lists two shapes (see COLUMNS).
let lastCreations: { statements: Statement[]; found: Creations } | undefined;

/** Tables some statement of a list creates, with the index of the first one that does. */
function creations(statements: Statement[]): Creations {
  let found = lastCreations?.statements === statements ? lastCreations.found : undefined;
  if (!found) {
    const at = new Map<string, number>();
    statements.forEach((s, i) => {
      if (s.type !== 'CreateStmt' && s.type !== 'CreateTableAsStmt') return;
      const relation = (s.type === 'CreateStmt' ? s.node.relation : (s.node.into as Obj | undefined)?.rel) as RangeVar;
      const name = relationName(relation);
      if (!at.has(name)) at.set(name, i);
    });
    found = { at, before: [] };
    lastCreations = { statements, found };
  }
  return found;
}

/**
 * Tables created earlier among `statements` than `index`: locking them blocks no traffic, so lock
 * rules leave them alone. Computed once per migration, whichever rule asks first.
 */
export function tablesCreatedBefore(statements: Statement[], index: number): { has(table: string): boolean } {
  const { at, before } = creations(statements);
  return (before[index] ??= { has: (table) => (at.get(table) ?? Infinity) < index });
}

/** Calls `visit` on every object node of a parse tree, depth first, with its type name when it has one. */
export function walkTree(node: unknown, visit: (type: string, value: Obj) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walkTree(item, visit);
    return;
  }
  const object = node as Obj;
  for (const key in object) {
    const value = object[key];
    if (value === null || typeof value !== 'object') continue;
    // Parse nodes are keyed by their type name, which starts with a capital letter.
    const first = key.charCodeAt(0);
    if (first >= 65 && first <= 90 && !Array.isArray(value)) visit(key, value as Obj);
    walkTree(value, visit);
  }
}

/** The 63-byte limit Postgres truncates identifiers to. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * A finding's identity for statement-level rules: the statement's text, which does not move when
 * lines are added above it. Long statements are cut: their start identifies them well enough.
 */
export function statementAnchor(statement: Statement): string {
  return statement.text.length > 240 ? statement.text.slice(0, 240) : statement.text;
}

/** Characters that end a bare word in SQL text (whitespace, punctuation and quotes around names), by code. */
const SEPARATOR = new Uint8Array(128);
for (const c of ' \t\r\n\'(),;.=:[]+-*/<>|!"') SEPARATOR[c.charCodeAt(0)] = 1;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Whether a statement may name something past 63 bytes: a bare word or quoted name longer than 63
 * characters, or any multi-byte text (quoted names included). It may say yes wrongly, never no:
 * the rule then walks the statement's tree, which it skips for nearly every statement.
 */
export function mayHaveLongIdentifier(statement: Statement): boolean {
  const text = statement.text;
  const length = text.length;
  if (length <= MAX_IDENTIFIER_BYTES) return false;
  if (NON_ASCII.test(text)) return true;
  for (let open = text.indexOf('"'); open >= 0; ) {
    const close = text.indexOf('"', open + 1);
    if (close < 0) break;
    if (close - open - 1 > MAX_IDENTIFIER_BYTES) return true;
    open = text.indexOf('"', close + 1);
  }
  // Any 64 characters in a row cover exactly one position p with p % 64 === 63: a word that long
  // contains one, so only those positions are looked at, and the word around each measured.
  const span = MAX_IDENTIFIER_BYTES + 1;
  for (let p = span - 1; p < length; p += span) {
    if (SEPARATOR[text.charCodeAt(p)] === 1) continue;
    let start = p;
    while (start > 0 && SEPARATOR[text.charCodeAt(start - 1)] !== 1) start--;
    let end = p + 1;
    while (end < length && SEPARATOR[text.charCodeAt(end)] !== 1) end++;
    if (end - start > MAX_IDENTIFIER_BYTES) return true;
  }
  return false;
}
