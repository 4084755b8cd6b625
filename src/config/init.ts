import { existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { glob as findPaths } from 'tinyglobby';
import { IgnoreFiles, ignoreFilesAbove } from '../core/gitignore.js';
import { matchesAny, TEST_FILES } from '../core/glob.js';
import { isPostgresProvider, prismaProvider } from '../core/migration-lock.js';
import { SEARCH_PLACES } from './load.js';

export interface Detected {
  layers: { name: string; files: string[]; dependsOn: string[] }[];
  openapi: string[];
  graphql: string[];
  migrationDirs: string[];
  /** Migration folders of another database (a Prisma `migration_lock.toml` naming sqlite or mysql). */
  otherDialects?: { dir: string; provider: string }[];
  /** Clean-layer folders found far apart from each other, so taken for no layers. */
  apart?: string[];
}

// The clean layers under the folder names people give them (`useCases` and `infra` in
// Stemmler-style DDD services, for example).
const CLEAN: Record<string, string[]> = {
  domain: ['domain'],
  application: ['application', 'use-cases', 'usecases', 'useCases', 'use_cases'],
  infrastructure: ['infrastructure', 'infra'],
};
const INTERFACE = ['api', 'interface', 'interfaces', 'http', 'presentation'];
const HEXAGONAL = ['core', 'ports', 'adapters'];
// Three tiers as Practica (the Node.js best practices starter) lays them out: entry points call the
// domain, which calls data access itself, with no port in between.
const THREE_TIER = ['entry-points', 'domain', 'data-access'];

const DEPTH = 6;

// NestJS and Angular code keeps TypeScript interfaces in interfaces/ folders (mail-data.interface.ts):
// declarations beside the code that uses them, not a user-interface layer.
const TYPE_FOLDERS = ['interface', 'interfaces'];
const DECLARATION_FILE = /(?:\.(?:interfaces?|types?|d)\.[cm]?[jt]sx?|(?:^|\/)index\.[cm]?[jt]sx?)$/;

/**
 * Whether the folders hold declarations only, or nothing: files named as such (`*.interface.ts`,
 * `*.types.ts`, `*.d.ts`, barrels), or files whose statements are all interfaces, type aliases,
 * imports and re-exports (`irule-validator.ts` in C#-style code). Those are parsed, not run.
 */
async function onlyDeclarations(root: string, folders: string[]): Promise<boolean> {
  const files = await listUnignored(
    root,
    folders.map((d) => `${d}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}`),
    // Folders are found to DEPTH levels; their files may lie deeper.
    { ignore: ['**/node_modules/**', '**/dist/**'], deep: DEPTH + 4 },
  );
  const others = files.filter((f) => !DECLARATION_FILE.test(f));
  if (others.length === 0) return true;
  if (others.length > 200 || others.some((f) => !/\.[cm]?tsx?$/.test(f))) return false;
  const { default: ts } = await import('../core/typescript.cjs');
  const typeLevel = new Set([ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration]);
  return others.every((f) => {
    const source = ts.createSourceFile(f, readFileSync(path.join(root, f), 'utf8'), ts.ScriptTarget.Latest);
    return source.statements.every((st) => typeLevel.has(st.kind));
  });
}

/** Root-relative paths the patterns match to `DEPTH` levels, less what the repository's .gitignore files exclude. */
async function listUnignored(root: string, patterns: string[], options: { ignore: string[]; onlyDirectories?: boolean; deep?: number }): Promise<string[]> {
  const above = ignoreFilesAbove(root);
  const inside = await findPaths('**/.gitignore', { cwd: root, dot: true, deep: DEPTH, ignore: options.ignore, expandDirectories: false });
  const rules = new IgnoreFiles(above.base, [...above.files, ...inside.map((f) => toBase(above.base, root, f))]);
  const found = await findPaths(patterns, { cwd: root, deep: options.deep ?? DEPTH, ignore: options.ignore, onlyDirectories: options.onlyDirectories, expandDirectories: false });
  // Folders come back with a trailing slash.
  const paths = found.map((f) => (f.endsWith('/') ? f.slice(0, -1) : f)).filter((f) => f !== '' && f !== '.');
  return paths.filter((f) => !rules.ignores(toBase(above.base, root, f), options.onlyDirectories));
}

function toBase(base: string, root: string, rel: string): string {
  return path.relative(base, path.join(root, rel)).split(path.sep).join('/');
}

/** Looks at folder names and file heads, and parses the few files of interfaces/ folders; nothing is executed. */
export async function detect(root: string): Promise<Detected> {
  const dirs = await listUnignored(root, ['**'], {
    onlyDirectories: true,
    ignore: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/coverage/**'],
  });
  // Folders by name, outside test folders: test/api/ or tests/domain/ hold tests, not layers. A
  // folder is in one when a file in it would be (`**/test/**`, `**/e2e/**` among the test globs).
  const byName = new Map<string, string[]>();
  for (const d of dirs) {
    if (matchesAny(`${d}/_`, TEST_FILES)) continue;
    const name = path.posix.basename(d);
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push(d);
  }
  const names = new Set(byName.keys());
  const hitsOf = (name: string) => byName.get(name) ?? [];
  // Whether a folder lies inside a folder of one of these names.
  const under = (dir: string, folderNames: readonly string[]) => dir.split('/').slice(0, -1).some((part) => folderNames.includes(part));
  const layers: Detected['layers'] = [];
  // One folder: its path; several: every folder of that name. A name whose folders all sit inside
  // another of the same layer's (application/use_cases) adds nothing.
  const globs = (folderNames: string[]) => {
    const found = folderNames.filter((n) => names.has(n));
    const inside = (n: string) => hitsOf(n).every((d) => under(d, found.filter((other) => other !== n)));
    return found.filter((n) => !inside(n)).map((n) => (hitsOf(n).length === 1 ? `${hitsOf(n)[0]}/**` : `**/${n}/**`));
  };
  const clean = Object.fromEntries(Object.entries(CLEAN).map(([layer, folders]) => [layer, globs(folders)]));
  // Layers sit side by side, in the source root or in each module (src/domain beside
  // src/application), or one level apart (src/core/domain beside src/application): Unleash's
  // src/lib/domain/ and frontend/src/component/application/ (its applications screen) are two
  // folder names, not an architecture.
  const dirname = path.posix.dirname;
  const near = (a: string, b: string) => dirname(a) === dirname(b) || dirname(a) === dirname(dirname(b)) || dirname(dirname(a)) === dirname(b);
  const others = [...CLEAN.application, ...CLEAN.infrastructure].flatMap(hitsOf);
  const besideDomain = CLEAN.domain.flatMap(hitsOf).some((d) => others.some((o) => near(d, o)));
  // A domain folder and at least one other clean layer: many NestJS services keep their use cases
  // in module-root services, with domain/ and infrastructure/ folders only.
  const cleanNames = clean.domain.length > 0 && (clean.application.length > 0 || clean.infrastructure.length > 0);
  if (cleanNames && besideDomain) {
    const present = (names: string[]) => names.filter((n) => clean[n].length > 0);
    layers.push({ name: 'domain', files: clean.domain, dependsOn: [] });
    if (clean.application.length > 0) layers.push({ name: 'application', files: clean.application, dependsOn: ['domain'] });
    if (clean.infrastructure.length > 0) layers.push({ name: 'infrastructure', files: clean.infrastructure, dependsOn: present(['application', 'domain']) });
    // An http/ folder inside infra/, or an interfaces/ folder inside domain/, belongs to the layer
    // around it: only folders outside every clean layer make the interface layer.
    const cleanFolders = Object.values(CLEAN).flat();
    const outside = (n: string) => hitsOf(n).filter((d) => !under(d, cleanFolders));
    let ui: string | undefined;
    for (const n of INTERFACE) {
      if (outside(n).length === 0) continue;
      if (TYPE_FOLDERS.includes(n) && (await onlyDeclarations(root, outside(n)))) continue;
      ui = n;
      break;
    }
    if (ui) {
      // `**/api/**` would also claim the nested folders, as the outer layer is matched first.
      const files = outside(ui).length === hitsOf(ui).length ? globs([ui]) : outside(ui).map((d) => `${d}/**`);
      layers.push({ name: ui, files, dependsOn: present(['application', 'domain']) });
    }
    // Clean Architecture's Main: the composition root that builds the use cases with their adapters
    // (src/main/factories/usecases/), so it may import every layer and comes first.
    if (names.has('main')) layers.push({ name: 'main', files: globs(['main']), dependsOn: layers.map((l) => l.name).reverse() });
  } else if (THREE_TIER.every((n) => names.has(n))) {
    layers.push({ name: 'data-access', files: globs(['data-access']), dependsOn: [] });
    layers.push({ name: 'domain', files: globs(['domain']), dependsOn: ['data-access'] });
    layers.push({ name: 'entry-points', files: globs(['entry-points']), dependsOn: ['domain'] });
  } else if (HEXAGONAL.every((n) => names.has(n))) {
    layers.push({ name: 'core', files: globs(['core']), dependsOn: [] });
    layers.push({ name: 'ports', files: globs(['ports']), dependsOn: ['core'] });
    layers.push({ name: 'adapters', files: globs(['adapters']), dependsOn: ['ports', 'core'] });
  }
  // Said in the starter config when no other architecture was found either.
  const apart = cleanNames && !besideDomain && layers.length === 0 ? [...CLEAN.domain.flatMap(hitsOf), ...others].sort() : undefined;
  // A file belongs to the first layer that matches it: outer layers come first, so that a domain/
  // folder inside application/ (event handlers for domain events) stays application code.
  layers.reverse();

  const specCandidates = await listUnignored(root, ['**/*.{yaml,yml,json}'], {
    ignore: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/package*.json', '**/tsconfig*.json'],
  });
  const openapi: string[] = [];
  for (const file of specCandidates.sort()) {
    const handle = await open(path.join(root, file), 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, 4096, 0);
      if (/(^|["'])(openapi|swagger)["']?\s*:/m.test(buffer.toString('utf8', 0, bytesRead))) openapi.push(file);
    } finally {
      await handle.close();
    }
  }
  const graphql = (await listUnignored(root, ['**/*.{graphql,graphqls,gql}'], { ignore: ['**/node_modules/**'] })).sort();
  const migrationDirs: string[] = [];
  const otherDialects: Detected['otherDialects'] = [];
  for (const d of dirs.filter((dir) => /(^|\/)migrations?$/.test(dir)).sort()) {
    // Discovery leaves these out too (a Prisma migration_lock.toml naming SQLite or MySQL).
    const provider = prismaProvider(path.join(root, d));
    if (provider !== null && !isPostgresProvider(provider)) otherDialects.push({ dir: d, provider });
    else migrationDirs.push(d);
  }
  return { layers, openapi, graphql, migrationDirs, otherDialects, ...(apart ? { apart } : {}) };
}

/** A starter config that fits what was detected, with comments saying what each part does. */
export function starterConfig(detected: Detected): string {
  const lines = [
    '# archlint configuration. Every key: .architecturerc.example.yaml in the archlint package.',
    '# yaml-language-server: $schema=./node_modules/archlint/schema/architecturerc.schema.json',
    'extends:',
    '  - archlint:recommended',
    '',
  ];
  if (detected.layers.length > 0) {
    lines.push(
      'code:',
      '  # Layers found from folder names; a layer may import itself and what it dependsOn.',
      '  # A file belongs to the first layer whose globs match it: outer layers come first.',
      '  layers:',
    );
    for (const l of detected.layers) {
      const files = l.files.length === 1 ? `"${l.files[0]}"` : `[${l.files.map((f) => `"${f}"`).join(', ')}]`;
      lines.push(`    - name: ${l.name}`, `      files: ${files}`, `      dependsOn: [${l.dependsOn.join(', ')}]`);
    }
    lines.push('');
  } else {
    if (detected.apart) {
      lines.push('# Folders named like clean layers were found, but not side by side, so they are no layers:');
      for (const d of detected.apart.slice(0, 5)) lines.push(`#   ${d}`);
      if (detected.apart.length > 5) lines.push(`#   and ${detected.apart.length - 5} more`);
    } else {
      lines.push('# No domain/application/infrastructure, core/ports/adapters or entry-points/domain/data-access', '# folders were found.');
    }
    lines.push(
      '# Describe your layers to enable the layer rules:',
      '# code:',
      '#   layers:',
      '#     - { name: domain, files: "src/domain/**" }',
      '#     - { name: application, files: "src/application/**", dependsOn: [domain] }',
      '',
    );
  }
  if (detected.openapi.length > 0 || detected.graphql.length > 0) {
    lines.push('# API descriptions found:');
    for (const f of [...detected.openapi, ...detected.graphql]) lines.push(`#   ${f}`);
    lines.push('');
  }
  if (detected.migrationDirs.length > 0) {
    lines.push('migrations:', '  dirs:');
    for (const d of detected.migrationDirs) lines.push(`    - ${d}`);
    lines.push('');
  }
  if (detected.otherDialects?.length) {
    lines.push('# Left out: the migration rules read Postgres SQL, and these folders are for another database:');
    for (const { dir, provider } of detected.otherDialects) lines.push(`#   ${dir} (Prisma provider "${provider}")`);
    lines.push('');
  }
  lines.push('# Per-file exceptions, for example scripts that may print:', '# overrides:', '#   - files: ["scripts/**"]', '#     rules:', '#       logging/no-console: off', '');
  return lines.join('\n');
}

/** The config file already in the folder, if any; `init` never overwrites one. */
export function existingConfig(root: string): string | undefined {
  for (const place of SEARCH_PLACES) {
    const file = path.join(root, place);
    if (!existsSync(file)) continue;
    if (place !== 'package.json') return file;
    // package.json is a config only when it has an "architecture" key.
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).architecture !== undefined) return `${file}#architecture`;
    } catch {
      // An unreadable package.json holds no config to protect.
    }
  }
  return undefined;
}
