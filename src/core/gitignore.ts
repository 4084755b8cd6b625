import ignore, { type Ignore } from 'ignore';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function parentOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

interface Level {
  folder: string;
  rules: Ignore;
}

/**
 * The .gitignore files of a tree, applied as git applies them: each to the paths below its own
 * folder, a deeper file's rules before a shallower one's, and nothing below an ignored folder
 * coming back. Paths are relative to the base folder, with `/` separators.
 */
export class IgnoreFiles {
  /** Rules by the folder holding them (`''` for the base). */
  private readonly levels = new Map<string, Ignore>();
  private readonly ignoredFolders = new Map<string, boolean>();
  private readonly levelsByFolder = new Map<string, readonly Level[]>();

  /** `files`: base-relative paths of .gitignore files; an unreadable one is skipped, as git does. */
  constructor(base: string, files: Iterable<string>) {
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(path.join(base, file), 'utf8');
      } catch {
        continue;
      }
      this.levels.set(parentOf(file), ignore().add(text));
    }
  }

  get size(): number {
    return this.levels.size;
  }

  /** Whether git ignores a file (or, with `folder`, a folder) at this base-relative path. */
  ignores(relative: string, folder = false): boolean {
    if (this.levels.size === 0) return false;
    const parent = parentOf(relative);
    const above = this.levelsAt(parent);
    if (above.length === 0) return false;
    if (parent !== '' && this.folderIgnored(parent)) return true;
    return this.verdict(relative, folder, above);
  }

  private folderIgnored(folder: string): boolean {
    let ignored = this.ignoredFolders.get(folder);
    if (ignored === undefined) {
      const parent = parentOf(folder);
      ignored = (parent !== '' && this.folderIgnored(parent)) || this.verdict(folder, true, this.levelsAt(parent));
      this.ignoredFolders.set(folder, ignored);
    }
    return ignored;
  }

  /** The .gitignore files at or above a folder, deepest first: worked out once per folder. */
  private levelsAt(folder: string): readonly Level[] {
    let found = this.levelsByFolder.get(folder);
    if (found === undefined) {
      const own = this.levels.get(folder);
      const above = folder === '' ? [] : this.levelsAt(parentOf(folder));
      found = own ? [{ folder, rules: own }, ...above] : above;
      this.levelsByFolder.set(folder, found);
    }
    return found;
  }

  /** The deepest .gitignore with a rule for the path decides; its folders are checked by the caller. */
  private verdict(relative: string, folder: boolean, levels: readonly Level[]): boolean {
    for (const level of levels) {
      const below = level.folder === '' ? relative : relative.slice(level.folder.length + 1);
      const answer = level.rules.test(folder ? `${below}/` : below);
      if (answer.ignored) return true;
      if (answer.unignored) return false;
    }
    return false;
  }
}

/** The folder of the git repository holding `folder` (its own, if it is one), or undefined outside any. */
export function repositoryOf(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The .gitignore files that apply to `folder` from above it: those of its parent folders up to the
 * repository's root, relative to that root (`base`). Outside a repository, none: `base` is the folder.
 * `base`: the repository, when the caller has looked it up already.
 */
export function ignoreFilesAbove(folder: string, base = repositoryOf(folder)): { base: string; files: string[] } {
  if (base === undefined || base === folder) return { base: folder, files: [] };
  const files: string[] = [];
  for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.gitignore'))) files.push(path.relative(base, path.join(dir, '.gitignore')).split(path.sep).join('/'));
    if (dir === base || path.dirname(dir) === dir) break;
  }
  return { base, files };
}
