import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../check/check.js';
import { discover } from '../../discover/discover.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

/** What archlint:recommended finds in each layout's mini-project, as `file:line:column rule`. */
const EXPECTED: Record<string, string[]> = {
  'migrations-atlas': [
    'migrations/20240201120000_products_sku.sql:2:1 migrations/require-lock-timeout',
    'migrations/20240201120000_products_sku.sql:2:28 migrations/unique-constraint-via-index',
  ],
  'migrations-dbmate': [
    'db/migrations/20240202120000_sessions_token.sql:2:1 migrations/require-lock-timeout',
    'db/migrations/20240202120000_sessions_token.sql:2:33 migrations/volatile-default',
    'db/migrations/20240303120000_truncate_sessions.sql:2:1 migrations/require-lock-timeout',
    'db/migrations/20240303120000_truncate_sessions.sql:2:1 migrations/truncate-cascade',
  ],
  'migrations-drizzle': [
    'drizzle/0001_orders_total.sql:1:1 migrations/require-lock-timeout',
    'drizzle/0001_orders_total.sql:2:26 migrations/foreign-key-not-valid',
    'drizzle/0001_orders_total.sql:3:1 migrations/require-concurrent-index',
  ],
  'migrations-flyway': [
    'src/main/resources/db/migration/V1_1__accounts_email_index.sql:1:1 migrations/require-concurrent-index',
    'src/main/resources/db/migration/V1_1__accounts_email_index.sql:1:1 migrations/require-lock-timeout',
    'src/main/resources/db/migration/V1__create_accounts.sql:4:16 migrations/prefer-timestamptz',
    'src/main/resources/db/migration/V2__accounts_status.sql:3:26 migrations/constraint-not-valid',
  ],
  'migrations-golang-migrate': [
    'db/migrations/000002_rename_user_name.up.sql:1:1 migrations/rename-column',
    'db/migrations/000002_rename_user_name.up.sql:1:1 migrations/require-lock-timeout',
    'db/migrations/000003_users_name_index.up.sql:1:1 migrations/require-lock-timeout',
  ],
  'migrations-goose': [
    'db/schema/00002_events_created_at_index.sql:2:1 migrations/concurrent-index-in-transaction',
    'db/schema/00002_events_created_at_index.sql:2:1 migrations/require-lock-timeout',
    'db/schema/00002_events_created_at_index.sql:5:1 migrations/concurrent-index-in-transaction',
    'db/schema/00003_events_kind_index.sql:4:1 migrations/require-lock-timeout',
  ],
  'migrations-knex': [
    'migrations/20240101120000_contacts.ts:9:19 migrations/concurrent-index-in-transaction',
    'migrations/20240101120000_contacts.ts:9:19 migrations/require-lock-timeout',
    'migrations/20240301120000_contacts_company.ts:6:26 migrations/require-lock-timeout',
    'migrations/20240301120000_contacts_company.ts:6:76 migrations/foreign-key-not-valid',
  ],
  'migrations-mikro-orm': [
    'src/migrations/Migration20240215120000.ts:5:18 migrations/require-lock-timeout',
    'src/migrations/Migration20240215120000.ts:5:66 migrations/column-type-change',
    'src/migrations/Migration20240215120000.ts:6:44 migrations/unique-constraint-via-index',
  ],
  'migrations-plain': [
    'db/migrations/002_team_name_length.sql:1:1 migrations/require-lock-timeout',
    'db/migrations/002_team_name_length.sql:1:42 migrations/column-type-change',
    'db/migrations/003_team_slug.sql:2:1 migrations/require-lock-timeout',
  ],
  'migrations-prisma': [
    'prisma/migrations/20240215093000_order_status/migration.sql:2:1 migrations/require-lock-timeout',
    'prisma/migrations/20240215093000_order_status/migration.sql:2:32 migrations/required-column-without-default',
    'prisma/migrations/20240215093000_order_status/migration.sql:5:1 migrations/require-concurrent-index',
  ],
  'migrations-supabase': [
    'supabase/migrations/20240101120000_notes.sql:1:1 migrations/require-lock-timeout',
    'supabase/migrations/20240101120000_notes.sql:9:1 migrations/identifier-too-long',
    'supabase/migrations/20240301120000_notes_title.sql:1:1 migrations/require-lock-timeout',
    'supabase/migrations/20240301120000_notes_title.sql:2:1 migrations/set-not-null',
  ],
  'migrations-typeorm': [
    'src/migrations/1700000000000-CreateInvoices.ts:11:21 migrations/prefer-timestamptz',
    'src/migrations/1700000100000-InvoiceStatus.ts:7:30 migrations/require-lock-timeout',
    'src/migrations/1700000100000-InvoiceStatus.ts:7:64 migrations/required-column-without-default',
    'src/migrations/1700000100000-InvoiceStatus.ts:9:8 migrations/require-concurrent-index',
    'src/migrations/1700000200000-InvoicesConcurrentIndex.ts:8:30 migrations/require-lock-timeout',
  ],
};

describe('migration fixtures, one per layout', () => {
  it.each(Object.keys(EXPECTED))('%s', async (fixture) => {
    const cwd = path.join(FIXTURES, fixture);
    const result = await runCheck({ cwd, paths: ['.'], onlyPacks: ['migrations'] });
    expect(result.executionSuccessful).toBe(true);
    expect(result.files.migration).toBeGreaterThanOrEqual(2);
    // The run's root is where the config is found (the repository); name files from the fixture.
    const rel = (file: string) => path.relative(cwd, path.join(result.root, file)).split(path.sep).join('/');
    expect(result.diagnostics.map((d) => `${rel(d.file)}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(EXPECTED[fixture]);
  });

  it('takes TypeScript migrations as code and as migrations', async () => {
    const root = path.join(FIXTURES, 'migrations-typeorm');
    const files = await discover({ root, paths: [root], include: [], exclude: [] });
    const kinds = files.filter((f) => f.source.path.endsWith('-CreateInvoices.ts')).map((f) => f.kind);
    expect(kinds).toEqual(['code', 'migration']);
  });
});
