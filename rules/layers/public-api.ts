import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { exportsSubpath, moduleOf, type WorkspacePackage } from '../../src/sources/code/index.js';

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
    relativePackage: 'Relative import "{{specifier}}" reaches into workspace package "{{package}}" past its package.json; import {{entry}}.',
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
    // The workspace package a file is in: the deepest whose folder holds it, looked up per folder.
    const deepestFirst = [...graph.workspaces].sort((a, b) => b.dir.length - a.dir.length);
    const packageByFolder = new Map<string, WorkspacePackage | null>();
    const packageOf = (file: string): WorkspacePackage | undefined => {
      const folder = file.slice(0, Math.max(0, file.lastIndexOf('/')));
      let hit = packageByFolder.get(folder);
      if (hit === undefined) packageByFolder.set(folder, (hit = deepestFirst.find((w) => isInside(file, w.dir)) ?? null));
      return hit ?? undefined;
    };
    const entries = new Map<string, string>();
    const publicTargets = new Map<string, boolean>();
    for (const [from, imports] of graph.importsOf) {
      if (!context.isEnabledFor(from) || matchesAny(from, context.options.allowFiles)) continue;
      for (const imp of imports) {
        if (!imp.target) continue;
        const resolution = imp.resolution;
        if (resolution.type === 'package' && resolution.workspace) {
          const pkg = packages.get(resolution.name)!;
          if (isInside(from, pkg.dir) || imp.specifier === resolution.name) continue;
          const subpath = `.${imp.specifier.slice(resolution.name.length)}`;
          if (pkg.exports ? exportsSubpath(pkg, subpath) : isRootEntry(subpath, imp.target, pkg.dir)) continue;
          context.report({
            messageId: 'packageInternals',
            data: { specifier: imp.specifier, package: resolution.name, entry: publicEntries(resolution.name, pkg.exports) },
            at: { file: from, offset: imp.offset, endOffset: imp.endOffset },
            anchor: `package:${imp.specifier}`,
            help: `Export what you need from the entry of ${resolution.name} (or add a subpath to its package.json "exports"), then import that.`,
          });
          continue;
        }
        // `../../core/types/src/http`: from one workspace package into another by path, past the
        // other's package.json, its exports and its build. Files outside every package (root scripts)
        // may, and the package.json itself (read for its version) is no internal.
        if (resolution.type === 'file' && deepestFirst.length > 0 && imp.specifier.startsWith('.') && !imp.target.endsWith('/package.json')) {
          const into = packageOf(imp.target);
          const own = into && packageOf(from);
          if (into && own && own !== into) {
            context.report({
              messageId: 'relativePackage',
              data: { specifier: imp.specifier, package: into.name, entry: publicEntries(into.name, into.exports) },
              at: { file: from, offset: imp.offset, endOffset: imp.endOffset },
              anchor: `relative-package:${imp.specifier}`,
              help: `Depend on ${into.name} in ${own.name}'s package.json and import it by name, so its exports and its build apply.`,
            });
            continue;
          }
        }
        const mod = moduleOf(imp.target, settings);
        if (!mod || isInside(from, mod.dir)) continue;
        // Whether the target is one of its module's entries: asked once per file imported, not per import.
        let isPublic = publicTargets.get(imp.target);
        if (isPublic === undefined) publicTargets.set(imp.target, (isPublic = matchesAny(imp.target.slice(mod.dir.length + 1), mod.publicFiles)));
        if (isPublic) continue;
        // A module's entries, written once: a code base that reaches into modules does so thousands of times.
        let entry = entries.get(mod.dir);
        if (entry === undefined) entries.set(mod.dir, (entry = mod.publicFiles.map((p) => `${mod.dir}/${p}`).join(' or ')));
        context.report({
          messageId: 'moduleInternals',
          data: { target: imp.target, module: mod.dir, entry },
          at: { file: from, offset: imp.offset, endOffset: imp.endOffset },
          anchor: `module:${imp.specifier}`,
          help: `Export what you need from the public entry of ${mod.dir} and import that, so the module can change its insides freely.`,
        });
      }
    }
  },
});

/**
 * Without `exports`, Node resolves `pkg/client` to the package's own client.js (or client/index.js):
 * entry files at the package root (@nocobase/utils/client, react-dom/server of old) are published
 * on purpose. A path into the package's folders (`pkg/src/schema`, `pkg/lib/x`) is not.
 */
function isRootEntry(subpath: string, target: string, dir: string): boolean {
  if (subpath.slice(2).includes('/') || !target.startsWith(`${dir}/`)) return false;
  const inside = target.slice(dir.length + 1);
  return !inside.includes('/') || /^[^/]+\/index\.[^/]+$/.test(inside);
}

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
