import { defineRule } from '../../src/core/index.js';
import { recordedByName, versionParts, type MigrationFile } from '../../src/sources/migrations/index.js';

/** `0001`, `1` and `1.0`... compare equal as the tools compare them: numerically, part by part. */
function canonical(version: string): string {
  return versionParts(version)
    .map((p) => p.replace(/^0+(?=\d)/, ''))
    .join('.')
    .replace(/(?:\.0)+$/, '');
}

export default defineRule({
  id: 'migrations/duplicate-version',
  kind: 'migration',
  scope: 'project',
  meta: {
    description: 'No two migrations of a folder share a version: tools skip one of them or refuse to run.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'history'],
  },
  messages: {
    duplicate: 'Version {{version}} is also used by "{{other}}": the tool records versions, so one of the two never runs (or the run fails).',
  },
  create(context) {
    for (const set of context.project.sets) {
      // Up and down files of one migration share a version; compare files of the same role.
      const seen = new Map<string, MigrationFile>();
      for (const file of set.files) {
        // A tool that records names runs two files of one version both.
        if (file.version === undefined || recordedByName(set.layout, file.version)) continue;
        const role = file.role === 'down' ? 'down' : 'up';
        const key = `${role}\0${canonical(file.version)}`;
        if (!seen.has(key)) {
          seen.set(key, file);
          continue;
        }
        if (!context.isEnabledFor(file.path)) continue;
        context.report({
          messageId: 'duplicate',
          data: { version: file.version, other: seen.get(key)!.path },
          at: { file: file.path, offset: 0, endOffset: 0 },
          anchor: file.path,
          help: 'Give the newer migration the next free version (regenerate it with your tool if the version is a timestamp).',
        });
      }
    }
  },
});
