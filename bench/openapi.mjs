// API packs benchmark: `archlint check` with the recommended rules of the openapi, api-versioning
// and error-shapes packs against the Spectral CLI with a ruleset extending spectral:oas, on the
// same spec, in the same run. Both are whole CLI processes (node start-up included), timed by
// wall clock; peak memory is each process's max RSS, read by a preloaded exit hook.
// Usage: npm run build && node bench/openapi.mjs [spec] [--runs 3]
//   With no spec, the largest spec under ../shared/corpus/openapi is used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;

function largestSpec(dir) {
  let best;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(json|ya?ml)$/.test(entry.name)) {
        const size = statSync(p).size;
        if (!best || size > best.size) best = { path: p, size };
      }
    }
  };
  walk(dir);
  return best?.path;
}

const spec = path.resolve(args[0] ?? largestSpec(path.resolve(repo, '../shared/corpus/openapi')) ?? '');
if (!statSync(spec, { throwIfNoEntry: false })) {
  console.error('No spec given and no corpus found: node bench/openapi.mjs <spec>');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'archlint-bench-openapi-'));
const preload = path.join(work, 'maxrss.cjs');
writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `\\nMAXRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
const ruleset = path.join(work, '.spectral.yaml');
writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
// An empty config folder, so archlint runs its recommended rules and nothing from this repository.
const cwd = path.join(work, 'cwd');
mkdirSync(cwd);

function measure(label, argv) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', preload, ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const rss = Number(/MAXRSS_KB (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  if (run.status !== 0 && run.status !== 1) {
    console.error(`${label} failed (${run.status}):\n${run.stderr.slice(0, 2000)}`);
    process.exit(2);
  }
  let findings = NaN;
  try {
    const out = JSON.parse(run.stdout);
    findings = Array.isArray(out) ? out.length : out.diagnostics.length;
  } catch {
    // keep NaN: the output format is not what was expected
  }
  return { ms, rssMB: rss / 1024, findings };
}

const archlint = [path.join(repo, 'bin/archlint.js'), 'check', spec, '--pack', 'openapi', '--pack', 'api-versioning', '--pack', 'error-shapes', '-f', 'json'];
const spectral = [path.join(repo, 'node_modules/@stoplight/spectral-cli/dist/index.js'), 'lint', '-r', ruleset, '-f', 'json', '--quiet', spec];

const results = { archlint: [], spectral: [] };
for (let i = 0; i < runs; i++) {
  results.archlint.push(measure('archlint', archlint));
  results.spectral.push(measure('spectral', spectral));
}
rmSync(work, { recursive: true, force: true });

const median = (list, key) => {
  const sorted = list.map((r) => r[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const a = { ms: median(results.archlint, 'ms'), rssMB: median(results.archlint, 'rssMB'), findings: results.archlint[0].findings };
const s = { ms: median(results.spectral, 'ms'), rssMB: median(results.spectral, 'rssMB'), findings: results.spectral[0].findings };
const summary = {
  spec: path.relative(process.cwd(), spec),
  sizeMB: +(statSync(spec).size / 1e6).toFixed(2),
  runs,
  machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`,
  archlint: { seconds: +(a.ms / 1000).toFixed(2), peakMB: Math.round(a.rssMB), findings: a.findings },
  spectral: { seconds: +(s.ms / 1000).toFixed(2), peakMB: Math.round(s.rssMB), findings: s.findings },
  ratio: +(a.ms / s.ms).toFixed(3),
};
console.log(JSON.stringify(summary, null, 2));
const outDir = path.join(here, 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'openapi.json'), `${JSON.stringify(summary, null, 2)}\n`);
if (a.ms > s.ms / 2) console.error(`archlint took ${summary.ratio}x Spectral's time; the target is at most 0.5x.`);
