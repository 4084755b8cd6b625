import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { convertPathToPattern, globSync } from 'tinyglobby';
import type { ArtifactKind, SourceFile } from '../core/kinds.js';
import { matchesAny } from '../core/glob.js';
import { isPostgresProvider, prismaProvider } from '../core/migration-lock.js';
import { IgnoreFiles, ignoreFilesAbove, repositoryOf } from '../core/gitignore.js';

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const GRAPHQL_EXTENSIONS = ['.graphql', '.graphqls', '.gql'];
const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SQL_EXTENSIONS = ['.sql'];
const ALL_EXTENSIONS = [...CODE_EXTENSIONS, ...GRAPHQL_EXTENSIONS, ...SPEC_EXTENSIONS, ...SQL_EXTENSIONS];

/** Never worth linting, whatever .gitignore says. */
// Yarn Berry keeps its own bundled releases and plugins (and the PnP loader) in the repository.
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/coverage/**', '**/*.d.ts', '**/*.min.js', '**/.yarn/**', '**/.pnp.cjs', '**/.pnp.loader.mjs'];

export interface DiscoverOptions {
  /** Absolute root; returned paths are relative to it. */
  root: string;
  /** Absolute files or folders to check. */
  paths: string[];
  include: string[];
  exclude: string[];
  /** Folders (root-relative) whose .sql files are migrations, besides any folder named `migrations`. */
  migrationDirs?: string[];
}

export interface DiscoveredFile {
  kind: ArtifactKind;
  source: SourceFile;
}

function extensionOf(file: string): string {
  const base = path.basename(file);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot).toLowerCase();
}

/** Cheap sniff: only documents whose top level names `openapi` or `swagger` are specs. */
// The key must carry a version, so a config file's `openapi:` settings section is not a spec.
const YAML_SPEC = /^["']?(?:openapi|swagger)["']?\s*:\s*["']?\d/m;
const JSON_SPEC = /"(?:openapi|swagger)"\s*:\s*"/;
const SNIFF_BYTES = 64 * 1024;

const sniffBuffer = Buffer.alloc(SNIFF_BYTES);

function sniffSpec(absPath: string, ext: string): boolean {
  const fd = openSync(absPath, 'r');
  try {
    const bytesRead = readSync(fd, sniffBuffer, 0, SNIFF_BYTES, 0);
    const head = sniffBuffer.toString('utf8', 0, bytesRead);
    return ext === '.json' ? JSON_SPEC.test(head) : YAML_SPEC.test(head);
  } finally {
    closeSync(fd);
  }
}

function inMigrationFolder(rel: string, migrationDirs: string[]): boolean {
  if (migrationDirs.some((d) => rel.startsWith(`${d.replace(/\/$/, '')}/`))) return true;
  const segments = rel.split('/').slice(0, -1);
  return segments.some((s) => s === 'migrations' || s === 'migration');
}

