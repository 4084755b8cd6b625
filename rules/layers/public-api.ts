import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { exportsSubpath, moduleOf } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'layers/public-api',
  kind: 'code',
  scope: 'project',
  meta: {
    description: "Import other modules and workspace packages through their public entry, not their internals.",
    severity: 'error',
    recommended: true,
    tags: ['architecture', 'modules', 'encapsulation'],
  },
  messages: {
    moduleInternals: 'Import of "{{target}}" reaches into the internals of module "{{module}}"; import it through {{entry}}.',
    packageInternals: 'Deep import "{{specifier}}" reaches into the internals of workspace package "{{package}}"; import {{entry}}.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowFiles: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of importing files allowed to reach internals, e.g. tests.',
        },
      },
    },
    defaults: { allowFiles: [...TEST_FILES] },
  },
  create(context) {
    const settings = context.settings ?? {};
    const { graph } = context.project;
    const packages = new Map(graph.workspaces.map((w) => [w.name, w]));
    for (const [from, imports] of graph.importsOf) {
      if (!context.isEnabledFor(from) || matchesAny(from, context.options.allowFiles)) continue;
      for (const imp of imports) {
        if (!imp.target) continue;
        const resolution = imp.resolution;
        if (resolution.type === 'package' && resolution.workspace) {
          const pkg = packages.get(resolution.name)!;
          if (isInside(from, pkg.dir) || imp.specifier === resolution.name) continue;
          const subpath = `.${imp.specifier.slice(resolution.name.length)}`;
          if (pkg.exports && exportsSubpath(pkg, subpath)) continue;
          context.report({
            messageId: 'packageInternals',
            data: { specifier: imp.specifier, package: resolution.name, entry: publicEntries(resolution.name, pkg.exports) },
            at: { file: from, offset: imp.offset, endOffset: imp.endOffset },
            anchor: `package:${imp.specifier}`,
            help: `Export what you need from the entry of ${resolution.name} (or add a subpath to its package.json "exports"), then import that.`,
          });
          continue;
        }
        const mod = moduleOf(imp.target, settings);
        if (!mod || isInside(from, mod.dir)) continue;
        const inside = imp.target.slice(mod.dir.length + 1);
        if (matchesAny(inside, mod.publicFiles)) continue;
        context.report({
          messageId: 'moduleInternals',
          data: { target: imp.target, module: mod.dir, entry: mod.publicFiles.map((p) => `${mod.dir}/${p}`).join(' or ') },
          at: { file: from, offset: imp.offset, endOffset: imp.endOffset },
          anchor: `module:${imp.specifier}`,
          help: `Export what you need from the public entry of ${mod.dir} and import that, so the module can change its insides freely.`,
        });
      }
    }
  },
});

/** What to import instead: the package, its other exported subpaths, or both. */
function publicEntries(name: string, exports: readonly string[] | undefined): string {
  if (!exports) return `"${name}"`;
  const subpaths = exports.filter((e) => e !== '.');
  const listed = `one of its exports (${subpaths.join(', ')})`;
  if (!exports.includes('.')) return subpaths.length > 0 ? listed : `"${name}"`;
  return subpaths.length > 0 ? `"${name}" or ${listed}` : `"${name}"`;
}

/** Whether a root-relative path is inside a folder, without building `${dir}/` for each import. */
function isInside(file: string, dir: string): boolean {
  return file.length > dir.length && file.charCodeAt(dir.length) === 47 && file.startsWith(dir);
}
