// Compares the full code pass of this checkout with another built checkout of archlint (a git
// worktree at a base commit, say) on one repository. Each round runs both, in alternating order,
// and the figure is the median of the per-round ratios: a machine whose speed drifts between
// processes moves that far less than it moves either side's own times. The findings of the two
// are compared as well, so a speed change that alters output shows up at once.
// Usage: npm run build && node bench/compare.mjs <other checkout> [repo] [--runs 10]
//   With no repo, the seeded synthetic tree of 5,000 files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './code-tree.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const self = path.resolve(here, '..');

async function child(checkout, root) {
  // As in code.mjs: modules load before the clock starts.
  const { runCheck } = await import(path.join(checkout, 'dist/src/check/check.js'));
  const { builtinRegistry } = await import(path.join(checkout, 'dist/src/config/registry.js'));
  await builtinRegistry().load(['code']);
  const rules = [...builtinRegistry().rules.values()].filter((r) => r.rule.kind === 'code').map((r) => r.rule.id);
  const started = performance.now();
  const result = await runCheck({ cwd: root, paths: ['.'], onlyRules: rules, concurrency: 'off' });
  const ms = performance.now() - started;
  const digest = createHash('sha256').update(JSON.stringify(result.diagnostics)).digest('hex');
  process.stdout.write(JSON.stringify({ ms, findings: result.diagnostics.length, digest }));
}

function run(checkout, root) {
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', checkout, root], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`the run of ${checkout} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 10;
  if (!args[0]) throw new Error('Usage: node bench/compare.mjs <other checkout> [repo] [--runs 10]');
  const other = path.resolve(args[0]);
  let root = args[1] && path.resolve(args[1]);
  if (!root) {
    root = path.join(os.tmpdir(), 'archlint-code-bench-5000');
    generateTree(root, 5000, 1);
  }
  const mine = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      mine.push(run(self, root));
      theirs.push(run(other, root));
    } else {
      theirs.push(run(other, root));
      mine.push(run(self, root));
    }
  }
  const ratios = mine.map((m, i) => m.ms / theirs[i].ms).sort((a, b) => a - b);
  const row = (name, list) => `  ${name.padEnd(16)} median ${median(list.map((r) => r.ms)).toFixed(0).padStart(6)} ms  fastest ${Math.min(...list.map((r) => r.ms)).toFixed(0).padStart(6)} ms`;
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${runs} rounds on ${root}, one thread, the order alternating`);
  console.log(row('this checkout', mine));
  console.log(row(path.basename(other), theirs));
  const fastest = Math.min(...mine.map((r) => r.ms)) / Math.min(...theirs.map((r) => r.ms));
  console.log(`  this/other: ${median(ratios).toFixed(3)} (median of the rounds; ${ratios[0].toFixed(2)} to ${ratios[ratios.length - 1].toFixed(2)}), fastest runs ${fastest.toFixed(3)}`);
  const same = mine[0].digest === theirs[0].digest;
  console.log(same ? `  findings: identical (${mine[0].findings})` : `  findings: DIFFERENT (${mine[0].findings} here, ${theirs[0].findings} there)`);
  if (!same) process.exitCode = 1;
}

await main();
