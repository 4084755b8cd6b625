// The corpus's migration folders (one per layout and project), and copies of them in a temporary
// folder, for benchmarks that need more files than the corpus has so start-up does not dominate.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every `<layout>/<project>` folder of a corpus/sql folder. */
export function migrationFolders(corpus) {
  return readdirSync(corpus).flatMap((layout) => readdirSync(path.join(corpus, layout)).map((name) => path.join(corpus, layout, name)));
}

/** The folders copied `copies` times under a new temporary folder: `{ temp, copied }`, absolute paths. */
export function copyFolders(corpus, folders, copies, prefix) {
  const temp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const copied = [];
  try {
    for (let i = 0; i < copies; i++) {
      for (const folder of folders) {
        const target = path.join(temp, `copy-${String(i).padStart(2, '0')}`, path.relative(corpus, folder));
        cpSync(folder, target, { recursive: true });
        copied.push(target);
      }
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return { temp, copied };
}
