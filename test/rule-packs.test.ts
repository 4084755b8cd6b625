import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBuiltinPacks } from '../rules/index.js';
import { REPO } from './cli-helpers.js';

const builtinPacks = await importBuiltinPacks();
const RULES_DIR = path.join(REPO, 'rules');
const packDirs = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Modules in a pack folder that are rules (their default export is a rule definition). */
async function ruleModules(pack: string): Promise<{ file: string; id: string }[]> {
  const out: { file: string; id: string }[] = [];
  for (const file of readdirSync(path.join(RULES_DIR, pack)).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.endsWith('.d.ts') || file === 'index.ts') continue;
    const mod = (await import(pathToFileURL(path.join(RULES_DIR, pack, file)).href)) as { default?: { id?: unknown; create?: unknown } };
    if (mod.default && typeof mod.default.id === 'string' && typeof mod.default.create === 'function') {
      out.push({ file, id: mod.default.id });
    }
  }
  return out;
}

describe('rule packs stay in step with their files and docs', () => {
  it('docs/rules.md lists every rule (npm run build writes it)', () => {
    const index = readFileSync(path.join(REPO, 'docs/rules.md'), 'utf8');
    for (const pack of builtinPacks) for (const rule of pack.rules) expect(index, rule.id).toContain(`[${rule.id}](../rules/${rule.id}.md)`);
  });

  it('every pack folder is a registered pack, and every registered pack has a folder', () => {
    expect(builtinPacks.map((p) => p.id).sort()).toEqual(packDirs);
  });

  describe.each(packDirs)('pack %s', (pack) => {
    const registered = builtinPacks.find((p) => p.id === pack)!;

    it('lists every rule file in its index, and nothing else', async () => {
      const files = await ruleModules(pack);
      expect(registered.rules.map((r) => r.id).sort()).toEqual(files.map((f) => f.id).sort());
    });

    it('names each rule <pack>/<file name> and ships its test and doc page', async () => {
      for (const { file, id } of await ruleModules(pack)) {
        const name = file.replace(/\.ts$/, '');
        expect(id).toBe(`${pack}/${name}`);
        expect(existsSync(path.join(RULES_DIR, pack, `${name}.test.ts`)), `${id} has no test`).toBe(true);
        const doc = path.join(RULES_DIR, pack, `${name}.md`);
        expect(existsSync(doc), `${id} has no doc page`).toBe(true);
        const text = readFileSync(doc, 'utf8');
        expect(text.startsWith(`# ${id}\n`), `${id}: the doc page starts with "# ${id}"`).toBe(true);
        for (const section of ['## What it catches', '## Why', '## How to fix', '## Options']) {
          expect(text, `${id} doc lacks "${section}"`).toContain(section);
        }
      }
    });

    it('gives each rule a description, a severity, message templates and a valid options default', () => {
      for (const rule of registered.rules) {
        expect(rule.meta.description.length, rule.id).toBeGreaterThan(10);
        expect(['warn', 'error']).toContain(rule.meta.severity);
        expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
        expect(rule.kind).toMatch(/^(code|openapi|graphql|migration)$/);
      }
    });
  });
});
