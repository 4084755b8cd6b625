// Pre-commit scenario: a synthetic repository (the code benchmark's generator) under git, three
// files changed and staged, and `archlint check --staged` timed against a full `archlint check`
// of the same repository, and `--staged --cache` with the cache an earlier run (before the change)
// left. Whole CLI processes, wall time and max RSS, medians of --runs.
// Usage: npm run build && node bench/precommit.mjs [--files 2000] [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './code-tree.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const files = option('--files', 2000);
const runs = option('--runs', 3);

const dir = path.join(os.tmpdir(), `archlint-precommit-bench-${files}`);
generateTree(dir, files, 7);
const git = (...a) => execFileSync('git', a, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } });
git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'synthetic');
const tracked = execFileSync('git', ['ls-files', '*.ts'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean);

const preload = path.join(os.tmpdir(), 'archlint-bench-maxrss.cjs');
writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `\\nMAXRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");

// The cache as an earlier run left it, before the change being committed.
const cacheFile = path.join(os.tmpdir(), `archlint-precommit-bench-${files}.cache`);
const cacheBefore = `${cacheFile}.before`;
rmSync(cacheFile, { force: true });
spawnSync(process.execPath, [path.join(repo, 'bin/archlint.js'), 'check', '--cache', '--cache-location', cacheFile, '-f', 'json'], { cwd: dir, maxBuffer: 1 << 28 });
copyFileSync(cacheFile, cacheBefore);

for (const file of [tracked[1], tracked[Math.floor(tracked.length / 2)], tracked[tracked.length - 2]]) {
  writeFileSync(path.join(dir, file), `${readFileSync(path.join(dir, file), 'utf8')}\nexport const touched = 1;\n`);
  git('add', file);
}

function measure(argv) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    copyFileSync(cacheBefore, cacheFile);
    const started = performance.now();
    const out = spawnSync(process.execPath, ['--require', preload, path.join(repo, 'bin/archlint.js'), ...argv, '-f', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = performance.now() - started;
    if (out.status === 2) throw new Error(out.stderr);
    const rss = Number(/MAXRSS_KB (\d+)/.exec(out.stderr)?.[1] ?? 0) / 1024;
    samples.push({ ms, rss, findings: JSON.parse(out.stdout).diagnostics.length });
  }
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)];
}

const staged = measure(['check', '--staged']);
const cached = measure(['check', '--staged', '--cache', '--cache-location', cacheFile]);
const full = measure(['check']);
rmSync(cacheFile, { force: true });
rmSync(cacheBefore, { force: true });
console.log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(1)}; ${tracked.length} files, 3 staged, median of ${runs}`);
console.log(`  check --staged  ${staged.ms.toFixed(0).padStart(7)} ms  peak RSS ${staged.rss.toFixed(0).padStart(5)} MB  ${staged.findings} findings`);
console.log(`  --staged --cache ${cached.ms.toFixed(0).padStart(6)} ms  peak RSS ${cached.rss.toFixed(0).padStart(5)} MB  ${cached.findings} findings  (cache from before the change)`);
console.log(`  full check      ${full.ms.toFixed(0).padStart(7)} ms  peak RSS ${full.rss.toFixed(0).padStart(5)} MB  ${full.findings} findings`);
console.log(`  ratio: ${(staged.ms / full.ms).toFixed(2)}x of a full run; with the cache ${(cached.ms / full.ms).toFixed(2)}x`);
