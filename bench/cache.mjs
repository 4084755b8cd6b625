// Cache benchmark: a full check with --cache and no cache yet (cold), the same again with nothing
// changed (warm), and again after editing 3 files (one of them imported by many). Each run is a
// fresh single-threaded node process; "in-process" time is taken after modules load (as the code
// benchmark does), "whole process" includes node start-up and module loading.
// Usage: npm run build && node bench/cache.mjs [repo] [--files 5000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './code-tree.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

async function child(root, cacheLocation) {
  const { runCheck } = await import(path.join(repo, 'dist/src/check/check.js'));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await runCheck({ cwd: root, paths: ['.'], cache: true, cacheLocation, concurrency: 'off', baseline: false });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, findings: result.diagnostics.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function once(root, cacheLocation) {
  const started = performance.now();
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', root, cacheLocation], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wholeMs = performance.now() - started;
  if (out.status !== 0) throw new Error(`run failed: ${out.stderr}`);
  return { ...JSON.parse(out.stdout), wholeMs };
}

function median(samples) {
  const pick = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { ms: pick('ms'), cpuMs: pick('cpuMs'), wholeMs: pick('wholeMs'), findings: samples[0].findings, maxRssMb: Math.max(...samples.map((s) => s.maxRssMb)) };
}

async function main() {
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
  let root = args[0] ? path.resolve(args[0]) : undefined;
  if (!root) {
    root = path.join(os.tmpdir(), `archlint-cache-bench-${fileCount}`);
    generateTree(root, fileCount, 1);
  }
  const cacheLocation = path.join(os.tmpdir(), `archlint-cache-bench-${process.pid}.bin`);
  const cold = [];
  const warm = [];
  const edited = [];
  // Three files in three layers; the domain one is imported across its module.
  const targets = ['src/modules/m0/domain', 'src/modules/m1/application', 'src/modules/m2/infrastructure']
    .map((dir) => path.join(root, dir))
    .filter((dir) => existsSync(dir))
    .map((dir) => path.join(dir, readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()[0]));
  for (let i = 0; i < runs; i++) {
    rmSync(cacheLocation, { force: true });
    cold.push(once(root, cacheLocation));
    warm.push(once(root, cacheLocation));
    const saved = targets.map((f) => {
      try {
        return readFileSync(f, 'utf8');
      } catch {
        return undefined;
      }
    });
    targets.forEach((f, k) => saved[k] !== undefined && writeFileSync(f, `${saved[k]}\nexport const edited${i} = ${i};\n`));
    edited.push(once(root, cacheLocation));
    targets.forEach((f, k) => saved[k] !== undefined && writeFileSync(f, saved[k]));
  }
  rmSync(cacheLocation, { force: true });
  const c = median(cold);
  const w = median(warm);
  const e = median(edited);
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}; ${root}, median of ${runs}, one thread`);
  const row = (name, r) =>
    `  ${name.padEnd(26)} in-process ${r.ms.toFixed(0).padStart(6)} ms  cpu ${r.cpuMs.toFixed(0).padStart(6)} ms  whole process ${r.wholeMs.toFixed(0).padStart(6)} ms  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB  ${r.findings} findings`;
  console.log(row('cold (no cache yet)', c));
  console.log(row('warm, nothing changed', w));
  console.log(row('warm, 3 files edited', e));
  console.log(`  warm/cold: ${(w.ms / c.ms).toFixed(2)}x in-process, ${(w.wholeMs / c.wholeMs).toFixed(2)}x whole process; edited/cold: ${(e.ms / c.ms).toFixed(2)}x in-process`);
}

await main();
