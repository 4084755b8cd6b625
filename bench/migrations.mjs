// Benchmark: archlint's migrations pack against Squawk on the same files, in the same run.
// Squawk is the devDependency @squawk-cli/linux-x64: its npm wrapper package names platform
// packages the registry mirror here does not carry, which npm ci cannot install.
//   1. every migration folder of the shared corpus, whole process (start-up included);
//   2. the same folders copied 20 times into a temporary folder, so start-up does not dominate.
// Usage: npm run build && node bench/migrations.mjs [corpus/sql folder] [--runs 5] [--copies 20]
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { copyFolders, migrationFolders } from './corpus.mjs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args.splice(i, 2)[1]);
};
const runs = flag('--runs', 5);
const copies = flag('--copies', 20);
const corpus = path.resolve(args[0] ?? path.join(repo, '../shared/corpus/sql'));
const cli = path.join(repo, 'bin/archlint.js');
const packOnly = path.join(repo, 'bench/migrations-run.mjs');
const squawk = path.join(repo, 'node_modules/@squawk-cli/linux-x64/bin/squawk');

// Every rule of the pack, as Squawk runs every default rule (history rules need --base and stay off).
const rules = readdirSync(path.join(repo, 'rules/migrations'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
  .flatMap((f) => ['--rule', `migrations/${f.slice(0, -3)}`]);

function sqlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sqlFiles(full));
    else if (entry.endsWith('.sql') && entry !== 'seed.sql') out.push(full);
  }
  return out;
}

// CPU time (user + system) is measured with GNU time, as well as wall time: on a shared machine
// the wall clock also counts waiting for a core.
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;

function time(command, commandArgs, cwd) {
  const start = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '\n%U %S', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
  const cpu = gnuTime ? result.stderr.trim().split('\n').pop().split(' ').reduce((sum, v) => sum + Number(v) * 1000, 0) : NaN;
  return { ms, cpu, stdout: result.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function compare(label, root, folders) {
  const files = folders.flatMap(sqlFiles);
  // archlint checks the folder that holds the migration folders and nothing else, as a user checks a
  // repository (one walk); Squawk takes the list of .sql files. Both see the same files.
  const relative = ['.'];
  const commands = {
    'archlint CLI': [process.execPath, [cli, 'check', ...relative, ...rules, '-f', 'json']],
    'archlint, 2 threads': [process.execPath, [cli, 'check', ...relative, ...rules, '-f', 'json', '--concurrency', '2']],
    'migrations pack alone': [process.execPath, [packOnly, ...relative]],
    squawk: [squawk, ['--reporter', 'json', ...files]],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const cpus = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const findings = {};
  let migrations = 0;
  for (let i = 0; i < runs; i++) {
    for (const [name, [command, commandArgs]] of Object.entries(commands)) {
      const { ms, cpu, stdout } = time(command, commandArgs, root);
      times[name].push(ms);
      cpus[name].push(cpu);
      if (i > 0) continue;
      const result = JSON.parse(stdout);
      findings[name] = Array.isArray(result) ? result.length : result.diagnostics.length;
      if (!Array.isArray(result)) migrations = result.summary.files.migration;
    }
  }
  // Each round runs every command once: a ratio taken within a round follows the machine's drift.
  const paired = (name, series) => median(series[name].map((v, i) => v / series.squawk[i]));
  console.log(`\n${label}: ${files.length} .sql files (${migrations} parsed as migrations), median of ${runs} rounds (ratios: median of the ratios within each round)`);
  console.log(`  ${''.padEnd(22)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}  findings`);
  for (const name of Object.keys(commands)) {
    const ms = median(times[name]);
    const cpu = median(cpus[name]);
    const ratio = name === 'squawk' ? '' : `  wall ${paired(name, times).toFixed(2)}x, cpu ${paired(name, cpus).toFixed(2)}x squawk`;
    console.log(`  ${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms ${cpu.toFixed(0).padStart(6)} ms  ${String(findings[name]).padStart(6)}${ratio}`);
  }
}

const folders = migrationFolders(corpus);
console.log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.release()}`);
compare('corpus migration folders, whole process', corpus, folders);

const { temp, copied } = copyFolders(corpus, folders, copies, 'archlint-bench-migrations-');
try {
  compare(`the same folders copied ${copies} times`, temp, copied);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
