import { defineRule } from '../../src/core/index.js';
import { alterCommands, statementLocation, type Statement, statementAnchor } from '../../src/sources/migrations/index.js';

const CREATES_WITH_IF_NOT_EXISTS: Record<string, string> = {
  CreateStmt: 'CREATE TABLE',
  IndexStmt: 'CREATE INDEX',
  CreateSeqStmt: 'CREATE SEQUENCE',
  CreateSchemaStmt: 'CREATE SCHEMA',
  CreateExtensionStmt: 'CREATE EXTENSION',
  CreateTableAsStmt: 'CREATE TABLE AS',
};

/** What makes a statement fail on a second run, and how to make it safe to repeat. */
function problem(statement: Statement): { what: string; fix: 'IF NOT EXISTS' | 'IF EXISTS' | 'a transaction' } | undefined {
  const { type, node } = statement;
  const create = CREATES_WITH_IF_NOT_EXISTS[type];
  if (create) {
    if (type === 'IndexStmt' && !node.idxname) return undefined; // unnamed indexes never clash
    return node.if_not_exists ? undefined : { what: create, fix: 'IF NOT EXISTS' };
  }
  if (type === 'DropStmt') return node.missing_ok ? undefined : { what: `DROP ${String(node.removeType).replace('OBJECT_', '')}`, fix: 'IF EXISTS' };
  if (type === 'AlterTableStmt') {
    if (node.missing_ok) return undefined;
    for (const { subtype, cmd } of alterCommands(statement)) {
      if (subtype === 'AT_AddColumn' && !cmd.missing_ok) return { what: 'ADD COLUMN', fix: 'IF NOT EXISTS' };
      if ((subtype === 'AT_DropColumn' || subtype === 'AT_DropConstraint') && !cmd.missing_ok) {
        return { what: subtype === 'AT_DropColumn' ? 'DROP COLUMN' : 'DROP CONSTRAINT', fix: 'IF EXISTS' };
      }
      if (subtype === 'AT_AddConstraint' || subtype === 'AT_ValidateConstraint' || subtype === 'AT_SetNotNull') {
        return { what: subtype === 'AT_SetNotNull' ? 'SET NOT NULL' : subtype === 'AT_AddConstraint' ? 'ADD CONSTRAINT' : 'VALIDATE CONSTRAINT', fix: 'a transaction' };
      }
    }
    return undefined;
  }
  if (type === 'RenameStmt') return { what: 'RENAME', fix: 'a transaction' };
  return undefined;
}

export default defineRule({
  id: 'migrations/robust-statements',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Migrations that run outside a transaction can be re-run after a failure half way: IF [NOT] EXISTS on each step.',
    severity: 'warn',
    recommended: false,
    tags: ['migrations', 'reliability', 'postgres'],
  },
  messages: {
    guard: '{{what}} without {{fix}} outside a transaction: if the migration fails after this statement, re-running it fails here.',
    transaction: '{{what}} outside a transaction cannot be guarded with IF [NOT] EXISTS: if the migration fails after it, re-running it fails here.',
  },
  create(context) {
    const { statements } = context.model;
    for (const [index, statement] of statements.entries()) {
      if (statement.inTransaction) continue;
      // A failing statement leaves nothing behind, so the last one is safe to re-run; except a
      // failed CREATE INDEX CONCURRENTLY, which leaves an invalid index under its name.
      if (index === statements.length - 1 && !(statement.type === 'IndexStmt' && statement.node.concurrent)) continue;
      const found = problem(statement);
      if (!found) continue;
      context.report({
        messageId: found.fix === 'a transaction' ? 'transaction' : 'guard',
        data: found,
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help:
          found.fix === 'a transaction'
            ? 'Run the migration in a transaction, or put this step in a migration of its own.'
            : `Write ${found.what} ${found.fix} ..., so the migration can be run again after a partial failure.`,
      });
    }
  },
});
