import { defineRule, matchesAny } from '../../src/core/index.js';
import { layerOf, layersOf, LOGGER_PACKAGES, type ModuleImport } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'logging/approved-logger',
  kind: 'code',
  scope: 'project',
  meta: {
    description: 'Only the approved logger may be imported, and layers that must not log import none.',
    severity: 'warn',
    recommended: false,
    tags: ['logging', 'architecture'],
  },
  messages: {
    notApproved: '"{{specifier}}" is not the approved logger{{where}}; log through {{approved}}.',
    noLogging: 'Layer "{{layer}}" does not log, but imports the logger "{{specifier}}"; report through a port (an event, a return value) instead.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        loggers: {
          type: 'array',
          items: { type: 'string' },
          description: 'Approved loggers: import specifiers ("@app/logger", "#logging", "pino") or globs of the logger module files ("src/shared/logging/**"). Empty: any logger.',
        },
        layers: {
          type: 'object',
          additionalProperties: { type: 'array', items: { type: 'string' } },
          description: 'Per layer name, the loggers approved there (same forms as `loggers`); an empty list means the layer must not log.',
        },
        allowFiles: {
          type: 'array',
          items: { type: 'string' },
          description: 'Files that may import any logger, e.g. the bootstrap that configures it.',
        },
      },
    },
    defaults: { loggers: [] as string[], layers: {} as Record<string, string[]>, allowFiles: ['**/main.ts', '**/*.test.*', '**/*.spec.*'] as string[] },
  },
  create(context) {
    const settings = context.settings ?? {};
    const layers = layersOf(settings);
    const customModules = settings.logging?.modules ?? [];
    const approvedGlobs = (list: string[]) => list.filter((l) => l.includes('/') && !l.startsWith('@') && !l.startsWith('#'));
    const allApproved = [...context.options.loggers, ...Object.values(context.options.layers).flat()];
    const allApprovedGlobs = approvedGlobs(allApproved);

    const isLoggerImport = (imp: ModuleImport): boolean => {
      const r = imp.resolution;
      if (r.type === 'package' && LOGGER_PACKAGES[r.name]) return true;
      if (customModules.includes(imp.specifier) || allApproved.includes(imp.specifier)) return true;
      if (imp.target && matchesAny(imp.target, allApprovedGlobs)) return true;
      return imp.specifier === '@nestjs/common' && imp.bindings.some((b) => b.imported === 'Logger');
    };
    const approves = (list: string[], imp: ModuleImport): boolean =>
      list.includes(imp.specifier) ||
      (imp.resolution.type === 'package' && list.includes(imp.resolution.name)) ||
      (!!imp.target && matchesAny(imp.target, approvedGlobs(list)));

    for (const [from, imports] of context.project.graph.importsOf) {
      if (!context.isEnabledFor(from) || matchesAny(from, context.options.allowFiles)) continue;
      // The approved logger module itself wraps a logging library.
      if (matchesAny(from, allApprovedGlobs)) continue;
      const layer = layerOf(from, layers);
      const layerList = layer ? context.options.layers[layer.name] : undefined;
      const list = layerList ?? context.options.loggers;
      if (layerList === undefined && list.length === 0) continue;
      for (const imp of imports) {
        if (imp.typeOnly || !isLoggerImport(imp) || approves(list, imp)) continue;
        const at = { file: from, offset: imp.offset, endOffset: imp.endOffset };
        if (layer && layerList && layerList.length === 0) {
          context.report({ messageId: 'noLogging', data: { layer: layer.name, specifier: imp.specifier }, at, anchor: `no-logging:${imp.specifier}` });
        } else {
          context.report({
            messageId: 'notApproved',
            data: { specifier: imp.specifier, where: layerList ? ` in layer "${layer!.name}"` : '', approved: list.map((l) => `"${l}"`).join(' or ') },
            at,
            anchor: `not-approved:${imp.specifier}`,
            help: 'One logger keeps formats, levels, redaction and request context the same everywhere.',
          });
        }
      }
    }
  },
});
