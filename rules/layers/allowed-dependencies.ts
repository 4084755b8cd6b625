import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { layerConfigSpan, layerOf, layersOf, layerHasFiles, type Layer } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'layers/allowed-dependencies',
  kind: 'code',
  scope: 'project',
  meta: {
    description: 'Imports must follow the layer dependencies declared in code.layers (or a preset).',
    severity: 'error',
    recommended: true,
    tags: ['architecture', 'layers'],
  },
  messages: {
    forbidden: 'Layer "{{from}}" may not import layer "{{to}}" ({{target}}): "{{from}}" dependsOn [{{allowed}}].',
    emptyLayer: 'Layer "{{layer}}" matches no file: its globs ({{globs}}) may be misspelt, so its rules check nothing.',
    unknownLayer: 'Layer "{{layer}}" dependsOn "{{missing}}", which is not a layer (layers: {{known}}).',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignoreTypeImports: {
          type: 'boolean',
          description: 'Allow type-only imports across layers. Default false: a type is still a dependency on that layer.',
        },
        allowFiles: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of importing files exempt from the rule, e.g. composition roots that wire every layer. Defaults to tests; setting it replaces the defaults.',
        },
      },
    },
    // Tests (and their builders, which often sit in a mirrored domain/ folder) reach across layers to
    // set things up: that is not a dependency of the production code.
    defaults: { ignoreTypeImports: false, allowFiles: [...TEST_FILES] },
  },
  create(context) {
    const layers = layersOf(context.settings ?? {});
    if (layers.length === 0) return;
    const configText = readConfig(context.root, context.configFile);
    const configAt = (layer: Layer, glob?: string) => {
      const span = configText === undefined ? undefined : layerConfigSpan(configText, layer, glob);
      return context.configFile && span ? { file: context.configFile, ...span } : { file: context.configFile ?? firstFile(), start: { line: 1, column: 1 } };
    };
    const firstFile = () => context.project.files[0]?.path ?? '.';

    const names = new Set(layers.map((l) => l.name));
    for (const layer of layers) {
      for (const missing of layer.dependsOn.filter((d) => !names.has(d))) {
        context.report({
          messageId: 'unknownLayer',
          data: { layer: layer.name, missing, known: [...names].join(', ') },
          at: configAt(layer),
          anchor: `unknown:${layer.name}:${missing}`,
          help: `Fix the name in dependsOn of "${layer.name}", or declare a layer "${missing}".`,
        });
      }
    }

    const populated = new Set<string>();
    for (const file of context.project.files) {
      const layer = layerOf(file.path, layers);
      if (layer) populated.add(layer.name);
    }
    for (const layer of layers) {
      // Preset layers are optional shapes; only layers the user wrote must match something.
      if (populated.has(layer.name) || layer.preset) continue;
      if (layerHasFiles(context.root, layer)) continue;
      context.report({
        messageId: 'emptyLayer',
        data: { layer: layer.name, globs: layer.files.map((g) => `"${g}"`).join(', ') },
        at: configAt(layer, layer.files[0]),
        anchor: `empty:${layer.name}`,
        help: 'Globs are relative to the config file; check the folder names, or remove the layer.',
      });
    }

    for (const [from, imports] of context.project.graph.importsOf) {
      if (!context.isEnabledFor(from) || matchesAny(from, context.options.allowFiles)) continue;
      const source = layerOf(from, layers);
      if (!source) continue;
      for (const imp of imports) {
        if (!imp.target || (imp.typeOnly && context.options.ignoreTypeImports)) continue;
        const target = layerOf(imp.target, layers);
        if (!target || target.name === source.name || source.dependsOn.includes(target.name)) continue;
        context.report({
          messageId: 'forbidden',
          data: { from: source.name, to: target.name, target: imp.target, allowed: source.dependsOn.join(', ') },
          at: { file: from, offset: imp.offset, endOffset: imp.endOffset },
          anchor: `${source.name}->${target.name}:${imp.specifier}`,
          help:
            source.dependsOn.length === 0
              ? `"${source.name}" is an inner layer that imports nothing: invert the dependency (declare an interface in "${source.name}" and implement it in "${target.name}").`
              : `Depend on ${source.dependsOn.map((d) => `"${d}"`).join(' or ')} instead, or invert the dependency with an interface that "${target.name}" implements.`,
          notes: noteFor(source),
        });
      }
    }

    function noteFor(layer: Layer) {
      if (!context.configFile || configText === undefined) return undefined;
      const span = layerConfigSpan(configText, layer);
      if (!span) return undefined;
      const before = configText.slice(0, span.offset).split(/\r?\n/);
      return [
        {
          message: layer.preset ? `layer "${layer.name}" comes from the "${layer.preset}" preset` : `layer "${layer.name}" and its dependsOn are declared here`,
          file: context.configFile,
          start: { line: before.length, column: before[before.length - 1].length + 1 },
        },
      ];
    }
  },
});

function readConfig(root: string, configFile: string | undefined): string | undefined {
  if (!configFile) return undefined;
  try {
    return readFileSync(path.resolve(root, configFile), 'utf8');
  } catch {
    return undefined;
  }
}
