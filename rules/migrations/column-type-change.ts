import { defineRule } from '../../src/core/index.js';
import { alterCommands, columnType, tablesCreatedBefore } from '../../src/sources/migrations/index.js';

/** Catalog names as people write them. */
const SPELLING: Record<string, string> = { int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision', bpchar: 'char', bool: 'boolean' };

export default defineRule({
  id: 'migrations/column-type-change',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Column types of existing tables are not changed in place: most changes rewrite the table and break readers.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'compatibility', 'postgres'],
  },
  messages: {
    typeChange:
      'Changing the type of "{{table}}"."{{column}}" to {{type}} takes an ACCESS EXCLUSIVE lock and, unless the types are binary compatible, rewrites the table and its indexes; running code may not read the new type.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const command of alterCommands(statement)) {
        if (command.subtype !== 'AT_AlterColumnType' || created.has(command.table)) continue;
        const def = (command.cmd.def as { ColumnDef?: Record<string, unknown> } | undefined)?.ColumnDef;
        const type = columnType(def?.typeName as Record<string, unknown> | undefined);
        context.report({
          messageId: 'typeChange',
          data: { table: command.table, column: command.cmd.name, type: type ? (SPELLING[type.name] ?? type.qualified.replace(/^pg_catalog\./, '')) : '?' },
          at: statement.locateWord(type?.location),
          anchor: `${command.table}.${String(command.cmd.name)}`,
          help: 'Add a column of the new type, write both (trigger or application), backfill in batches, switch readers, then drop the old column. varchar(n) to text or a longer varchar is safe: disable the rule for that line.',
        });
      }
    });
  },
});
