import path from 'node:path';
import { defineRule, matchesAny } from '../../src/core/index.js';

export default defineRule({
  id: 'layers/unresolved-import',
  kind: 'code',
  scope: 'project',
  meta: {
    description: "Disallow imports of the project's own code that lead to no file.",
    severity: 'error',
    recommended: false,
    tags: ['architecture', 'dependencies'],
  },
  messages: {
    unresolved: 'Cannot resolve "{{specifier}}": {{reason}}.',
    letterCase: '"{{specifier}}" names {{file}} in other letter case: it resolves on macOS and Windows, not on Linux.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of imports that are generated before a build: matched against the specifier and, for a relative one, the root-relative path it names.',
        },
      },
    },
    defaults: { ignore: [] as string[] },
  },
  create(context) {
    const { ignore } = context.options;
    for (const [from, imports] of context.project.graph.importsOf) {
      if (!context.isEnabledFor(from)) continue;
      for (const imp of imports) {
        const resolution = imp.resolution;
        const at = { file: from, offset: imp.offset, endOffset: imp.endOffset };
        if (resolution.type === 'file' && resolution.letterCase) {
          context.report({
            messageId: 'letterCase',
            data: { specifier: imp.specifier, file: resolution.path },
            at,
            anchor: `letter-case:${imp.specifier}`,
            help: 'Write the path as the file system spells it, and keep `forceConsistentCasingInFileNames` on in tsconfig.json.',
          });
          continue;
        }
        // A git submodule not checked out (an enterprise edition in a private repository), or the
        // client Prisma generates, is missing from this checkout, not from the code.
        if (resolution.type !== 'unresolved' || resolution.submodule || resolution.generated) continue;
        // `../../styled-system/css` is matched as the path it names; globs do not climb `..`.
        const named = imp.specifier.startsWith('.') ? path.posix.join(path.posix.dirname(from), imp.specifier) : imp.specifier;
        if (ignore.length > 0 && (matchesAny(named, ignore) || matchesAny(imp.specifier, ignore))) continue;
        context.report({
          messageId: 'unresolved',
          data: { specifier: imp.specifier, reason: resolution.reason },
          at,
          anchor: `unresolved:${imp.specifier}`,
          help: 'Fix the path or the alias; if the file is generated before the build (codegen, environment files), add it to this rule\'s `ignore`.',
        });
      }
    }
  },
});
