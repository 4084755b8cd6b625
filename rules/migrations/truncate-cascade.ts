import { defineRule } from '../../src/core/index.js';
import { relationName, statementLocation, type RangeVar, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/truncate-cascade',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'TRUNCATE ... CASCADE is not used: it empties every table that references the truncated ones, recursively.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'data-loss', 'postgres'],
  },
  messages: {
    cascade: 'TRUNCATE {{tables}} CASCADE also empties every table with a foreign key to them, and the tables referencing those, recursively.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      if (statement.type !== 'TruncateStmt' || statement.node.behavior !== 'DROP_CASCADE') continue;
      const relations = (statement.node.relations as { RangeVar?: RangeVar }[] | undefined) ?? [];
      context.report({
        messageId: 'cascade',
        data: { tables: relations.map((r) => relationName(r.RangeVar)).join(', ') },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: 'List every table to empty explicitly in the TRUNCATE, so the data that goes is the data you meant.',
      });
    }
  },
});
