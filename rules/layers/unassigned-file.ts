import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { layerOf, layersOf } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'layers/unassigned-file',
  kind: 'code',
  scope: 'project',
  meta: {
    description: 'Every source file belongs to a layer, so no code escapes the layer rules.',
    severity: 'warn',
    recommended: false,
    tags: ['architecture', 'layers'],
  },
  messages: {
    unassigned: 'No layer claims {{file}}; layers: {{layers}}.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of files that need no layer: entry points, tests, configuration.',
        },
      },
    },
    defaults: {
      // `*`: files at the root of the run (jest-unit-config.js, a setup script) sit in no layer folder.
      ignore: [...TEST_FILES, '*', '**/*.config.*', '**/.*', '**/main.ts', '**/index.ts'] as string[],
    },
  },
  create(context) {
    const layers = layersOf(context.settings ?? {});
    if (layers.length === 0) return;
    const names = layers.map((l) => l.name).join(', ');
    for (const file of context.project.files) {
      if (!context.isEnabledFor(file.path) || matchesAny(file.path, context.options.ignore)) continue;
      if (layerOf(file.path, layers)) continue;
      context.report({
        messageId: 'unassigned',
        data: { file: file.path, layers: names },
        at: { file: file.path, start: { line: 1, column: 1 } },
        anchor: 'unassigned',
        help: 'Move the file into a layer folder, widen a layer glob in code.layers, or add it to this rule\'s `ignore` list.',
      });
    }
  },
});
