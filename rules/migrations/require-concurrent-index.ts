import { defineRule } from '../../src/core/index.js';
import { statementLocation, type Statement } from '../../src/sources/migrations/index.js';

interface RangeVar {
  relname?: string;
  schemaname?: string;
}

function tableName(relation: RangeVar | undefined): string {
  if (!relation?.relname) return '?';
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}

/** Tables created earlier in the same migration: indexing them blocks nobody. */
function createdTables(statements: Statement[], before: number): Set<string> {
  const tables = new Set<string>();
  for (let i = 0; i < before; i++) {
    const s = statements[i];
    if (s.type === 'CreateStmt') tables.add(tableName(s.node.relation as RangeVar));
  }
  return tables;
}

export default defineRule({
  id: 'migrations/require-concurrent-index',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'CREATE INDEX on an existing table uses CONCURRENTLY, so writes are not blocked while it builds.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    notConcurrent:
      'CREATE INDEX on "{{table}}" without CONCURRENTLY takes a SHARE lock: inserts, updates and deletes wait until the index is built.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      if (statement.type !== 'IndexStmt' || statement.node.concurrent) return;
      const table = tableName(statement.node.relation as RangeVar);
      if (createdTables(statements, index).has(table)) return;
      context.report({
        messageId: 'notConcurrent',
        data: { table },
        at: statementLocation(statement),
        anchor: statement.text,
        help: 'Use CREATE INDEX CONCURRENTLY, outside a transaction block (one statement per migration where the tool wraps migrations in transactions).',
      });
    });
  },
});
