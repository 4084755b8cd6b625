import type { JSONSchema } from '../../core/rule.js';

/** The migration tools whose folder layouts archlint reads. */
export type MigrationLayoutSetting =
  | 'auto'
  | 'prisma'
  | 'drizzle'
  | 'flyway'
  | 'golang-migrate'
  | 'postgrator'
  | 'goose'
  | 'dbmate'
  | 'supabase'
  | 'atlas'
  | 'typeorm'
  | 'mikro-orm'
  | 'knex'
  | 'db-migrate'
  | 'plain';

/** `migrations:` in the config. */
export interface MigrationSettings {
  /** Folders holding migrations, relative to the root. Detected when absent. */
  dirs?: string[];
  /** Major Postgres version the migrations run on; rules whose verdict depends on it follow it. */
  postgresVersion?: number;
  /** The migration tool; `auto` (default) recognises it per file from names, markers and marker files. */
  layout?: MigrationLayoutSetting;
  /** Whether every migration runs inside a transaction, overriding the tool's default and directives. */
  assumeInTransaction?: boolean;
}

export const migrationSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for schema migrations.',
  additionalProperties: false,
  properties: {
    dirs: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Folders holding migrations, relative to the root. Files there are migrations whatever their names; elsewhere, folders named migrations, Flyway names (V1__x.sql) and up/down names (1_x.up.sql) are recognised. Prisma folders whose migration_lock.toml names another database than Postgres are left out.',
    },
    postgresVersion: {
      type: 'integer',
      minimum: 9,
      maximum: 18,
      default: 16,
      description:
        'Major Postgres version the migrations run on. Rules whose verdict depends on it follow it (before 11, adding a column with any default rewrites the table).',
    },
    layout: {
      enum: ['auto', 'prisma', 'drizzle', 'flyway', 'golang-migrate', 'postgrator', 'goose', 'dbmate', 'supabase', 'atlas', 'typeorm', 'mikro-orm', 'knex', 'db-migrate', 'plain'],
      default: 'auto',
      description:
        'The migration tool, which decides how versions are read from names, where up and down parts are, and whether each migration runs in a transaction. `auto` recognises it per file.',
    },
    assumeInTransaction: {
      type: 'boolean',
      description:
        "Whether every migration runs inside a transaction. Unset: each tool's default (Prisma, Flyway, goose, dbmate, Supabase, Atlas, Drizzle, TypeORM, MikroORM, Knex and db-migrate wrap migrations; golang-migrate and Postgrator only when a file has several statements, plain folders not) and its in-file directives (-- +goose NO TRANSACTION, transaction:false, atlas:txmode none).",
    },
  },
};
