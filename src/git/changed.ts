import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type ChangeSelection = { mode: 'changed' } | { mode: 'staged' } | { mode: 'since'; ref: string };

export class ChangedFilesError extends Error {}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

function lines(out: string): string[] {
  return out.split('\0').filter(Boolean);
}

/**
 * Absolute paths of the files a change touches (deleted files excluded):
 * `changed`, the working tree and index against HEAD plus untracked files; `staged`, the index
 * against HEAD; `since`, everything since the merge base with a ref, uncommitted work included.
 */
export async function changedFiles(cwd: string, selection: ChangeSelection): Promise<string[]> {
  let top: string;
  try {
    top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new ChangedFilesError('--changed, --staged and --since need a git repository.');
  }
  const diff = ['diff', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames'];
  let files: string[];
  if (selection.mode === 'staged') {
    files = lines(await git(top, [...diff, '--cached']));
  } else {
    let against = 'HEAD';
    if (selection.mode === 'since') {
      try {
        against = (await git(top, ['merge-base', 'HEAD', selection.ref])).trim();
      } catch {
        throw new ChangedFilesError(`--since: no merge base with "${selection.ref}"; in a shallow checkout, fetch it first.`);
      }
    }
    const tracked = lines(await git(top, [...diff, against]).catch(() => git(top, [...diff, '--cached'])));
    const untracked = lines(await git(top, ['ls-files', '--others', '--exclude-standard', '-z']));
    files = [...tracked, ...untracked];
  }
  return [...new Set(files)].map((f) => path.join(top, f)).sort();
}
