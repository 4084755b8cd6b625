import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Gives the run one temporary folder and removes it afterwards. Tests make their projects with
 * `mkdtemp(os.tmpdir())`, and CLI runs write reports there: without this, every run of the suite
 * leaves hundreds of folders behind. Workers and the CLI processes they spawn inherit TMPDIR.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-suite-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
