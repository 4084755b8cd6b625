import { globSync } from 'tinyglobby';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from '../../core/typescript.cjs';
import { parse as parseYaml } from 'yaml';

/** Where an import leads. Paths are relative to the run root, with forward slashes. */
export type Resolution =
  /** `letterCase`: found only by ignoring letter case, as macOS and Windows do and Linux does not. */
  | { type: 'file'; path: string; letterCase?: true }
  /** A package; `path` is set for workspace packages of the repository, whose sources are here. */
  | { type: 'package'; name: string; path?: string; workspace?: boolean }
  | { type: 'builtin'; name: string }
  /**
   * `submodule`: the path lies in a git submodule (of .gitmodules at the root) that is not checked out.
   * `generated`: it lies in the folder a code generator writes to (Prisma's client `output`), which
   * holds nothing until the generator runs.
   */
  | { type: 'unresolved'; reason: string; submodule?: string; generated?: string };

export interface WorkspacePackage {
  name: string;
  /** Root-relative folder. */
  dir: string;
  /** Root-relative entry file, when one exists in the sources. */
  entry?: string;
  /**
   * Subpaths the package exports (`.`, `./testing`, patterns such as `./*`); absent when
   * package.json has no `exports`. Keys mapped to `null`, which close a subpath, are in `closed`.
   */
  exports?: string[];
  closed?: string[];
}

/**
 * The key of a package.json `exports` or `imports` map that Node picks for a subpath (`./node`,
 * `#config/env`): the subpath itself, else the pattern (`./*`, `#utils/*.js`), or with `folders`
 * the folder key (`./lib/`), with the longest text before its `*`, then the longest key. `match` is
 * what the `*` stands for: at least one character, slashes included.
 */
function mapKeyFor(keys: Iterable<string>, subpath: string, folders = false): { key: string; match?: string } | undefined {
  let best: { key: string; match?: string; prefix: number } | undefined;
  for (const key of keys) {
    if (key === subpath) return { key };
    const star = key.indexOf('*');
    const prefix = star >= 0 ? key.slice(0, star) : folders && key.endsWith('/') ? key : undefined;
    if (prefix === undefined || !subpath.startsWith(prefix)) continue;
    let match: string | undefined;
    if (star >= 0) {
      const suffix = key.slice(star + 1);
      if (subpath.length < key.length || !subpath.endsWith(suffix)) continue;
      match = subpath.slice(prefix.length, subpath.length - suffix.length);
    }
    if (!best || prefix.length > best.prefix || (prefix.length === best.prefix && key.length > best.key.length)) best = { key, match, prefix: prefix.length };
  }
  return best && { key: best.key, match: best.match };
}

/**
 * Whether a package's `exports` let other packages import the subpath (`./node`), as Node decides
 * (`mapKeyFor`, folder keys included); a key mapped to `null` closes what it matches.
 */
export function exportsSubpath(pkg: Pick<WorkspacePackage, 'exports' | 'closed'>, subpath: string): boolean {
  const closed = pkg.closed ?? [];
  const key = mapKeyFor([...(pkg.exports ?? []), ...closed], subpath, true)?.key;
  return key !== undefined && !closed.includes(key);
}

const BUILTINS = new Set(builtinModules);
// Where packages put their build output, each beside the src/ it is built from.
const OUTPUT_FOLDERS = new Set(['dist', 'build', 'lib', 'out']);
const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts'];
const JS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'];
const PROBE_EXTENSIONS = [...TS_EXTENSIONS, ...JS_EXTENSIONS, '.json'];
const NON_ASCII = /[^\x00-\x7f]/;
// The files an import with an extension may name, in the order TypeScript tries them: `./a.js` in
// TypeScript sources names `./a.ts` (the compiler maps output extensions back), and with
// `allowImportingTsExtensions` `./a.ts` may name `a.tsx` and `./a.tsx` `a.ts`, as a bundler reads them.
const EXTENSION_CANDIDATES: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.ts': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.jsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.tsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.mjs': ['.mts', '.d.mts', '.mjs'],
  '.mts': ['.mts', '.d.mts', '.mjs'],
  '.cjs': ['.cts', '.d.cts', '.cjs'],
  '.cts': ['.cts', '.d.cts', '.cjs'],
};

