import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importBuiltinPacks } from '../rules/index.js';
import { builtinPacks, MANIFEST_FILE, packManifest, RuleRegistry } from '../src/config/registry.js';
import { REPO } from './cli-helpers.js';

describe('the built-in rules manifest', () => {
  it('describes every built-in pack as its code does (npm run build writes it)', async () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'rules', MANIFEST_FILE), 'utf8')) as unknown;
    expect(manifest).toEqual(JSON.parse(JSON.stringify((await importBuiltinPacks()).map(packManifest))));
  });

  it('gives runs the same packs, rules and doc folders as the code, before any pack is imported', async () => {
    const imported = await importBuiltinPacks();
    const described = builtinPacks();
    expect(described.map((p) => [p.id, p.docsDir, p.rules.map((r) => r.id)])).toEqual(imported.map((p) => [p.id, p.docsDir, p.rules.map((r) => r.id)]));
  });

  it('runs a built-in rule only once its pack is loaded, and loads only the packs of the kinds asked for', async () => {
    // A fresh copy of the module: the test files of a worker share loaded packs.
    vi.resetModules();
    const fresh = await import('../src/config/registry.js');
    const registry = new fresh.RuleRegistry(fresh.builtinPacks());
    const rule = registry.get('migrations/drop-table')!.rule;
    const context = { model: { statements: [] }, options: {}, settings: {}, report: () => {} } as never;
    await registry.load(['graphql']);
    expect(() => rule.create(context)).toThrow('The "migrations" pack is not loaded');
    await registry.load(['migration']);
    expect(() => rule.create(context)).not.toThrow();
  });
});
