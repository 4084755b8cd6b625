import { defineRule } from '../../src/core/index.js';
import { compareVersions, nameParts, type MigrationSet } from '../../src/sources/migrations/index.js';

/** The newest version at the base among the set's migrations, and which file holds it. */
async function newestAtBase(
  set: MigrationSet,
  listFiles: (dir: string) => Promise<string[]>,
): Promise<{ paths: Set<string>; newest?: { version: string; path: string } }> {
  const paths = await listFiles(set.dir);
  const extensions = new Set(set.files.map((f) => f.path.slice(f.path.lastIndexOf('.'))));
  let newest: { version: string; path: string } | undefined;
  for (const path of paths) {
    if (!extensions.has(path.slice(path.lastIndexOf('.')))) continue;
    const parts = nameParts(path, set.layout);
    if (parts.version === undefined || parts.role === 'down' || parts.role === 'repeatable') continue;
    if (!newest || compareVersions(parts.version, newest.version) > 0) newest = { version: parts.version, path };
  }
  return { paths: new Set(paths), newest };
}

export default defineRule({
  id: 'migrations/out-of-order',
  kind: 'migration',
  scope: 'project',
  meta: {
    description: 'A new migration sorts after every migration that already exists at the base revision.',
    severity: 'error',
    recommended: true,
    requiresBase: true,
    tags: ['migrations', 'history', 'git'],
  },
  messages: {
    outOfOrder:
      'New migration version {{version}} sorts before {{newest}} ("{{newestPath}}"), which is already at {{base}}: databases that applied it skip this one or refuse to migrate.',
  },
  create: async (context) => {
    const base = context.base!;
    for (const set of context.project.sets) {
      const { paths, newest } = await newestAtBase(set, (dir) => base.listFiles(dir));
      if (!newest) continue;
      for (const file of set.files) {
        if (file.version === undefined || file.role === 'down' || paths.has(file.path) || !context.isEnabledFor(file.path)) continue;
        if (compareVersions(file.version, newest.version) >= 0) continue;
        context.report({
          messageId: 'outOfOrder',
          data: { version: file.version, newest: newest.version, newestPath: newest.path, base: base.ref },
          at: { file: file.path, offset: 0, endOffset: 0 },
          anchor: file.path,
          help: 'Rename the migration with a version after the newest one on the base branch (regenerate it after rebasing).',
        });
      }
    }
  },
});
