// Verdicts side by side: archlint's migrations rules and Squawk's equivalents, both told that every
// migration runs in a transaction (archlint: migrations.assumeInTransaction, Squawk:
// --assume-in-transaction), on the corpus migration folders and the migration fixtures.
// Prints the counts per rule pair, then each file where the two disagree for a pair.
// Usage: npm run build && node bench/migrations-squawk.mjs [folder...] [--no-assume]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationFolders } from './corpus.mjs';
import { SQUAWK_RULES } from '../dist/src/sources/migrations/squawk.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const assume = !args.includes('--no-assume');
const given = args.filter((a) => !a.startsWith('--'));
const corpus = path.join(repo, '../shared/corpus/sql');
const squawk = path.join(repo, 'node_modules/@squawk-cli/linux-x64/bin/squawk');
const cli = path.join(repo, 'bin/archlint.js');

// archlint rule -> the Squawk rules that judge the same thing: the pairs that let squawk-ignore
// comments suppress archlint findings, read the other way round. constraint-missing-not-valid is
// compared as a group below.
const PAIRS = { 'constraint-not-valid': [], 'exclusion-constraint': [] };
for (const [theirs, ours] of Object.entries(SQUAWK_RULES)) {
  if (theirs === 'constraint-missing-not-valid' || theirs === 'prefer-big-int') continue;
  for (const id of ours) (PAIRS[id.slice('migrations/'.length)] ??= []).push(theirs);
}
// Squawk's constraint-missing-not-valid covers every added constraint (and repeats what its
// FOREIGN KEY and UNIQUE rules say); archlint splits them by kind, each with its own fix.
const GROUPS = [
  ...Object.entries(PAIRS).map(([rule, theirs]) => ({ name: rule, archlint: [rule], squawk: theirs })),
  {
    name: 'constraints (every kind)',
    archlint: ['constraint-not-valid', 'foreign-key-not-valid', 'unique-constraint-via-index', 'primary-key-via-index', 'exclusion-constraint'],
    squawk: ['constraint-missing-not-valid'],
  },
];

function sqlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sqlFiles(full));
    else if (entry.endsWith('.sql') && entry !== 'seed.sql') out.push(full);
  }
  return out;
}

const folders = given.length
  ? given.map((g) => path.resolve(g))
  : [
      ...migrationFolders(corpus),
      ...readdirSync(path.join(repo, 'fixtures'))
        .filter((f) => f.startsWith('migrations-'))
        .map((f) => path.join(repo, 'fixtures', f)),
    ];

// One copy under a config of our own, so that each folder's own config (layout, dirs) does not
// change what the two tools are asked to judge.
const temp = mkdtempSync(path.join(os.tmpdir(), 'archlint-squawk-'));
const counts = new Map(GROUPS.map((g) => [g.name, { archlint: 0, squawk: 0 }]));
const disagreements = new Map(); // group -> [file: archlint vs squawk]
const unpaired = new Map();
const paired = new Set(GROUPS.flatMap((g) => g.squawk));
try {
  writeFileSync(path.join(temp, '.architecturerc.json'), JSON.stringify({ extends: [], migrations: { assumeInTransaction: assume } }));
  const rules = Object.keys(PAIRS).flatMap((r) => ['--rule', `migrations/${r}`]);
  for (const [i, folder] of folders.entries()) {
    const target = path.join(temp, String(i).padStart(2, '0'), path.basename(folder));
    cpSync(folder, target, { recursive: true, filter: (src) => !path.basename(src).startsWith('.architecturerc') });
    const files = sqlFiles(target);
    if (files.length === 0) continue;
    const ours = JSON.parse(spawnSync(process.execPath, [cli, 'check', ...files, ...rules, '-f', 'json'], { cwd: temp, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
    const theirs = JSON.parse(
      spawnSync(squawk, ['--reporter', 'json', ...(assume ? ['--assume-in-transaction'] : []), ...files], { cwd: temp, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout,
    );
    const perFile = new Map(); // `${group}\0${file}` -> { archlint, squawk }
    const bump = (rule, file, who) => {
      for (const group of GROUPS) {
        if (!group[who].includes(rule)) continue;
        const key = `${group.name}\0${file}`;
        const c = perFile.get(key) ?? { archlint: 0, squawk: 0 };
        c[who]++;
        perFile.set(key, c);
        counts.get(group.name)[who]++;
      }
    };
    for (const d of ours.diagnostics) {
      if (d.ruleId.startsWith('migrations/')) bump(d.ruleId.slice('migrations/'.length), d.file, 'archlint');
    }
    for (const d of theirs) {
      if (!paired.has(d.rule_name)) unpaired.set(d.rule_name, (unpaired.get(d.rule_name) ?? 0) + 1);
      else bump(d.rule_name, path.relative(temp, path.resolve(temp, d.file)).split(path.sep).join('/'), 'squawk');
    }
    for (const [key, c] of perFile) {
      if (c.archlint === c.squawk) continue;
      const [group, file] = key.split('\0');
      const list = disagreements.get(group) ?? [];
      const label = path.relative(path.dirname(path.dirname(folder)), folder).split(path.sep).join('/');
      list.push(`${label}/${file.split('/').slice(2).join('/')}: archlint ${c.archlint}, squawk ${c.squawk}`);
      disagreements.set(group, list);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

console.log(`${folders.length} folders, squawk ${assume ? 'with' : 'without'} --assume-in-transaction, archlint assumeInTransaction: ${assume}\n`);
console.log(`${'archlint rule'.padEnd(34)} ${'archlint'.padStart(8)} ${'squawk'.padStart(8)}  squawk rules`);
for (const group of GROUPS) {
  const c = counts.get(group.name);
  console.log(`${group.name.padEnd(34)} ${String(c.archlint).padStart(8)} ${String(c.squawk).padStart(8)}  ${group.squawk.join(', ') || '-'}`);
}
for (const [name, n] of unpaired) console.log(`${'-'.padEnd(34)} ${''.padStart(8)} ${String(n).padStart(8)}  ${name}`);
for (const [pair, list] of disagreements) {
  console.log(`\n${pair}: ${list.length} file(s) differ`);
  for (const line of list.slice(0, 15)) console.log(`  ${line}`);
  if (list.length > 15) console.log(`  ... ${list.length - 15} more`);
}
