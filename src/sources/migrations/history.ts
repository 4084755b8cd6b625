import type { MigrationSettings } from '../../config/settings/migrations.js';
import { compareVersions, type Layout } from './layout.js';
import type { MigrationFile, MigrationProject, MigrationSet } from './model.js';

/** Orders a set's files by version; unversioned files (repeatable, oddly named) go last by path. */
export function byVersion(a: MigrationFile, b: MigrationFile): number {
  if (a.version !== undefined && b.version !== undefined) {
    const c = compareVersions(a.version, b.version);
    if (c !== 0) return c;
  } else if (a.version !== undefined) return -1;
  else if (b.version !== undefined) return 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The layout most files of a set use: a stray file does not change what the folder is. */
function dominantLayout(files: MigrationFile[]): Layout {
  const counts = new Map<Layout, number>();
  for (const f of files) counts.set(f.layout, (counts.get(f.layout) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** Groups the run's migrations into sets (one per folder) ordered by version. */
export function buildProject(files: MigrationFile[], _settings: MigrationSettings, root: string): MigrationProject {
  const byDir = new Map<string, MigrationFile[]>();
  for (const f of files) {
    let list = byDir.get(f.dir);
    if (!list) byDir.set(f.dir, (list = []));
    list.push(f);
  }
  const sets: MigrationSet[] = [...byDir.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dir, list]) => ({ dir, layout: dominantLayout(list), files: list.sort(byVersion) }));
  return { root, files, sets };
}
