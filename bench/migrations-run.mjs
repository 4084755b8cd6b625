// The migrations pack alone in one process: discovery, parsing, every rule, JSON out. The
// benchmark runs it next to the full CLI to show what the pack itself costs, apart from loading
// the other packs' dependencies (ts-morph, Spectral) at start-up.
// Usage: node bench/migrations-run.mjs <folder>...
import path from 'node:path';
import { discover } from '../dist/src/discover/discover.js';
import { runEngine } from '../dist/src/core/engine.js';
import { migrationAdapter } from '../dist/src/sources/migrations/adapter.js';
import pack from '../dist/rules/migrations/index.js';

const root = process.cwd();
const files = (await discover({ root, paths: process.argv.slice(2).map((p) => path.resolve(p)), include: [], exclude: [] })).filter(
  (f) => f.kind === 'migration',
);
const active = new Map(pack.rules.map((rule) => [rule.id, { severity: rule.meta.severity, options: rule.options?.defaults ?? {} }]));
const output = await runEngine({
  root,
  files,
  adapters: new Map([['migration', migrationAdapter]]),
  rules: pack.rules,
  rulesFor: () => active,
  projectRules: active,
  settings: { migration: {} },
});
process.stdout.write(JSON.stringify({ diagnostics: output.diagnostics, summary: { files: output.files } }));
