import type { JSONSchema } from '../../core/rule.js';

/** `migrations:` in the config. The migrations pack adds its keys here. */
export interface MigrationSettings {
  /** Folders holding migrations, relative to the root. Detected when absent. */
  dirs?: string[];
  /** Major Postgres version the migrations run on; rules whose verdict depends on it follow it. */
  postgresVersion?: number;
}

export const migrationSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for schema migrations.',
  additionalProperties: false,
  properties: {
    dirs: {
      type: 'array',
      items: { type: 'string' },
      description: 'Folders holding migrations, relative to the root. Detected when absent.',
    },
    postgresVersion: {
      type: 'integer',
      minimum: 9,
      maximum: 18,
      default: 16,
      description: 'Major Postgres version the migrations run on.',
    },
  },
};
