import { globby } from 'globby';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactKind, SourceFile } from '../core/kinds.js';
import { matchesAny } from '../core/glob.js';

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const GRAPHQL_EXTENSIONS = ['.graphql', '.graphqls', '.gql'];
const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SQL_EXTENSIONS = ['.sql'];
const ALL_EXTENSIONS = [...CODE_EXTENSIONS, ...GRAPHQL_EXTENSIONS, ...SPEC_EXTENSIONS, ...SQL_EXTENSIONS];

/** Never worth linting, whatever .gitignore says. */
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/coverage/**', '**/*.d.ts', '**/*.min.js'];

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
const YAML_SPEC = /^["']?(?:openapi|swagger)["']?\s*:/m;
const JSON_SPEC = /"(?:openapi|swagger)"\s*:\s*"/;
const SNIFF_BYTES = 64 * 1024;

async function sniffSpec(absPath: string, ext: string): Promise<boolean> {
  const handle = await open(absPath, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.toString('utf8', 0, bytesRead);
    return ext === '.json' ? JSON_SPEC.test(head) : YAML_SPEC.test(head);
  } finally {
    await handle.close();
  }
}

function isMigrationSql(rel: string, migrationDirs: string[]): boolean {
  if (migrationDirs.some((d) => rel.startsWith(`${d.replace(/\/$/, '')}/`))) return true;
  const segments = rel.split('/').slice(0, -1);
  return segments.some((s) => s === 'migrations' || s === 'migration');
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Walks the given paths (honouring .gitignore, include and exclude) and sorts files into kinds.
 * Files named explicitly (as lint-staged passes them) are taken unless excluded, silently.
 */
export async function discover(options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const candidates = new Set<string>();
  for (const p of options.paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw new Error(`No such file or folder: ${p}`);
    if (info.isFile()) {
      candidates.add(p);
      continue;
    }
    const found = await globby(`**/*{${ALL_EXTENSIONS.join(',')}}`, {
      cwd: p,
      absolute: true,
      dot: true,
      gitignore: true,
      ignore: ALWAYS_IGNORED,
      followSymbolicLinks: false,
    });
    for (const f of found) candidates.add(path.normalize(f));
  }

  const migrationDirs = options.migrationDirs ?? [];
  const out: DiscoveredFile[] = [];
  for (const absPath of [...candidates].sort()) {
    const rel = toPosix(path.relative(options.root, absPath));
    if (options.include.length > 0 && !matchesAny(rel, options.include)) continue;
    if (matchesAny(rel, options.exclude) || matchesAny(rel, ALWAYS_IGNORED)) continue;
    const ext = extensionOf(absPath);
    const kinds: ArtifactKind[] = [];
    if (CODE_EXTENSIONS.includes(ext)) kinds.push('code');
    else if (GRAPHQL_EXTENSIONS.includes(ext)) kinds.push('graphql');
    else if (SQL_EXTENSIONS.includes(ext) && isMigrationSql(rel, migrationDirs)) kinds.push('migration');
    else if (SPEC_EXTENSIONS.includes(ext) && (await sniffSpec(absPath, ext))) kinds.push('openapi');
    if (kinds.length === 0) continue;
    const text = await readFile(absPath, 'utf8');
    for (const kind of kinds) out.push({ kind, source: { path: rel, absPath, text } });
  }
  return out;
}
