import { readFileSync } from 'node:fs';
import path from 'node:path';

// The migration rules read Postgres SQL. Prisma records the database of a migrations folder in its
// migration_lock.toml, so a SQLite or MySQL history kept beside the Postgres one can be told apart.

/** The `provider` in a folder's migration_lock.toml; null without one. */
export function prismaProvider(dir: string, cache?: Map<string, string | null>): string | null {
  let provider = cache?.get(dir);
  if (provider === undefined) {
    try {
      provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(dir, 'migration_lock.toml'), 'utf8'))?.[1] ?? null;
    } catch {
      provider = null;
    }
    cache?.set(dir, provider);
  }
  return provider;
}

export function isPostgresProvider(provider: string): boolean {
  return provider === 'postgresql' || provider === 'postgres';
}