/** Flyway (`V1__x.sql`, `U1__x.sql`, `R__x.sql`) and up/down (`0001_x.up.sql`, `V0001.X.down.sql`) names. */
const MIGRATION_NAME = /^(?:[VU]\d+(?:[._]\d+)*__.+|R__.+|V?\d+(?:[._-].+)?\.(?:up|down))\.sql$/i;
/** goose and dbmate keep migrations anywhere; their markers say what the file is. */
const MIGRATION_MARKER = /^--\s*(?:\+goose\s+Up|migrate:up)\b/im;
/** TypeORM, MikroORM and Knex migrations: a class or `up` export that runs SQL. */
const TS_MIGRATION = /\b(?:MigrationInterface|queryRunner|addSql|exports\.up|export\s+(?:async\s+)?function\s+up|async\s+up\s*\()/;

/** Drizzle and Atlas folders are named freely; the journal or checksum file next to the SQL says what they are. */
function inMarkedFolder(absPath: string, markerDirs: Map<string, boolean>): boolean {
  const dir = path.dirname(absPath);
  let marked = markerDirs.get(dir);
  if (marked === undefined) {
    marked = existsSync(path.join(dir, 'meta', '_journal.json')) || existsSync(path.join(dir, 'atlas.sum'));
    markerDirs.set(dir, marked);
  }
  return marked;
}

/** Whether a Prisma migration_lock.toml next to the file, or one folder up, names a database other than Postgres. */
function forOtherDatabase(absPath: string, providers: Map<string, string | null>): boolean {
  const dir = path.dirname(absPath);
  const provider = prismaProvider(dir, providers) ?? prismaProvider(path.dirname(dir), providers);
  return provider !== null && !isPostgresProvider(provider);
}

function isMigrationSqlName(rel: string): boolean {
  return MIGRATION_NAME.test(rel.slice(rel.lastIndexOf('/') + 1));
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

const UNNORMALIZED = /[\\/](?:\.{1,2})?(?:[\\/]|$)/;

/** `path.relative` for the common case of a path under the root, without its general work. */
function relativeTo(root: string, absPath: string): string {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  // Only a path already in normal form (no `//`, `/./`, `/../`) may be cut; anything else goes the long way.
  return absPath.startsWith(prefix) && !UNNORMALIZED.test(absPath) ? toPosix(absPath.slice(prefix.length)) : toPosix(path.relative(root, absPath));
}

// An extglob compiles to one regular expression; braces would expand into one pattern per extension,
// each tested against every entry.
const FILE_PATTERN = `**/*.@(${ALL_EXTENSIONS.map((e) => e.slice(1)).join('|')})`;
const GLOB_OPTIONS = { absolute: true, dot: true, followSymbolicLinks: false, expandDirectories: false };

/**
 * ALWAYS_IGNORED as the walk takes it: folder names in one glob, file names in another. The walk
 * tests every entry against every ignore glob, and one regular expression of alternatives is
 * faster than one per name (a third of the walk on a folder of 3,000 migrations).
 */
const WALK_IGNORED = (() => {
  const folders: string[] = [];
  const files: string[] = [];
  const others: string[] = [];
  for (const glob of ALWAYS_IGNORED) {
    const folder = /^\*\*\/([^*/{},]+)\/\*\*$/.exec(glob);
    const file = /^\*\*\/([^/{},]+)$/.exec(glob);
    if (folder) folders.push(folder[1]);
    else if (file) files.push(file[1]);
    else others.push(glob);
  }
  return [`**/{${folders.join(',')}}/**`, `**/{${files.join(',')}}`, ...others];
})();

/** The deepest folder containing every folder given, or undefined when they share none (Windows drives). */
function commonAncestor(folders: string[]): string | undefined {
  let common = folders[0];
  for (const f of folders.slice(1)) {
    while (f !== common && !f.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      const parent = path.dirname(common);
      if (parent === common) return undefined;
      common = parent;
    }
  }
  return common;
}

/**
 * Files under folders whose .gitignore files all lie inside them, those applied. One walk finds
 * the files and the .gitignore files, however many folders: a glob call per folder costs
 * a few milliseconds of set-up, which a list of a hundred folders multiplies.
 */
function walkRepositoryRoots(roots: string[], add: (found: Iterable<string>) => void): void {
  if (roots.length === 0) return;
  const base = commonAncestor(roots);
  if (base === undefined) {
    for (const root of roots) walkRepositoryRoots([root], add);
    return;
  }
  walkFolders(base, roots.map((root) => toPosix(path.relative(base, root))), add);
}

/** The glob prefix of a base-relative folder (`''` for the base itself), its glob characters escaped. */
function prefixOf(folder: string): string {
  return folder === '' ? '' : `${convertPathToPattern(folder)}/`;
}

/**
 * Walks `folders` (relative to `base`, `''` for `base` itself), and keeps the files that no
 * .gitignore excludes: those found on the way, and `above` (base-relative), the ones of the
 * folders between `base` and a walked folder.
 */
function walkFolders(base: string, folders: string[], add: (found: Iterable<string>) => void, above: string[] = []): void {
  if (folders.length === 0) return;
  const prefixes = folders.map(prefixOf);
  const ignore = [...WALK_IGNORED, ...folders.flatMap((folder) => ignoredFolders(base, folder))];
  // One walk finds the files and the .gitignore files. It is synchronous: on a small machine an
  // asynchronous walk spends most of its time in thread-pool round trips, one per folder.
  const found: string[] = [];
  const ignoreFiles = [...above];
  for (const file of globSync([...prefixes.map((prefix) => prefix + FILE_PATTERN), ...prefixes.map((prefix) => `${prefix}**/.gitignore`)], { ...GLOB_OPTIONS, cwd: base, ignore })) {
    if (file.endsWith('/.gitignore')) ignoreFiles.push(relativeTo(base, file));
    else found.push(file);
  }
  if (ignoreFiles.length === 0) {
    add(found);
    return;
  }
  const rules = new IgnoreFiles(base, ignoreFiles);
  add(found.filter((file) => !rules.ignores(relativeTo(base, file))));
}

// `build/`, `/out`, `.next`: a bare name, anchored or not, that may be a folder.
const FOLDER_RULE = /^(\/?)([\w.-]+)\/?$/;

/**
 * Glob patterns for the folders a root's own .gitignore excludes by bare name (`.next/`, `/build`),
 * so the walk never enters them: a framework's build output can hold tens of thousands of files.
 * Git cannot re-include a file inside an excluded folder, so skipping them changes nothing; a
 * file with any negation (`!`) is left to the exact filter that follows the walk, as are nested
 * .gitignore files and rules with wildcards or inner slashes.
 */
export function ignoredFolders(base: string, folder: string): string[] {
  const prefix = prefixOf(folder);
  let text: string;
  try {
    text = readFileSync(path.join(base, folder, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.some((l) => l.startsWith('!'))) return [];
  const out: string[] = [];
  for (const line of lines) {
    const rule = FOLDER_RULE.exec(line);
    if (!rule || rule[2] === '.' || rule[2] === '..') continue;
    const name = convertPathToPattern(rule[2]);
    out.push(rule[1] ? `${prefix}${name}/**` : `${prefix}**/${name}/**`);
  }
  return out;
}

/**
 * Walks the given paths (honouring .gitignore, include and exclude) and sorts files into kinds.
 * Files named explicitly (as lint-staged passes them) are taken unless excluded, silently.
 */
export async function discover(options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const candidates = new Set<string>();
  // Files named on the command line; walked ones are already clear of ALWAYS_IGNORED.
  const named = new Set<string>();
  const folders: string[] = [];
  const infos = options.paths.map((p) => statSync(p, { throwIfNoEntry: false }));
  options.paths.forEach((p, i) => {
    const info = infos[i];
    if (!info) throw new Error(`No such file or folder: ${p}`);
    if (info.isFile()) {
      candidates.add(p);
      named.add(p);
    } else folders.push(path.normalize(p));
  });
  // Folders whose .gitignore files all lie inside them (a repository's root, or a folder outside
  // any repository) are walked together; a folder inside a repository also takes those above it.
  const repositories = new Map(folders.map((f) => [f, repositoryOf(f)]));
  const roots = new Set(folders.filter((f) => repositories.get(f) === undefined || repositories.get(f) === f));
  const inRepository = new Set(folders.filter((f) => !roots.has(f)));
  const add = (found: Iterable<string>) => {
    // The walk gives absolute paths in normal form, with `/` even on Windows.
    for (const f of found) candidates.add(path.sep === '/' ? f : path.normalize(f));
  };
  walkRepositoryRoots([...roots], add);
  // Inside a repository, the .gitignore files of the folders above apply too.
  for (const p of inRepository) {
    const { base, files } = ignoreFilesAbove(p, repositories.get(p));
    walkFolders(base, [toPosix(path.relative(base, p))], add, files);
  }

  const migrationDirs = options.migrationDirs ?? [];
  // Per walk: a marker file may appear between two runs of one process.
  const markerDirs = new Map<string, boolean>();
  const providers = new Map<string, string | null>();
  const out: DiscoveredFile[] = [];
  for (const absPath of [...candidates].sort()) {
    const rel = relativeTo(options.root, absPath);
    if (options.include.length > 0 && !matchesAny(rel, options.include)) continue;
    if (matchesAny(rel, options.exclude) || (named.has(absPath) && matchesAny(rel, ALWAYS_IGNORED))) continue;
    const ext = extensionOf(absPath);
    const kinds: ArtifactKind[] = [];
    let text: string | undefined;
    if (CODE_EXTENSIONS.includes(ext)) {
      kinds.push('code');
      // A TypeScript migration is code and a migration: its SQL strings are checked too.
      if (inMigrationFolder(rel, migrationDirs)) {
        text = readFileSync(absPath, 'utf8');
        if (TS_MIGRATION.test(text)) kinds.push('migration');
      }
    } else if (GRAPHQL_EXTENSIONS.includes(ext)) kinds.push('graphql');
    else if (SQL_EXTENSIONS.includes(ext)) {
      if (inMigrationFolder(rel, migrationDirs) || isMigrationSqlName(rel) || inMarkedFolder(absPath, markerDirs)) {
        if (!forOtherDatabase(absPath, providers)) kinds.push('migration');
      } else if (/\/\d+_[^/]*\.sql$|^\d+_[^/]*\.sql$/.test(rel)) {
        text = readFileSync(absPath, 'utf8');
        if (MIGRATION_MARKER.test(text)) kinds.push('migration');
      }
    } else if (SPEC_EXTENSIONS.includes(ext) && sniffSpec(absPath, ext)) kinds.push('openapi');
    if (kinds.length === 0) continue;
    // Synchronous reads: thousands of small files in a row, where a thread-pool round trip each costs more than the read.
    text ??= readFileSync(absPath, 'utf8');
    for (const kind of kinds) out.push({ kind, source: { path: rel, absPath, text } });
  }
  return out;
}
