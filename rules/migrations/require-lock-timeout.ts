import { defineRule } from '../../src/core/index.js';
import { names, relationName, statementLocation, tablesCreatedBefore, walkTree, type RangeVar, type Statement, statementAnchor } from '../../src/sources/migrations/index.js';

/** Statements that wait for a lock on an existing table or index, and queue other queries behind them. */
function takesLock(statement: Statement): boolean {
  switch (statement.type) {
    case 'CreateStmt':
    case 'AlterTableStmt':
    case 'IndexStmt':
    case 'RenameStmt':
    case 'TruncateStmt':
    case 'CreateTrigStmt':
    case 'ReindexStmt':
    case 'ClusterStmt':
    case 'AlterEnumStmt':
    case 'RuleStmt':
      return true;
    case 'DropStmt':
      return ['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_TRIGGER', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_RULE'].includes(
        statement.node.removeType as string,
      );
    default:
      return false;
  }
}

/** A new table's foreign keys lock the tables they reference (SHARE ROW EXCLUSIVE) while it is created. */
function referencesExistingTable(statement: Statement, created: { has(table: string): boolean }): boolean {
  // Foreign keys sit in the table's constraints or in a column's.
  const references = (node: unknown) => {
    const constraint = (node as { Constraint?: { contype?: string; pktable?: RangeVar } }).Constraint;
    return constraint?.contype === 'CONSTR_FOREIGN' && !created.has(relationName(constraint.pktable));
  };
  for (const element of (statement.node.tableElts as { ColumnDef?: { constraints?: unknown[] } }[] | undefined) ?? []) {
    if (references(element) || element.ColumnDef?.constraints?.some(references)) return true;
  }
  return false;
}

const LABELS: Record<string, string> = {
  CreateStmt: 'CREATE TABLE with foreign keys',
  AlterTableStmt: 'ALTER TABLE',
  IndexStmt: 'CREATE INDEX',
  RenameStmt: 'RENAME',
  TruncateStmt: 'TRUNCATE',
  CreateTrigStmt: 'CREATE TRIGGER',
  ReindexStmt: 'REINDEX',
  ClusterStmt: 'CLUSTER',
  AlterEnumStmt: 'ALTER TYPE',
  RuleStmt: 'CREATE RULE',
};

function label(statement: Statement): string {
  if (statement.type === 'DropStmt') return `DROP ${String(statement.node.removeType).replace('OBJECT_', '').replace('MATVIEW', 'MATERIALIZED VIEW')}`;
  return LABELS[statement.type] ?? statement.type;
}

/** `SET [LOCAL] lock_timeout = ...` or `SELECT set_config('lock_timeout', ...)`. */
function setsLockTimeout(statement: Statement): boolean {
  if (statement.type === 'VariableSetStmt') return statement.node.name === 'lock_timeout' && statement.node.kind !== 'VAR_RESET';
  if (statement.type !== 'SelectStmt' || !statement.text.includes('lock_timeout')) return false;
  let found = false;
  walkTree(statement.node, (type, value) => {
    if (type === 'FuncCall' && names(value.funcname).pop() === 'set_config' && /lock_timeout/.test(JSON.stringify(value.args))) found = true;
  });
  return found;
}

export default defineRule({
  id: 'migrations/require-lock-timeout',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'A migration sets lock_timeout before it takes locks, so a blocked migration fails fast instead of stalling all traffic.',
    severity: 'warn',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    missing:
      'This {{what}} waits for a lock with no lock_timeout set: while it waits behind a long query, every other query on the table queues behind it.',
  },
  create(context) {
    const { statements } = context.model;
    for (const [index, statement] of statements.entries()) {
      if (setsLockTimeout(statement)) return;
      if (!takesLock(statement)) continue;
      // A table created earlier in the migration has no traffic to block.
      const relation = statement.node.relation as RangeVar | undefined;
      if (relation && tablesCreatedBefore(statements, index).has(relationName(relation))) continue;
      if (statement.type === 'CreateStmt' && !referencesExistingTable(statement, tablesCreatedBefore(statements, index))) continue;
      context.report({
        messageId: 'missing',
        data: { what: label(statement) },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: "Start the migration with SET lock_timeout = '2s' (SET LOCAL inside a transaction) and retry on failure.",
      });
      return;
    }
  },
});