interface PathsConfig {
  /** Absolute folder that `paths` substitutions and `baseUrl` lookups are relative to. */
  base?: string;
  baseUrl?: string;
  paths: { prefix: string; suffix: string; wildcard: boolean; targets: string[] }[];
  /** `verbatimModuleSyntax`, `preserveValueImports` or `importsNotUsedAsValues`: TypeScript keeps imports used only as types. */
  keepsImports: boolean;
}

interface PackageJson {
  name?: string;
  main?: string;
  module?: string;
  types?: string;
  exports?: unknown;
  imports?: Record<string, unknown>;
  workspaces?: string[] | { packages?: string[] };
  /** Prisma's settings: `schema` is the schema file or folder. */
  prisma?: { schema?: unknown };
}

function posix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** The resolutions cached under a key (a folder, a tsconfig). */
function bucket<K>(caches: Map<K, Map<string, Resolution>>, key: K): Map<string, Resolution> {
  let byKey = caches.get(key);
  if (!byKey) caches.set(key, (byKey = new Map()));
  return byKey;
}

/**
 * The specifier without a bundler's resource query, which names the same file: Vite's
 * `./pre-request?raw`, `./worker?worker&inline`, `~/logo.svg?url`.
 */
function withoutQuery(specifier: string): string {
  const query = specifier.indexOf('?');
  return query < 0 ? specifier : specifier.slice(0, query);
}

export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Resolves import specifiers the way TypeScript and Node would, without a compiler program:
 * relative paths with extension and index probing, tsconfig `paths` and `baseUrl`, package.json
 * `imports` (`#alias`) and workspace packages. Files of the run are known in memory; anything
 * else is looked up on disk once and cached.
 */
export class ModuleResolver {
  private readonly exists = new Map<string, boolean>();
  /** What `probe` found for each path (null: nothing). */
  private readonly probed = new Map<string, string | null>();
  /**
   * Each folder's entries, read once (null: a folder that cannot be listed). Probing tries up to
   * twenty paths per import (extensions, then index files), and an import of a folder fails at
   * every extension first: one listing per folder answers them all, where a stat per path made
   * medusa's module graph 20,000 calls.
   */
  private readonly listings = new Map<string, Set<string> | null>();
  /** Files of the run by their lower-case path, made on the first import that resolves to none. */
  private knownByLowerCase: Map<string, string> | undefined;
  private readonly tsconfigByDir = new Map<string, PathsConfig | undefined>();
  private readonly packageByDir = new Map<string, { dir: string; json: PackageJson } | undefined>();
  /** Relative, `#` and `node:` specifiers by folder, other bare specifiers by the tsconfig that governs the folder. */
  private readonly cache = new Map<string, Map<string, Resolution>>();
  private readonly bareCache = new Map<PathsConfig | undefined, Map<string, Resolution>>();
  readonly workspaces: WorkspacePackage[];
  /**
   * Absolute paths of the files outside the run that resolution read or probed (tsconfig.json,
   * package.json, files found on disk): results cached across runs go stale when one changes.
   */
  readonly inputs = new Set<string>();
  private readonly workspaceByName: Map<string, WorkspacePackage>;
  private readonly fixedTsconfig?: PathsConfig;

  constructor(
    private readonly root: string,
    /** Each file of the run by its path, mapped to that path's own string (see `withKnownPath`). */
    private readonly known: ReadonlyMap<string, string>,
    options: { tsconfig?: string } = {},
  ) {
    if (options.tsconfig) this.fixedTsconfig = this.readTsconfig(path.resolve(root, options.tsconfig));
    this.workspaces = this.findWorkspaces();
    this.workspaceByName = new Map(this.workspaces.map((w) => [w.name, w]));
  }

  resolve(fromFile: string, specifier: string): Resolution {
    return this.resolveIn(path.posix.dirname(fromFile), specifier);
  }

