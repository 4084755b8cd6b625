import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineRule } from '../../src/core/index.js';
import { nameParts } from '../../src/sources/migrations/index.js';

/** Line endings change with checkouts (core.autocrlf), not with edits. */
function normalize(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Offset of the start of the first line that differs. */
function firstChange(before: string, after: string): number {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  return after.lastIndexOf('\n', i - 1) + 1;
}

export default defineRule({
  id: 'migrations/edited-after-merge',
  kind: 'migration',
  scope: 'project',
  meta: {
    description: 'A migration that exists at the base revision is never edited or deleted: applied migrations are immutable.',
    severity: 'error',
    recommended: true,
    requiresBase: true,
    tags: ['migrations', 'history', 'git'],
  },
  messages: {
    edited:
      'This migration exists at {{base}} and was changed: databases that already applied it will not run the change, and tools that checksum migrations refuse to migrate.',
    deleted: 'This migration exists at {{base}} and was deleted: databases that applied it keep its changes, and tools that check history refuse to migrate.',
  },
  create: async (context) => {
    const base = context.base!;
    for (const set of context.project.sets) {
      const inRun = new Set(set.files.map((f) => f.path));
      await Promise.all(
        set.files.map(async (file) => {
          if (!context.isEnabledFor(file.path)) return;
          const before = await base.readFile(file.path);
          if (before === undefined) return;
          const a = normalize(before);
          const b = normalize(file.text);
          if (a === b) return;
          const offset = firstChange(a, b);
          context.report({
            messageId: 'edited',
            data: { base: base.ref },
            at: { file: file.path, offset, endOffset: offset },
            anchor: file.path,
            help: 'Revert the edit and write a new migration that makes the change.',
          });
        }),
      );
      const extensions = new Set(set.files.map((f) => f.path.slice(f.path.lastIndexOf('.'))));
      const sample = set.files.find((f) => context.isEnabledFor(f.path));
      if (!sample) continue;
      for (const old of await base.listFiles(set.dir)) {
        if (inRun.has(old) || !extensions.has(old.slice(old.lastIndexOf('.')))) continue;
        if (nameParts(old, set.layout).version === undefined) continue;
        if (existsSync(path.join(context.root, old))) continue;
        context.report({
          messageId: 'deleted',
          data: { base: base.ref },
          at: { file: old, offset: 0, endOffset: 0 },
          anchor: old,
          help: 'Restore the file; undo its effect with a new migration instead.',
        });
      }
    }
  },
});
