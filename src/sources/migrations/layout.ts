import { existsSync } from 'node:fs';
import path from 'node:path';

export const LAYOUTS = [
  'prisma',
  'drizzle',
  'flyway',
  'golang-migrate',
  'postgrator',
  'goose',
  'dbmate',
  'supabase',
  'atlas',
  'typeorm',
  'mikro-orm',
  'knex',
  'db-migrate',
  'plain',
] as const;

export type Layout = (typeof LAYOUTS)[number];

/** Layouts that keep each migration in its own `.sql` file(s); the others are TypeScript. */
export const TS_LAYOUTS: ReadonlySet<Layout> = new Set(['typeorm', 'mikro-orm', 'knex', 'db-migrate']);

/**
 * Whether each tool wraps a migration in a transaction by default on Postgres. Prisma,
 * golang-migrate and Postgrator send the whole file as one query string, which Postgres runs as one implicit
 * transaction when it holds several statements; plain folders are run statement by statement;
 * the others open a transaction per migration (or per run) unless a directive says otherwise.
 */
export const TRANSACTION_DEFAULT: Record<Layout, boolean | 'multi-statement'> = {
  prisma: 'multi-statement',
  drizzle: true,
  flyway: true,
  'golang-migrate': 'multi-statement',
  postgrator: 'multi-statement',
  goose: true,
  dbmate: true,
  supabase: true,
  atlas: true,
  typeorm: true,
  'mikro-orm': true,
  knex: true,
  'db-migrate': true,
  plain: false,
};

// Tools that record a migration by its file or class name, not its version, and run files that
// share a timestamp in name order: Knex, db-migrate, TypeORM, MikroORM.
const RECORDS_NAMES: ReadonlySet<Layout> = new Set(['knex', 'db-migrate', 'typeorm', 'mikro-orm']);
// umzug (and @slonik/migrator) names: a date with separators, with or without a time.
const DATED = /^\d{4}([._-])\d{2}\1\d{2}(?!\d)/;

/** Whether a version is a date as umzug writes it (`2022.10.07`, `2022.10.07T13.49.19`). */
export function isDatedVersion(version: string): boolean {
  return DATED.test(version);
}

/**
 * Whether the tool records this migration by its name rather than its version, so that another
 * migration of the same version is no clash: Knex, db-migrate, TypeORM and MikroORM files, and plain files
 * named as umzug names them.
 */
export function recordedByName(layout: Layout, version: string): boolean {
  return RECORDS_NAMES.has(layout) || (layout === 'plain' && isDatedVersion(version));
}

export interface NameParts {
  version?: string;
  name?: string;
  role: 'up' | 'down' | 'both' | 'repeatable';
}

const PRISMA_DIR = /^(\d{14})_(.+)$/;
const FLYWAY = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/i;
const FLYWAY_REPEATABLE = /^R__(.+)\.sql$/i;
const UP_DOWN = /^V?(\d+(?:\.\d+)*?)(?:[._-](.+?))?\.(up|down)\.sql$/i;
const NUMBERED = /^(\d+)(?:[._-](.+))?\.\w+$/;
// Postgrator: `<version>.<do|undo>.<optional description>.sql`.
const POSTGRATOR = /^(\d+)\.(do|undo)(?:\.([^.]+))?\.sql$/i;
// umzug and @slonik/migrator name files by an ISO-like timestamp (`2022.10.07T13.49.19.users.sql`)
// or a date (`2022.10.07.users.sql`): the whole of it is the version, not its year.
const ISO_TIMESTAMPED = /^(\d{4}([.\-_])\d{2}\2\d{2}(?:T\d{2}[.\-_:]?\d{2}[.\-_:]?\d{2})?|\d{8}T\d{6})(?:[._-](.+))?\.\w+$/;
const TYPEORM_FILE = /^(\d+)-(.+)\.[cm]?[jt]s$/;
// db-migrate's --sql-file migrations: sqls/<version>-<name>-up.sql and -down.sql beside the folder
// of the .js files that read and run them.
const DB_MIGRATE_SQL = /^(\d+)-(.+)-(up|down)\.sql$/;
const MIKRO_FILE = /^Migration(\d+)(?:[._-]?(.*))?\.[cm]?[jt]s$/;

export const GOOSE_UP = /^--\s*\+goose\s+Up\b/im;
export const GOOSE_DOWN = /^--\s*\+goose\s+Down\b/im;
export const DBMATE_UP = /^--\s*migrate:up\b/im;
export const DBMATE_DOWN = /^--\s*migrate:down\b/im;

/** Folder names and file names that identify a migration file without reading config. */
export function looksLikeMigrationName(base: string): boolean {
  return FLYWAY.test(base) || FLYWAY_REPEATABLE.test(base) || UP_DOWN.test(base) || POSTGRATOR.test(base);
}

// Not remembered across calls: a long-lived process (an editor, a watch mode) must see a marker
// file appear. Only SQL files that no name or text identifies get this far.
function hasFile(root: string, dir: string, name: string): boolean {
  return existsSync(path.join(root, dir, name));
}

/**
 * Recognises the tool that owns a migration file from its path, its text and marker files next to
 * it. `probed` collects the root-relative marker paths looked for, so a cache can tell when the answer may change.
 */
