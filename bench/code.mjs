// Code packs benchmark: the whole code pass (config, discovery, parsing, one walk per file with
// every file-scoped code rule, the module graph and the project rules) against a baseline that
// only finds the same files, reads them and parses them with the TypeScript parser, called as
// archlint calls it.
// Each measurement runs in a fresh node process, single-threaded except for the "2 threads" rows
// (this thread and one worker: the full pass, and the parse-only baseline split over both, which is
// as fast as two threads can go on the machine); wall time is taken around the work (not node start-up or module
// loading) and peak memory is the process's max RSS.
// Usage: npm run build && node bench/code.mjs [repo...] [--files 5000] [--runs 3]
//   With no repo, a seeded synthetic tree of --files files is generated under the OS temp folder.
import { spawnSync } from 'node:child_process';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './code-tree.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

async function child(mode, root) {
  // Modules load before the clock starts: loading is a constant, not part of the pass over files.
  // The baseline finds and reads the files with archlint's own discovery, so the ratio is not
  // flattered by a slower listing: what it adds is the parse alone.
  const { ts } = await import('ts-morph');
  const { discover } = await import(path.join(repo, 'dist/src/discover/discover.js'));
  const { runCheck } = await import(path.join(repo, 'dist/src/check/check.js'));
  const { builtinRegistry } = await import(path.join(repo, 'dist/src/config/registry.js'));
  // The code pack and the code source load on first use; load them here, outside the clock.
  await builtinRegistry().load(['code']);
  await import(path.join(repo, 'dist/src/sources/code/adapter.js'));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let files = 0;
  let findings = 0;
  if (mode === 'parse' || mode === 'parse-threads') {
    const found = await discover({ root, paths: [root], include: [], exclude: [] });
    const sources = found.filter((f) => f.kind === 'code').map((f) => ({ path: f.source.absPath, text: f.source.text }));
    // `parse-threads`: this thread and one worker each parse every other file, the worker loading the
    // parser on the clock like archlint's own workers: what two threads can do on this machine at best.
    const worker = mode === 'parse-threads' ? new Worker(fileURLToPath(import.meta.url), { workerData: { sources: sources.filter((_, i) => i % 2 === 1) } }) : undefined;
    const done = worker && new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    files = parseFiles(ts, worker ? sources.filter((_, i) => i % 2 === 0) : sources);
    if (done) files += await done;
  } else {
    // Every code rule on, whatever the repository's config says.
    const rules = [...builtinRegistry().rules.values()].filter((r) => r.rule.kind === 'code').map((r) => r.rule.id);
    // `full`: one thread; `threads`: this thread and one worker (a worker loads its modules on the clock).
    const result = await runCheck({ cwd: root, paths: ['.'], onlyRules: rules, concurrency: mode === 'threads' ? 2 : 'off' });
    files = result.files.code;
    findings = result.diagnostics.length;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, files, findings, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function parseFiles(ts, sources) {
  // Parsed as archlint parses them: without doc comments, which no built-in code rule reads (a rule
  // that does says so in its meta, and then both would parse them). The parser's default parses
  // them, a tenth more work on a documented code base, and the ratio would flatter archlint by it.
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  for (const { path: file, text } of sources) ts.createSourceFile(file, text, options, false);
  return sources.length;
}

function runChild(mode, root) {
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, root], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${mode} run failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

/**
 * Runs the modes in turn, `runs` rounds (A B A B ...): on a shared machine whose speed drifts
 * over minutes, a ratio taken within each round follows the drift where medians of separate
 * series do not. Per mode: median times, max RSS, and its samples by round.
 */
function measureRounds(modes, root, runs) {
  const samples = Object.fromEntries(modes.map((m) => [m, []]));
  for (let i = 0; i < runs; i++) for (const mode of modes) samples[mode].push(runChild(mode, root));
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(
    modes.map((m) => {
      const list = samples[m];
      return [m, { ...list[0], ms: median(list.map((s) => s.ms)), cpuMs: median(list.map((s) => s.cpuMs)), maxRssMb: Math.max(...list.map((s) => s.maxRssMb)), samples: list }];
    }),
  );
}

/** `a`'s figure divided by `b`'s in the same round, for each round, in ascending order. */
function roundRatios(a, b, key) {
  return a.samples.map((s, i) => s[key] / b.samples[i][key]).sort((x, y) => x - y);
}

/** The median over rounds of `a`'s figure divided by `b`'s in the same round. */
function pairedRatio(a, b, key) {
  const ratios = roundRatios(a, b, key);
  return ratios[Math.floor(ratios.length / 2)];
}

async function main() {
  if (!isMainThread) {
    const { ts } = await import('ts-morph');
    parentPort.postMessage(parseFiles(ts, workerData.sources));
    return;
  }
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return Number(value);
  };
  const fileCount = option('--files', 5000);
  const runs = option('--runs', 3);
  const roots = args.map((a) => path.resolve(a));
  if (roots.length === 0) {
    const dir = path.join(os.tmpdir(), `archlint-code-bench-${fileCount}`);
    generateTree(dir, fileCount, 1);
    roots.push(dir);
  }
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}, ${runs} rounds, modes in turn (median times, max RSS; ratios: median of the ratios within each round)`);
  for (const root of roots) {
    // NO_THREADS=1 skips the 2-thread rows (quicker, for one-thread work).
    const modes = process.env.NO_THREADS ? ['parse', 'full'] : ['parse', 'full', 'threads', 'parse-threads'];
    const measured = measureRounds(modes, root, runs);
    const { parse, full, threads, 'parse-threads': parseThreads } = measured;
    console.log(`\n${root}`);
    const row = (name, r) =>
      `  ${name.padEnd(20)} ${String(r.files).padStart(5)} files  wall ${r.ms.toFixed(0).padStart(6)} ms  cpu ${r.cpuMs.toFixed(0).padStart(6)} ms  peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB`;
    console.log(row('parse-only baseline', parse));
    console.log(`${row('full code pass', full)}  (${full.findings} findings)`);
    if (threads) console.log(`${row('full, 2 threads', threads)}  (${threads.findings} findings)`);
    if (parseThreads) console.log(row('parse-only, 2 threads', parseThreads));
    // Ratios: the median over rounds of the two runs' ratio within each round (see measureRounds).
    const ratio = (a, b) => `${pairedRatio(a, b, 'ms').toFixed(2)}x wall, ${pairedRatio(a, b, 'cpuMs').toFixed(2)}x cpu, ${(a.maxRssMb / b.maxRssMb).toFixed(2)}x peak memory`;
    console.log(`  ratio: ${ratio(full, parse)}`);
    // On a noisy machine one round's ratio can be far off: show the spread, and the ratio of the
    // fastest run of each mode, which noise can only make slower.
    const spread = roundRatios(full, parse, 'ms');
    const fastest = Math.min(...full.samples.map((s) => s.ms)) / Math.min(...parse.samples.map((s) => s.ms));
    console.log(`  rounds: ${spread[0].toFixed(2)}x to ${spread[spread.length - 1].toFixed(2)}x wall; fastest runs: ${fastest.toFixed(2)}x wall`);
    if (threads) console.log(`  with 2 threads: ${ratio(threads, parse)}`);
    // The machine's ceiling for the 2-thread figure: parsing alone split over two threads.
    if (parseThreads) console.log(`  parse-only on 2 threads: ${pairedRatio(parseThreads, parse, 'ms').toFixed(2)}x wall of one thread; full pass on 2 threads: ${pairedRatio(threads, parseThreads, 'ms').toFixed(2)}x of it`);
  }
}

await main();