  /** `resolve` for a file in root-relative folder `fromDir`. */
  resolveIn(fromDir: string, written: string): Resolution {
    const specifier = withoutQuery(written);
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
    // Relative and `#` results depend on the folder (and its package.json), `node:` ones on
    // nothing; other bare specifiers only on the folder's tsconfig: a package imported from a
    // thousand folders is resolved once.
    if (relative || specifier.startsWith('#') || specifier.startsWith('node:')) {
      const inDir = bucket(this.cache, fromDir);
      let hit = inDir.get(specifier);
      if (!hit) inDir.set(specifier, (hit = this.withKnownPath(relative ? this.resolveRelative(fromDir, specifier) : this.resolveInFolder(fromDir, specifier))));
      return hit;
    }
    const tsconfig = this.tsconfigFor(fromDir);
    const underTsconfig = bucket(this.bareCache, tsconfig);
    let hit = underTsconfig.get(specifier);
    if (!hit) underTsconfig.set(specifier, (hit = this.withKnownPath(this.resolveBare(tsconfig, specifier))));
    return hit;
  }

  /**
   * A path found by probing is a string built anew (`stem + '.ts'`) for every folder that imports
   * the file. Rules then look every import's target up in maps keyed by file path, and V8 compares
   * such a concatenated string with the key character by character; the file's own path string is
   * found at once. It also keeps one copy of each path instead of one per importing folder.
   */
  private withKnownPath(resolution: Resolution): Resolution {
    if ((resolution.type === 'file' || resolution.type === 'package') && resolution.path !== undefined) {
      const own = this.known.get(resolution.path);
      if (own !== undefined) resolution.path = own;
    }
    return resolution;
  }

  /** Whether the tsconfig that governs a folder keeps imports whose names are only used as types. */
  keepsTypeOnlyImports(fromDir: string): boolean {
    return this.tsconfigFor(fromDir)?.keepsImports ?? false;
  }

  private resolveRelative(fromDir: string, specifier: string): Resolution {
    const target = path.posix.join(fromDir, specifier); // join normalises
    const found = this.probe(target) ?? this.probeDirectoryPackage(target);
    if (found) return { type: 'file', path: found };
    // Written on macOS or Windows, where `./RabbitMQ/Bus` finds `RabbitMq/Bus.ts`: the edge is what the
    // authors meant, and layers/unresolved-import reports that Linux will not find it.
    const other = this.probeIgnoringCase(target);
    if (other) return { type: 'file', path: other, letterCase: true };
    const source = this.probeSourceOfOutput(target);
    if (source) return { type: 'file', path: source };
    return this.missing(target, `no file ${target}(.ts|.js|/index.*)`);
  }

  /** An import of a path (or of paths an alias may name) that names no file, and why that may be: a submodule, generated code. */
  private missing(targets: string | string[], reason: string): Resolution {
    const list = typeof targets === 'string' ? [targets] : targets;
    const within = (dir: string) => list.some((target) => target === dir || target.startsWith(`${dir}/`));
    const submodule = this.submodules().find(within);
    if (submodule) return { type: 'unresolved', reason: `${reason}: it lies in git submodule ${submodule}, which is not checked out`, submodule };
    const generated = this.prismaOutputs().find(within);
    if (generated) return { type: 'unresolved', reason: `${reason}: it lies in ${generated}, where \`prisma generate\` writes the client`, generated };
    return { type: 'unresolved', reason };
  }

  private prismaOutputPaths: string[] | undefined;

