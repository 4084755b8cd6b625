import { defineRule } from '../../src/core/index.js';
import { isDatedVersion, type MigrationFile, type MigrationSet } from '../../src/sources/migrations/index.js';

// An ISO timestamp without separators (`20240101T120000`).
const COMPACT_ISO = /^\d{8}T\d{6}/;

type Scheme = 'timestamp' | 'sequence' | `sequence of ${number} digits`;

/**
 * How a version is written: a 12+ digit timestamp or a date-like one (`2022.10.07T13.49.19`,
 * `2022.10.07`), or a counter (dotted Flyway versions count as counters).
 */
function schemeOf(version: string, padded: boolean): Scheme {
  const major = version.split(/[._]/)[0];
  if (major.length >= 12 || isDatedVersion(version) || COMPACT_ISO.test(version)) return 'timestamp';
  return padded && major === version ? `sequence of ${version.length} digits` : 'sequence';
}

/** The name checked: a Prisma migration is named by its folder, the others by their file. */
function nameOf(file: MigrationFile): string {
  const parts = file.path.split('/');
  return file.layout === 'prisma' ? parts[parts.length - 2] : parts[parts.length - 1];
}

function majority<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

export default defineRule({
  id: 'migrations/naming',
  kind: 'migration',
  scope: 'project',
  meta: {
    description: "Every migration of a folder is named the way its tool expects, with one version scheme.",
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'history'],
  },
  messages: {
    unversioned: '"{{name}}" has no version {{layout}} can read: the tool skips it or runs it in the wrong order.',
    scheme: '"{{name}}" uses a {{scheme}} version while this folder uses a {{expected}} version: the files no longer sort in the order they were written.',
    pattern: '"{{name}}" does not match the configured pattern {{pattern}}.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pattern: { type: 'string', description: 'A regular expression every migration name (file name; folder name for Prisma) must match.' },
      },
    },
    defaults: { pattern: '' as string },
  },
  create(context) {
    const pattern = context.options.pattern ? new RegExp(context.options.pattern) : undefined;
    const check = (set: MigrationSet) => {
      const versioned = set.files.filter((f) => f.version !== undefined);
      const padded = versioned.some((f) => /^0\d+$/.test(f.version!));
      const expected = majority(versioned.map((f) => schemeOf(f.version!, padded)));
      for (const file of set.files) {
        if (!context.isEnabledFor(file.path)) continue;
        const name = nameOf(file);
        const at = { file: file.path, offset: 0, endOffset: 0 };
        if (pattern && !pattern.test(name)) {
          context.report({ messageId: 'pattern', data: { name, pattern: String(pattern) }, at, anchor: file.path, help: 'Rename the migration to match the pattern before it is applied anywhere.' });
          continue;
        }
        if (file.version === undefined) {
          // Flyway repeatable migrations and plain folders of unnumbered files have no version by design.
          if (file.role === 'repeatable' || versioned.length === 0) continue;
          context.report({ messageId: 'unversioned', data: { name, layout: file.layout }, at, anchor: file.path, help: 'Name it like the other migrations of the folder, with the next version.' });
          continue;
        }
        const scheme = schemeOf(file.version, padded);
        if (expected && scheme !== expected) {
          context.report({
            messageId: 'scheme',
            data: { name, scheme, expected },
            at,
            anchor: file.path,
            help: 'Rename it with the scheme of the folder, before it is applied anywhere.',
          });
        }
      }
    };
    for (const set of context.project.sets) check(set);
  },
});
