import { defineRule } from '../../src/core/index.js';
import type { MigrationFile, MigrationSet } from '../../src/sources/migrations/index.js';

/** Whether a migration that keeps up and down in one file has a down part. */
function hasDownPart(file: MigrationFile): boolean {
  switch (file.layout) {
    case 'goose':
      return /^--\s*\+goose\s+Down\b/im.test(file.text);
    case 'dbmate':
      return /^--\s*migrate:down\b/im.test(file.text);
    default:
      // TypeORM, MikroORM, Knex, db-migrate: a `down` method or export (it may use the schema builder, not SQL).
      // The text first: the statements of a file whose rules have run are parsed again on demand.
      return /\b(?:async\s+)?down\s*\(|exports\.down\b|\bdown\s*[:=]/.test(file.text) || file.down.length > 0;
  }
}

const LAYOUTS_WITH_DOWN = new Set(['golang-migrate', 'postgrator', 'flyway', 'goose', 'dbmate', 'typeorm', 'mikro-orm', 'knex', 'db-migrate']);

/** Migrations (up files) of a set, each with whether a down exists for it. */
function migrations(set: MigrationSet): { file: MigrationFile; hasDown: boolean }[] {
  const downs = new Set(set.files.filter((f) => f.role === 'down' && f.version).map((f) => f.version!.replace(/^0+(?=\d)/, '')));
  return set.files
    .filter((f) => f.role === 'up' || f.role === 'both')
    .map((file) => ({
      file,
      hasDown: file.role === 'both' ? hasDownPart(file) : file.version !== undefined && downs.has(file.version.replace(/^0+(?=\d)/, '')),
    }));
}

export default defineRule({
  id: 'migrations/missing-down',
  kind: 'migration',
  scope: 'project',
  meta: {
    description: 'In folders that keep down migrations, every migration has one.',
    severity: 'warn',
    recommended: false,
    tags: ['migrations', 'history'],
  },
  messages: {
    missing: 'Migration "{{path}}" has no down migration, while the other migrations of {{dir}} do: it cannot be rolled back like them.',
    missingAlways: 'Migration "{{path}}" has no down migration: it cannot be rolled back.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        always: {
          type: 'boolean',
          description: 'Require a down migration even in folders where no migration has one.',
        },
      },
    },
    defaults: { always: false },
  },
  create(context) {
    for (const set of context.project.sets) {
      // A plain folder keeps down migrations when it has a down/ folder (@slonik/migrator).
      if (!LAYOUTS_WITH_DOWN.has(set.layout) && !set.files.some((f) => f.role === 'down')) continue;
      const list = migrations(set);
      const anyDown = list.some((m) => m.hasDown);
      if (!anyDown && !context.options.always) continue;
      for (const { file, hasDown } of list) {
        if (hasDown || !context.isEnabledFor(file.path)) continue;
        context.report({
          messageId: anyDown ? 'missing' : 'missingAlways',
          data: { path: file.path, dir: set.dir },
          at: { file: file.path, offset: 0, endOffset: 0 },
          anchor: file.path,
          help:
            set.layout === 'golang-migrate'
              ? `Add ${file.path.replace(/\.up\.sql$/i, '.down.sql')} that undoes it.`
              : set.layout === 'postgrator'
                ? `Add ${file.path.replace(/\.do\./i, '.undo.')} that undoes it.`
                : set.layout === 'flyway'
                ? 'Add the matching U<version>__<description>.sql undo migration.'
                : 'Add a down part that undoes it (or states that it cannot be undone).',
        });
      }
    }
  },
});
