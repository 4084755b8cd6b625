import type { AnyRule, PackDefinition, RuleSetting } from '../core/rule.js';
import { builtinPacks } from '../../rules/index.js';

export interface RegisteredRule {
  rule: AnyRule;
  pack: PackDefinition;
}

/** The packs and rules a run knows, and the presets built from them. */
export class RuleRegistry {
  readonly rules = new Map<string, RegisteredRule>();

  constructor(
    readonly packs: readonly PackDefinition[],
    private readonly builtin: ReadonlySet<PackDefinition> = new Set(builtinPacks),
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

let builtin: RuleRegistry | undefined;
export function builtinRegistry(): RuleRegistry {
  return (builtin ??= new RuleRegistry(builtinPacks));
}