export function detectLayout(file: string, text: string, root: string, probed?: string[]): Layout {
  const base = path.posix.basename(file);
  const dir = path.posix.dirname(file);
  if (/\.[cm]?[jt]s$/.test(base)) {
    if (/\bqueryRunner\b|MigrationInterface/.test(text)) return 'typeorm';
    if (/\baddSql\s*\(|@mikro-orm\/migrations/.test(text)) return 'mikro-orm';
    // db-migrate's template (`exports._meta`, `options.dbmigrate`) or its runSql.
    if (/\.runSql\s*\(|\bexports\._meta\b|\bdbmigrate\b/.test(text)) return 'db-migrate';
    return 'knex';
  }
  if (path.posix.basename(dir) === 'sqls' && DB_MIGRATE_SQL.test(base)) return 'db-migrate';
  if (text.includes('+goose') && GOOSE_UP.test(text)) return 'goose';
  if (text.includes('migrate:up') && DBMATE_UP.test(text)) return 'dbmate';
  if (base === 'migration.sql' && PRISMA_DIR.test(path.posix.basename(dir))) return 'prisma';
  if (/(^|\/)supabase\/migrations$/.test(dir)) return 'supabase';
  if (UP_DOWN.test(base)) return 'golang-migrate';
  if (POSTGRATOR.test(base)) return 'postgrator';
  if (FLYWAY.test(base) || FLYWAY_REPEATABLE.test(base)) return 'flyway';
  probed?.push(path.posix.join(dir, 'meta/_journal.json'));
  if (hasFile(root, dir, 'meta/_journal.json') || text.includes('--> statement-breakpoint')) return 'drizzle';
  probed?.push(path.posix.join(dir, 'atlas.sum'));
  if (hasFile(root, dir, 'atlas.sum')) return 'atlas';
  return 'plain';
}

/**
 * The migration folder (the set) a file belongs to. Prisma keeps one folder per migration, and
 * @slonik/migrator the down migration of `x.sql` in `down/x.sql` next to the up files.
 */
export function setDir(file: string, layout: Layout): string {
  const dir = path.posix.dirname(file);
  return layout === 'prisma' || isPlainDown(file, layout) ? path.posix.dirname(dir) : dir;
}

function isPlainDown(file: string, layout: Layout): boolean {
  return layout === 'plain' && path.posix.basename(path.posix.dirname(file)) === 'down';
}

/** Version, description and role of a migration, read from its name as its layout writes it. */
export function nameParts(file: string, layout: Layout): NameParts {
  const base = path.posix.basename(file);
  switch (layout) {
    case 'prisma': {
      const m = PRISMA_DIR.exec(path.posix.basename(path.posix.dirname(file)));
      return m ? { version: m[1], name: m[2], role: 'up' } : { role: 'up' };
    }
    case 'flyway': {
      const repeatable = FLYWAY_REPEATABLE.exec(base);
      if (repeatable) return { name: repeatable[1], role: 'repeatable' };
      const m = FLYWAY.exec(base);
      return m ? { version: m[2], name: m[3], role: m[1].toUpperCase() === 'U' ? 'down' : 'up' } : { role: 'up' };
    }
    case 'golang-migrate': {
      const m = UP_DOWN.exec(base);
      return m ? { version: m[1], name: m[2], role: m[3].toLowerCase() === 'down' ? 'down' : 'up' } : { role: 'up' };
    }
    case 'postgrator': {
      const m = POSTGRATOR.exec(base);
      return m ? { version: m[1], name: m[3], role: m[2].toLowerCase() === 'undo' ? 'down' : 'up' } : { role: 'up' };
    }
    case 'typeorm': {
      const m = TYPEORM_FILE.exec(base) ?? NUMBERED.exec(base);
      return m ? { version: m[1], name: m[2], role: 'both' } : { role: 'both' };
    }
    case 'db-migrate': {
      const sql = DB_MIGRATE_SQL.exec(base);
      if (sql) return { version: sql[1], name: sql[2], role: sql[3] === 'down' ? 'down' : 'up' };
      const m = NUMBERED.exec(base);
      return m ? { version: m[1], name: m[2], role: 'both' } : { role: 'both' };
    }
    case 'mikro-orm': {
      const m = MIKRO_FILE.exec(base) ?? NUMBERED.exec(base);
      return m ? { version: m[1], name: m[2] || undefined, role: 'both' } : { role: 'both' };
    }
    default: {
      const role = layout === 'goose' || layout === 'dbmate' || layout === 'knex' ? 'both' : isPlainDown(file, layout) ? 'down' : 'up';
      const iso = ISO_TIMESTAMPED.exec(base);
      if (iso) return { version: iso[1], name: iso[3], role };
      const m = NUMBERED.exec(base);
      return m ? { version: m[1], name: m[2], role } : { role };
    }
  }
}

/** The numbers of a version, whatever separates them (`1_1`, `1.1`, `2022.10.07T13.49.19`). */
export function versionParts(version: string): string[] {
  return version.split(/\D+/).filter((p) => p !== '');
}

/** Orders versions numerically part by part (`1.10` after `1.9`, `0010` after `9`). */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] === undefined ? -1n : BigInt(pa[i]);
    const y = pb[i] === undefined ? -1n : BigInt(pb[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Directives in a migration that turn its tool's transaction off. */
export function disablesTransaction(layout: Layout, text: string): boolean {
  switch (layout) {
    case 'goose':
      return /^--\s*\+goose\s+NO\s+TRANSACTION\b/im.test(text);
    case 'dbmate':
      return /^--\s*migrate:up\b[^\n]*\btransaction:false\b/im.test(text);
    case 'atlas':
      return /^--\s*atlas:txmode\s+none\b/im.test(text);
    case 'typeorm':
      return /\btransaction\s*=\s*false\b/.test(text);
    case 'mikro-orm':
      return /\bisTransactional\s*\([^)]*\)[^{]*\{\s*return\s+false\b/.test(text);
    case 'knex':
      return /\btransaction\s*:\s*false\b/.test(text);
    default:
      return false;
  }
}
