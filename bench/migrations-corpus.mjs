// Robustness and review run: every migration folder of the shared corpus through archlint (every
// migrations rule on) and through Squawk, counts per rule side by side.
// Usage: npm run build && node bench/migrations-corpus.mjs [corpus/sql folder]
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationFolders } from './corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? path.join(repo, '../shared/corpus/sql'));
const squawk = path.join(repo, 'node_modules/@squawk-cli/linux-x64/bin/squawk');
const cli = path.join(repo, 'bin/archlint.js');

const folders = migrationFolders(corpus);
// `--rule` turns each rule on whatever the presets say.
const rules = readdirSync(path.join(repo, 'rules/migrations'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
  .map((f) => `migrations/${f.slice(0, -3)}`);

const total = { archlint: new Map(), squawk: new Map() };
const add = (map, key, n = 1) => map.set(key, (map.get(key) ?? 0) + n);
for (const folder of folders) {
  // Exit code 1 means findings; the JSON is on stdout either way.
  const out = spawnSync('node', [cli, 'check', '.', '--rule', ...rules, '-f', 'json'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const result = JSON.parse(out);
  const sqlFiles = execFileSync('find', [folder, '-name', '*.sql'], { encoding: 'utf8' }).trim().split('\n');
  const migrationFiles = result.summary.files.migration;
  const parseErrors = result.diagnostics.filter((d) => d.ruleId === 'archlint/parse-error');
  console.log(`${path.relative(corpus, folder)}: ${sqlFiles.length} .sql files, ${migrationFiles} migrations, ${parseErrors.length} parse errors`);
  for (const d of parseErrors) console.log(`  ${d.file}:${d.line}:${d.column} ${d.message}`);
  for (const d of result.diagnostics) add(total.archlint, d.ruleId);
  const squawkArgs = ['--reporter', 'json', ...sqlFiles.filter((f) => !f.endsWith('/seed.sql'))];
  const squawkOut = spawnSync(squawk, squawkArgs, { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  for (const d of JSON.parse(squawkOut)) add(total.squawk, d.rule_name);
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [rule, n] of [...map.entries()].sort()) console.log(`  ${String(n).padStart(5)}  ${rule}`);
};
print('archlint (every migrations rule)', total.archlint);
print('squawk 2.66 (defaults)', total.squawk);
