import { matchesAny } from '../core/glob.js';
import type { ActiveRules } from '../core/engine.js';
import { activeRules, mergeRuleEntries } from './load.js';
import type { RuleRegistry } from './registry.js';
import type { ResolvedConfig, RuleEntry } from './types.js';

/**
 * Rules in force per file. Files matching the same overrides share one map, so a large run
 * computes a handful of maps, not one per file. `narrow` (the `--rule`/`--pack` selection) is
 * applied to each of those maps once.
 */
export function ruleResolver(config: ResolvedConfig, registry: RuleRegistry, narrow?: (rules: ActiveRules) => ActiveRules): (file: string) => ActiveRules {
  // Without overrides every file has the same rules: no map of tens of thousands of paths.
  if (config.overrides.length === 0) {
    let rules: ActiveRules | undefined;
    return () => (rules ??= narrowed(activeRules(entriesFor(config, []), registry), narrow));
  }
  const cache = new Map<string, ActiveRules>();
  // Asked for the same file many times (once per file, then per project finding and rule).
  const byFile = new Map<string, ActiveRules>();
  return (file) => {
    let rules = byFile.get(file);
    if (rules) return rules;
    const matching = matchingOverrides(config, file);
    const key = matching.join(',');
    rules = cache.get(key);
    if (!rules) cache.set(key, (rules = narrowed(activeRules(entriesFor(config, matching), registry), narrow)));
    byFile.set(file, rules);
    return rules;
  };
}

function narrowed(rules: ActiveRules, narrow: ((rules: ActiveRules) => ActiveRules) | undefined): ActiveRules {
  return narrow ? narrow(rules) : rules;
}

/** Indexes of the overrides that apply to a file, in order. */
function matchingOverrides(config: ResolvedConfig, file: string): number[] {
  return config.overrides
    .map((o, i) => (matchesAny(file, o.files) && !matchesAny(file, o.excludedFiles) ? i : -1))
    .filter((i) => i >= 0);
}

function entriesFor(config: ResolvedConfig, overrideIndexes: number[]): Map<string, RuleEntry> {
  const entries = new Map(config.rules);
  for (const i of overrideIndexes) mergeRuleEntries(entries, config.overrides[i].rules);
  return entries;
}

/** The config that applies to one file, as `--print-config` shows it. */
export function configForFile(config: ResolvedConfig, file: string) {
  const matching = matchingOverrides(config, file);
  const entries = entriesFor(config, matching);
  const rules: Record<string, unknown> = {};
  for (const id of [...entries.keys()].sort()) {
    const e = entries.get(id)!;
    rules[id] = e.options ? [e.severity, e.options] : e.severity;
  }
  return {
    file,
    configFile: config.filepath ?? null,
    extends: config.extends,
    overrides: matching,
    rules,
    code: config.settings.code,
    openapi: config.settings.openapi,
    graphql: config.settings.graphql,
    migrations: config.settings.migration,
  };
}
