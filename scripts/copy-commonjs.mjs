// tsc compiles the ES modules of src/ but leaves its CommonJS files (and their declarations) where
// they are: copy them into dist/ beside the modules that import them.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const entry of readdirSync(path.join(repo, 'src'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(cjs|d\.cts)$/.test(entry.name)) continue;
  const from = path.join(entry.parentPath, entry.name);
  const to = path.join(repo, 'dist', path.relative(repo, from));
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}
