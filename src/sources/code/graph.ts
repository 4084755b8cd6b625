import path from 'node:path';
import type { CodeSettings } from '../../config/settings/code.js';
import type { ImportReference } from './imports.js';
import type { CodeFile } from './model.js';
import { ModuleResolver, type Resolution, type WorkspacePackage } from './resolver.js';

/** An import with where it leads. */
export interface ModuleImport extends ImportReference {
  /** Root-relative path of the importing file. */
  from: string;
  resolution: Resolution;
  /** The project file it reaches (a file, or a workspace package's file), if any. */
  target?: string;
}

/** Files and the imports between them, for project-scoped rules. */
export interface ModuleGraph {
  /** Imports of each file of the run, in source order. */
  readonly importsOf: ReadonlyMap<string, readonly ModuleImport[]>;
  /** Imports that reach each file, from files of the run. */
  importersOf(file: string): readonly ModuleImport[];
  /** Workspace packages of a monorepo root (npm, yarn, pnpm). */
  readonly workspaces: readonly WorkspacePackage[];
  /** Resolves a specifier as if `fromFile` imported it. */
  resolve(fromFile: string, specifier: string): Resolution;
  /** Absolute paths of the files outside the run that resolution read or probed (tsconfig.json, package.json). */
  readonly inputs: ReadonlySet<string>;
}

export function buildModuleGraph(files: readonly CodeFile[], settings: CodeSettings, root: string): ModuleGraph {
  const known = new Map(files.map((f) => [f.path, f.path]));
  const resolver = new ModuleResolver(root, known, { tsconfig: settings.tsconfig });
  const importsOf = new Map<string, ModuleImport[]>();
  for (const file of files) {
    // Of exactly its length (`push` would leave room for 17): the graph lives through the project rules.
    const list = new Array<ModuleImport>(file.imports.length);
    const fromDir = path.posix.dirname(file.path);
    const keeps = file.imports.some((ref) => ref.erased) && resolver.keepsTypeOnlyImports(fromDir);
    for (let i = 0; i < list.length; i++) {
      const ref = file.imports[i];
      const resolution = resolver.resolveIn(fromDir, ref.specifier);
      const target = resolution.type === 'file' ? resolution.path : resolution.type === 'package' ? resolution.path : undefined;
      // Written out rather than spread (a spread with a conditional key makes a slow dictionary
      // object per import), and with every key, so all imports share one shape.
      list[i] = {
        specifier: ref.specifier,
        kind: ref.kind,
        typeOnly: ref.typeOnly,
        erased: ref.erased === true && !keeps,
        offset: ref.offset,
        endOffset: ref.endOffset,
        bindings: ref.bindings,
        from: file.path,
        resolution,
        target,
      };
    }
    importsOf.set(file.path, list);
  }
  // Only changed-files runs ask who imports a file: the reverse index is built on the first question.
  let importers: Map<string, ModuleImport[]> | undefined;
  return {
    importsOf,
    importersOf: (file) => (importers ??= reverse(importsOf)).get(file) ?? [],
    workspaces: resolver.workspaces,
    resolve: (fromFile, specifier) => resolver.resolve(fromFile, specifier),
    inputs: resolver.inputs,
  };
}

/** The imports that reach each file, in the order of `importsOf`. */
function reverse(importsOf: ReadonlyMap<string, readonly ModuleImport[]>): Map<string, ModuleImport[]> {
  const importers = new Map<string, ModuleImport[]>();
  for (const list of importsOf.values()) {
    for (const entry of list) {
      if (!entry.target) continue;
      let into = importers.get(entry.target);
      if (!into) importers.set(entry.target, (into = []));
      into.push(entry);
    }
  }
  return importers;
}