  /**
   * The folders that Prisma's generators write their client to (`output` in a generator block):
   * empty in a checkout until `prisma generate` runs. Read on first need, from the schemas at the
   * root and in each workspace package, where Prisma looks for them: prisma/schema.prisma,
   * schema.prisma, a prisma/schema/ folder of .prisma files, or what package.json's `prisma.schema`
   * or prisma.config.ts's `schema` names.
   */
  private prismaOutputs(): string[] {
    if (this.prismaOutputPaths) return this.prismaOutputPaths;
    const out: string[] = [];
    for (const dir of ['.', ...this.workspaces.map((w) => w.dir)]) {
      for (const file of this.prismaSchemas(path.resolve(this.root, dir))) {
        this.inputs.add(file);
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          // Listed but unreadable: no output to learn from it.
          continue;
        }
        for (const block of text.matchAll(/^\s*generator\s+\w+\s*\{([^}]*)\}/gm)) {
          const output = /^\s*output\s*=\s*"([^"]+)"/m.exec(block[1])?.[1];
          if (output) out.push(this.rel(path.resolve(path.dirname(file), output)));
        }
      }
    }
    return (this.prismaOutputPaths = [...new Set(out)].filter((dir) => dir !== '' && !dir.startsWith('..')));
  }

  /** The Prisma schema files of a package folder (absolute paths). */
  private prismaSchemas(dir: string): string[] {
    const named = [path.join(dir, 'prisma/schema.prisma'), path.join(dir, 'schema.prisma'), path.join(dir, 'prisma/schema')];
    const configured = this.readJson(path.join(dir, 'package.json'))?.prisma?.schema;
    if (typeof configured === 'string') named.push(path.resolve(dir, configured));
    for (const config of ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js']) {
      const file = path.join(dir, config);
      if (!existsSync(file)) continue;
      this.inputs.add(file);
      const schema = /\bschema\s*:\s*['"`]([^'"`]+)['"`]/.exec(readFileSync(file, 'utf8'))?.[1];
      if (schema) named.push(path.resolve(dir, schema));
    }
    const files = new Set<string>();
    for (const candidate of named) {
      const stat = statSync(candidate, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        for (const f of readdirSync(candidate)) if (f.endsWith('.prisma')) files.add(path.join(candidate, f));
      } else {
        // Absent ones too: a cache of project findings is stale once one appears.
        this.inputs.add(candidate);
        if (stat?.isFile()) files.add(candidate);
      }
    }
    return [...files];
  }

  private submodulePaths: string[] | undefined;

  /**
   * The submodule folders that .gitmodules at the root declares (`path = apps/server/src/ee`) and
   * that hold no file of the run: not checked out. Read on first need.
   */
  private submodules(): string[] {
    if (this.submodulePaths) return this.submodulePaths;
    const file = path.join(this.root, '.gitmodules');
    this.inputs.add(file);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Without a .gitmodules file the repository has no submodules.
    }
    const declared = [...text.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)].map((m) => m[1].replace(/^\.\/|\/+$/g, ''));
    const known = [...this.known.keys()];
    return (this.submodulePaths = declared.filter((dir) => !known.some((file) => file.startsWith(`${dir}/`))));
  }

  /**
   * Build output named by a relative path, as a package's `bin/cli.js` imports `../lib/index.js`:
   * absent until the package is built, it comes from the file of the same path under `src/`.
   */
  private probeSourceOfOutput(target: string): string | undefined {
    const parts = target.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
      if (!OUTPUT_FOLDERS.has(parts[i])) continue;
      const found = this.probe([...parts.slice(0, i), 'src', ...parts.slice(i + 1)].join('/'));
      if (found) return found;
    }
    return undefined;
  }

  /**
   * A folder with its own package.json, imported by path (`import { PrismaClient } from '../'` in
   * a package's `prisma/seed.ts`): its entry, as Node and TypeScript take it from `main` or `types`.
   */
  private probeDirectoryPackage(target: string): string | undefined {
    if (target === '.' || target.startsWith('..') || !this.isFile(`${target}/package.json`)) return undefined;
    const json = this.readJson(path.resolve(this.root, target, 'package.json'));
    return json ? this.entryOf(target, json) : undefined;
  }

  /** The file of the run that `probe` would find if letter case did not matter. */
  private probeIgnoringCase(target: string): string | undefined {
    let byLowerCase = this.knownByLowerCase;
    if (!byLowerCase) {
      this.knownByLowerCase = byLowerCase = new Map();
      for (const file of this.known.keys()) byLowerCase.set(file.toLowerCase(), file);
    }
    const found = this.probeWith(target.toLowerCase(), (rel) => byLowerCase.has(rel));
    return found === undefined ? undefined : byLowerCase.get(found);
  }

  /** `node:` builtins and `#` imports, which no tsconfig maps. */
  private resolveInFolder(fromDir: string, specifier: string): Resolution {
    return specifier.startsWith('node:') ? { type: 'builtin', name: specifier.slice(5) } : this.resolvePackageImport(fromDir, specifier);
  }

  private resolveBare(tsconfig: PathsConfig | undefined, specifier: string): Resolution {
    const name = packageNameOf(specifier);
    if (tsconfig) {
      const viaPaths = this.resolvePaths(tsconfig, specifier);
      // An alias to a workspace package's build output that is not built (`dist/packages/ui`):
      // TypeScript then looks in node_modules, where the package links to its sources.
      if (viaPaths && !(viaPaths.type === 'unresolved' && this.workspaceByName.has(name))) return viaPaths;
    }
    if (BUILTINS.has(name) || BUILTINS.has(specifier)) return { type: 'builtin', name: specifier };
    const workspace = this.workspaceByName.get(name);
    if (workspace) {
      const sub = specifier.slice(name.length + 1);
      const file = sub ? this.probe(`${workspace.dir}/${sub}`) ?? this.probe(`${workspace.dir}/src/${sub}`) : workspace.entry;
      return { type: 'package', name, workspace: true, ...(file ? { path: file } : {}) };
    }
    if (tsconfig?.baseUrl) {
      const found = this.probe(this.rel(path.resolve(tsconfig.baseUrl, specifier)));
      if (found) return { type: 'file', path: found };
    }
    return { type: 'package', name };
  }

  private resolvePaths(config: PathsConfig, specifier: string): Resolution | undefined {
    let best: { match: string; targets: string[]; score: number } | undefined;
    for (const p of config.paths) {
      if (p.wildcard) {
        if (specifier.length >= p.prefix.length + p.suffix.length && specifier.startsWith(p.prefix) && specifier.endsWith(p.suffix)) {
          // The longest prefix wins, as in TypeScript.
          if (!best || p.prefix.length > best.score) {
            best = { match: specifier.slice(p.prefix.length, specifier.length - p.suffix.length), targets: p.targets, score: p.prefix.length };
          }
        }
      } else if (specifier === p.prefix) {
        best = { match: '', targets: p.targets, score: Infinity };
      }
    }
    if (!best) return undefined;
    for (const target of best.targets) {
      const substituted = target.replace('*', best.match);
      // `"@angular/*": ["./node_modules/@angular/*"]` pins a package to one installation: the
      // import is the package's, and archlint does not look into node_modules.
      if (/(?:^|[\\/])node_modules[\\/]/.test(substituted)) return { type: 'package', name: packageNameOf(specifier) };
      const found = this.probe(this.rel(path.resolve(config.base!, substituted)));
      if (found) return { type: 'file', path: found };
    }
    // A catch-all pattern (`"*": ["./src/*"]`, Unleash's frontend) matches every package import
    // too: where it names no file, TypeScript goes on to node_modules, and so does this.
    if (best.score === 0) return undefined;
    // An alias that names nothing is still the project's own import, not a package.
    const named = best.targets.map((target) => this.rel(path.resolve(config.base!, target.replace('*', best.match))));
    return this.missing(named, `tsconfig paths map it to ${best.targets.join(', ')} but no such file exists`);
  }

  private resolvePackageImport(fromDir: string, specifier: string): Resolution {
    const pkg = this.packageFor(fromDir);
    const imports = pkg?.json.imports;
    if (!pkg || !imports) return { type: 'unresolved', reason: 'no package.json "imports" field maps it' };
    const picked = mapKeyFor(Object.keys(imports), specifier);
    const target = picked && (picked.match === undefined ? imports[picked.key] : substitute(imports[picked.key], picked.match));
    for (const candidate of conditionTargets(target)) {
      if (candidate.startsWith('./')) {
        const found = this.probe(path.posix.normalize(`${pkg.dir}/${candidate}`)) ?? this.probeSourceOf(pkg.dir, candidate);
        if (found) return { type: 'file', path: found };
      } else {
        return { type: 'package', name: packageNameOf(candidate) };
      }
    }
    return { type: 'unresolved', reason: 'package.json "imports" maps it to no existing file' };
  }

  /** `./dist/x.js` in a manifest usually has its source at `./src/x.ts`. */
  private probeSourceOf(dir: string, target: string): string | undefined {
    const [dot, output, ...rest] = target.split('/');
    return dot === '.' && OUTPUT_FOLDERS.has(output) && rest.length > 0 ? this.probe(path.posix.normalize(`${dir}/src/${rest.join('/')}`)) : undefined;
  }

  /** The project file a root-relative path names, trying TypeScript's extensions and index files. */
  probe(target: string): string | undefined {
    // Files of many folders import the same module: each path is probed once, not a candidate at a time again.
    let found = this.probed.get(target);
    if (found === undefined) this.probed.set(target, (found = this.probeWith(target, this.isFileOf) ?? null));
    return found ?? undefined;
  }

  private readonly isFileOf = (rel: string): boolean => this.isFile(rel);

  /** The first of the paths `target` may name, in TypeScript's order, that `exists`. */
  private probeWith(target: string, exists: (rel: string) => boolean): string | undefined {
    const ext = path.posix.extname(target);
    const candidates = EXTENSION_CANDIDATES[ext];
    if (candidates) {
      const stem = target.slice(0, -ext.length);
      for (const e of candidates) if (exists(stem + e)) return stem + e;
    }
    if (ext && exists(target)) return target;
    for (const e of PROBE_EXTENSIONS) if (exists(target + e)) return target + e;
    for (const e of PROBE_EXTENSIONS) if (exists(`${target}/index${e}`)) return `${target}/index${e}`;
    return undefined;
  }

  private isFile(rel: string): boolean {
    if (this.known.has(rel)) return true;
    let hit = this.exists.get(rel);
    if (hit === undefined) {
      hit = this.onDisk(rel);
      if (hit) this.inputs.add(path.resolve(this.root, rel));
      this.exists.set(rel, hit);
    }
    return hit;
  }

  /** Whether a root-relative path is a file on disk (links followed). */
  private onDisk(rel: string): boolean {
    const slash = rel.lastIndexOf('/');
    const dir = slash < 0 ? '' : rel.slice(0, slash);
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      try {
        listing = new Set(readdirSync(path.resolve(this.root, dir)));
      } catch (error) {
        // No such folder: nothing in it. A folder that cannot be listed may still let its files be read.
        const code = (error as NodeJS.ErrnoException).code;
        listing = code === 'ENOENT' || code === 'ENOTDIR' ? new Set() : null;
      }
      this.listings.set(dir, listing);
    }
    // Names alone are listed (most candidates are absent); a name that is there may be a folder or
    // a link, which the file system tells. So does a folder that cannot be listed, and a name
    // outside ASCII, which may be listed in another Unicode normal form (macOS keeps what it was
    // given, and finds either).
    const name = rel.slice(slash + 1);
    if (listing !== null && !listing.has(name) && !NON_ASCII.test(name)) return false;
    try {
      return statSync(path.resolve(this.root, rel), { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  }

  private rel(abs: string): string {
    return posix(path.relative(this.root, abs));
  }

  private tsconfigFor(dir: string): PathsConfig | undefined {
    if (this.fixedTsconfig) return this.fixedTsconfig;
    if (this.tsconfigByDir.has(dir)) return this.tsconfigByDir.get(dir);
    let found: PathsConfig | undefined;
    const abs = path.resolve(this.root, dir);
    const file = path.join(abs, 'tsconfig.json');
    this.inputs.add(file);
    if (existsSync(file)) found = this.readTsconfig(file);
    else if (dir !== '.' && dir !== '' && !dir.startsWith('..')) found = this.tsconfigFor(path.posix.dirname(dir));
    else if (dir === '.' || dir === '') found = undefined;
    this.tsconfigByDir.set(dir, found);
    return found;
  }

  private readTsconfig(file: string): PathsConfig | undefined {
    const readFile = (name: string) => {
      this.inputs.add(path.resolve(name));
      return ts.sys.readFile(name);
    };
    const read = ts.readConfigFile(file, readFile);
    if (read.error || !read.config) return undefined;
    // An empty readDirectory keeps TypeScript from listing every file the tsconfig includes.
    const host: ts.ParseConfigHost = { ...ts.sys, readFile, readDirectory: () => [] };
    const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file);
    const options = parsed.options as ts.CompilerOptions & { pathsBasePath?: string };
    const base = options.baseUrl ?? options.pathsBasePath ?? path.dirname(file);
    const paths = Object.entries(options.paths ?? {}).map(([pattern, targets]) => {
      const star = pattern.indexOf('*');
      return star < 0
        ? { prefix: pattern, suffix: '', wildcard: false, targets }
        : { prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1), wildcard: true, targets };
    });
    const keepsImports =
      options.verbatimModuleSyntax === true ||
      options.preserveValueImports === true ||
      options.importsNotUsedAsValues === ts.ImportsNotUsedAsValues.Preserve ||
      options.importsNotUsedAsValues === ts.ImportsNotUsedAsValues.Error;
    if (paths.length === 0 && !options.baseUrl && !keepsImports) return undefined;
    return { base, baseUrl: options.baseUrl, paths, keepsImports };
  }

  private packageFor(dir: string): { dir: string; json: PackageJson } | undefined {
    if (this.packageByDir.has(dir)) return this.packageByDir.get(dir);
    let found: { dir: string; json: PackageJson } | undefined;
    const json = this.readJson(path.resolve(this.root, dir, 'package.json'));
    if (json) found = { dir, json };
    else if (dir !== '.' && dir !== '' && !dir.startsWith('..')) found = this.packageFor(path.posix.dirname(dir));
    this.packageByDir.set(dir, found);
    return found;
  }

  private readJson(file: string): PackageJson | undefined {
    this.inputs.add(file);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
    } catch {
      return undefined;
    }
  }

  /** npm/yarn `workspaces` and pnpm-workspace.yaml at the root. */
  private findWorkspaces(): WorkspacePackage[] {
    const rootJson = this.readJson(path.join(this.root, 'package.json'));
    let patterns: string[] = [];
    const ws = rootJson?.workspaces;
    if (Array.isArray(ws)) patterns = ws;
    else if (ws && Array.isArray(ws.packages)) patterns = ws.packages;
    this.inputs.add(path.join(this.root, 'pnpm-workspace.yaml'));
    try {
      const pnpm = parseYaml(readFileSync(path.join(this.root, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: string[] } | null;
      if (pnpm && Array.isArray(pnpm.packages)) patterns = [...patterns, ...pnpm.packages];
    } catch {
      // no pnpm workspace
    }
    if (patterns.length === 0) return [];
    const positive = patterns.filter((p) => !p.startsWith('!')).map((p) => `${p.replace(/\/+$/, '')}/package.json`);
    const negative = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const manifests = globSync(positive, { cwd: this.root, ignore: ['**/node_modules/**', ...negative], expandDirectories: false }).sort();
    const out: WorkspacePackage[] = [];
    for (const manifest of manifests) {
      const json = this.readJson(path.join(this.root, manifest));
      if (!json?.name) continue;
      const dir = path.posix.dirname(manifest);
      const exported = json.exports;
      const entry: WorkspacePackage = { name: json.name, dir, entry: this.entryOf(dir, json) };
      if (exported && typeof exported === 'object' && !Array.isArray(exported) && Object.keys(exported).some((k) => k.startsWith('.'))) {
        const keys = Object.entries(exported as Record<string, unknown>);
        entry.exports = keys.filter(([, target]) => target !== null).map(([key]) => key);
        const closed = keys.filter(([, target]) => target === null).map(([key]) => key);
        if (closed.length > 0) entry.closed = closed;
      } else if (exported !== undefined && exported !== null) {
        // A string, an array or a map of conditions: the package's root alone.
        entry.exports = ['.'];
      }
      out.push(entry);
    }
    return out;
  }

  private entryOf(dir: string, json: PackageJson): string | undefined {
    const exported = json.exports;
    const dot =
      typeof exported === 'string' || Array.isArray(exported)
        ? exported
        : exported && typeof exported === 'object' && '.' in exported
          ? (exported as Record<string, unknown>)['.']
          : exported && typeof exported === 'object' && !Object.keys(exported).some((k) => k.startsWith('.'))
            ? exported
            : undefined;
    const candidates = [...conditionTargets(dot), json.types, json.module, json.main].filter((c): c is string => typeof c === 'string');
    for (const c of candidates) {
      const normalized = c.startsWith('./') ? c : `./${c}`;
      const found = this.probeSourceOf(dir, normalized.replace(/\.d\.ts$/, '.js')) ?? this.probe(path.posix.normalize(`${dir}/${normalized}`));
      if (found && !found.endsWith('.d.ts')) return found;
    }
    return this.probe(`${dir}/src/index`) ?? this.probe(`${dir}/index`);
  }
}

function substitute(value: unknown, match: string): unknown {
  if (typeof value === 'string') return value.replace(/\*/g, match);
  if (Array.isArray(value)) return value.map((v) => substitute(v, match));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, match)]));
  }
  return value;
}

// Source-facing conditions first: archlint reads sources, not build output.
const CONDITIONS = ['source', 'types', 'import', 'require', 'node', 'default'];

/** Candidate targets of a package.json exports/imports value, most source-like first. */
function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = [...CONDITIONS.filter((c) => c in record), ...Object.keys(record).filter((k) => !CONDITIONS.includes(k))];
    return keys.flatMap((k) => conditionTargets(record[k]));
  }
  return [];
}
