import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactKind } from '../core/kinds.js';
import type { AnyRule, PackDefinition, PackPreset, RuleSetting } from '../core/rule.js';
import { builtinDocsDir, builtinRulesDir, importBuiltinPack } from '../../rules/index.js';

export interface RegisteredRule {
  rule: AnyRule;
  pack: PackDefinition;
}

/** A rule without its code: all that config validation, presets, `rules` and `explain` read. */
export type RuleManifest = Omit<AnyRule, 'create'>;

export interface PackManifest {
  id: string;
  description?: string;
  presets?: Record<string, PackPreset>;
  rules: RuleManifest[];
}

/** The file the build writes next to the compiled built-in packs. */
export const MANIFEST_FILE = 'manifest.json';

/** What the manifest records of a pack; JSON drops the keys left undefined. */
export function packManifest(pack: PackDefinition): PackManifest {
  return {
    id: pack.id,
    description: pack.description,
    presets: pack.presets,
    rules: pack.rules.map(({ create: _create, ...rule }) => rule),
  };
}

/** The packs and rules a run knows, and the presets built from them. */
export class RuleRegistry {
  readonly rules = new Map<string, RegisteredRule>();

  constructor(
    readonly packs: readonly PackDefinition[],
    private readonly builtin: ReadonlySet<PackDefinition> = new Set(builtinPacks()),
  ) {
    for (const pack of packs) {
      for (const rule of pack.rules) {
        if (this.rules.has(rule.id)) throw new Error(`Two packs define the rule "${rule.id}".`);
        this.rules.set(rule.id, { rule, pack });
      }
    }
  }

  /** Built-in packs link their docs to archlint's repository; custom ones bring their own. */
  isBuiltin(pack: PackDefinition): boolean {
    return this.builtin.has(pack);
  }

  get(id: string): RegisteredRule | undefined {
    return this.rules.get(id);
  }

  /**
   * Imports the code of the built-in packs that check these kinds. Until then their rules are
   * described by the manifest and cannot run: a run loads the kinds it has files of first.
   */
  async load(kinds: Iterable<ArtifactKind | undefined>): Promise<void> {
    const wanted = new Set(kinds);
    const packs = this.packs.filter((pack) => this.isBuiltin(pack) && pack.rules.some((rule) => wanted.has(rule.kind)));
    await Promise.all(packs.map((pack) => loadBuiltin(pack.id)));
  }

  /**
   * `archlint:recommended`: recommended rules at their default severity. `archlint:strict`: every
   * rule, warnings raised to errors. `<pack>:<name>`: a pack's own preset, and `<pack>:recommended`
   * or `<pack>:strict` for one pack.
   */
  preset(name: string): Record<string, RuleSetting> | undefined {
    const [scope, preset] = name.split(':');
    const packs = scope === 'archlint' ? this.packs : this.packs.filter((p) => p.id === scope);
    if (packs.length === 0) return undefined;
    if (preset === 'recommended' || preset === 'strict') {
      const out: Record<string, RuleSetting> = {};
      for (const pack of packs) {
        for (const rule of pack.rules) {
          if (preset === 'recommended' && rule.meta.recommended) out[rule.id] = rule.meta.severity;
          if (preset === 'strict') out[rule.id] = 'error';
        }
      }
      return out;
    }
    return packs[0].presets?.[preset]?.rules;
  }

  presetNames(): string[] {
    const names = ['archlint:recommended', 'archlint:strict'];
    for (const pack of this.packs) {
      names.push(`${pack.id}:recommended`, `${pack.id}:strict`);
      for (const p of Object.keys(pack.presets ?? {})) names.push(`${pack.id}:${p}`);
    }
    return names;
  }
}

// Loaded code of the built-in rules, by rule id; shared by every registry (custom packs add to the built-in ones).
const implementations = new Map<string, AnyRule>();
const imports = new Map<string, Promise<void>>();
let manifest: PackManifest[] | undefined;
let packs: PackDefinition[] | undefined;

function readManifest(): PackManifest[] {
  const file = path.join(builtinRulesDir, MANIFEST_FILE);
  try {
    return (manifest ??= JSON.parse(readFileSync(file, 'utf8')) as PackManifest[]);
  } catch (error) {
    throw new Error(`Cannot read the built-in rules manifest ${file} (\`npm run build\` writes it): ${(error as Error).message}`);
  }
}

function loadBuiltin(id: string): Promise<void> {
  let pending = imports.get(id);
  if (!pending) {
    pending = importBuiltinPack(id).then((pack) => {
      const described = readManifest().find((p) => p.id === id);
      if (JSON.stringify(packManifest(pack)) !== JSON.stringify(described)) {
        throw new Error(`The built-in rules manifest does not match the "${id}" pack's code: \`npm run build\` rewrites it.`);
      }
      for (const rule of pack.rules) implementations.set(rule.id, rule);
    });
    // A failed import is retried by the next run rather than cached.
    pending.catch(() => imports.delete(id));
    imports.set(id, pending);
  }
  return pending;
}

/** A built-in rule as the manifest describes it; `create` runs the pack's code once it is loaded. */
function describedRule(pack: string, rule: RuleManifest): AnyRule {
  return {
    ...rule,
    create(context) {
      const implementation = implementations.get(rule.id);
      if (!implementation) throw new Error(`The "${pack}" pack is not loaded: RuleRegistry.load() imports it before a run.`);
      return implementation.create(context);
    },
  };
}

/** The built-in packs, from the manifest, in the order `archlint rules` lists them. */
export function builtinPacks(): readonly PackDefinition[] {
  return (packs ??= readManifest().map((pack) => ({
    ...pack,
    rules: pack.rules.map((rule) => describedRule(pack.id, rule)),
    docsDir: builtinDocsDir(pack.id),
  })));
}

let builtin: RuleRegistry | undefined;
export function builtinRegistry(): RuleRegistry {
  return (builtin ??= new RuleRegistry(builtinPacks()));
}
