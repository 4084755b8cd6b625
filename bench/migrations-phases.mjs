// Where the migrations pack spends its CPU: the pack alone (bench/migrations-run.mjs) over the
// corpus migration folders copied N times, under `node --cpu-prof`, each sample charged to the
// first phase found on its stack (parser, rules, engine, garbage collector...).
// Usage: npm run build && node bench/migrations-phases.mjs [corpus/sql folder] [--copies 20]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { copyFolders, migrationFolders } from './corpus.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const copiesAt = args.indexOf('--copies');
const copies = copiesAt < 0 ? 20 : Number(args.splice(copiesAt, 2)[1]);
const corpus = path.resolve(args[0] ?? path.join(repo, '../shared/corpus/sql'));

// In order: a sample goes to the first phase that matches a frame of its stack.
const PHASES = [
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['idle', (f) => f.functionName === '(idle)'],
  ['libpg-query (parse, JSON out)', (f) => f.functionName === 'parsePgJson'],
  ['layout detection', (f) => /sources\/migrations\/layout\.js/.test(f.url)],
  ['statements (migration model)', (f) => /sources\/migrations\/(adapter|model)\.js/.test(f.url)],
  ['rules', (f) => /rules\/migrations\//.test(f.url)],
  ['engine: diagnostics (messages, positions, fingerprints)', (f) => f.functionName === 'finalize'],
  // The walk runs in callbacks, outside discover()'s frame.
  ['discovery', (f) => f.functionName === 'discover' || /node_modules\/(tinyglobby|fdir|ignore|picomatch)\//.test(f.url)],
  ['JSON output', (f) => /bench\/migrations-run\.mjs/.test(f.url) && f.functionName === ''],
  ['module loading', (f) => f.functionName === 'evaluate' || /modules\/esm\/(loader|module_job)/.test(f.url)],
  ['engine: other', (f) => /core\/engine\.js/.test(f.url)],
];

function phases(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = profile.timeDeltas[i] / 1000;
    total += ms;
    let label = 'other (node internals, file reads)';
    let id = profile.samples[i];
    const frames = [];
    while (id !== undefined) {
      frames.push(byId.get(id).callFrame);
      id = parent.get(id);
    }
    const found = PHASES.find(([, test]) => frames.some(test));
    if (found) label = found[0];
    totals.set(label, (totals.get(label) ?? 0) + ms);
  }
  return { total, totals };
}

const { temp, copied: absolute } = copyFolders(corpus, migrationFolders(corpus), copies, 'archlint-bench-phases-');
try {
  const copied = absolute.map((target) => path.relative(temp, target));
  const profiles = path.join(temp, 'profiles');
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, path.join(repo, 'bench/migrations-run.mjs'), ...copied], {
    cwd: temp,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
  const { total, totals } = phases(JSON.parse(readFileSync(path.join(profiles, file), 'utf8')));
  console.log(`migrations pack alone, corpus copied ${copies} times: ${total.toFixed(0)} ms of samples on the main thread`);
  for (const [label, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${((ms / total) * 100).toFixed(0).padStart(3)}%  ${label}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
