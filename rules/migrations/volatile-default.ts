import { defineRule } from '../../src/core/index.js';
import { columnDefinitions, names, tablesCreatedBefore, walkTree } from '../../src/sources/migrations/index.js';

/** Functions whose value is fixed within a statement (immutable or stable): a default from them needs no rewrite. */
const NON_VOLATILE = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_timestamp',
  'current_date',
  'localtimestamp',
  'current_user',
  'session_user',
  'current_setting',
  'lower',
  'upper',
  'coalesce',
  'nullif',
  'to_jsonb',
  'to_json',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'json_build_array',
  'array_to_string',
  'make_interval',
  'to_timestamp',
  'to_date',
  'timezone',
]);
const SERIAL = new Set(['serial', 'serial4', 'serial8', 'bigserial', 'smallserial', 'serial2']);

/** The first function in a default expression that gives a different value per row, if any. */
function volatileCall(expression: unknown): string | undefined {
  let found: string | undefined;
  walkTree({ expression }, (type, value) => {
    if (found || type !== 'FuncCall') return;
    const name = names(value.funcname).pop()?.toLowerCase();
    if (name && !NON_VOLATILE.has(name)) found = name;
  });
  return found;
}

export default defineRule({
  id: 'migrations/volatile-default',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Columns added to existing tables have no volatile default (and, before Postgres 11, no default at all): it rewrites the table.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    volatile: 'Column "{{column}}" is added to "{{table}}" with the volatile default {{what}}: the whole table is rewritten under an ACCESS EXCLUSIVE lock.',
    beforeEleven:
      'Column "{{column}}" is added to "{{table}}" with a default: before Postgres 11 (migrations.postgresVersion is {{version}}) that rewrites the whole table under an ACCESS EXCLUSIVE lock.',
    generated: 'Stored generated column "{{column}}" is added to "{{table}}": every row is computed and the table rewritten under an ACCESS EXCLUSIVE lock.',
  },
  create(context) {
    const { statements } = context.model;
    const version = context.settings.postgresVersion ?? 16;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const column of columnDefinitions(statement)) {
        if (!column.added || created.has(column.table)) continue;
        const data = { column: column.column, table: column.table, version };
        const at = statement.locate(column.location);
        const anchor = `${statement.text}\0${column.column}`;
        const generated = column.constraints.find((c) => c.contype === 'CONSTR_GENERATED');
        if (generated) {
          context.report({ messageId: 'generated', data, at, anchor, help: 'Add a plain nullable column, backfill it in batches, and keep it current with a trigger or in the application.' });
          continue;
        }
        const def = column.constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
        const serial = column.type && SERIAL.has(column.type.name);
        if (!def && !serial) continue;
        if (version < 11 && def) {
          context.report({ messageId: 'beforeEleven', data, at, anchor, help: 'Add the column without a default, set the default in a second statement (it then applies to new rows only), and backfill existing rows in batches.' });
          continue;
        }
        const call = serial ? 'nextval() (a serial type)' : def ? volatileCall(def.raw_expr) : undefined;
        if (!call) continue;
        context.report({
          messageId: 'volatile',
          data: { ...data, what: serial ? call : `${call}()` },
          at,
          anchor,
          help: 'Add the column without a default, then ALTER COLUMN ... SET DEFAULT (new rows only), and backfill existing rows in batches.',
        });
      }
    });
  },
});
