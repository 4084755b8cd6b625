import type { ArtifactKind } from '../core/kinds.js';
import type { RuleRegistry } from './registry.js';
import type { RuleSetting } from '../core/rule.js';
import type { CodeSettings } from './settings/code.js';
import type { GraphQLSettings } from './settings/graphql.js';
import type { MigrationSettings } from './settings/migrations.js';
import type { OpenApiSettings } from './settings/openapi.js';

/** A config file as written. */
export interface ConfigFile {
  $schema?: string;
  extends?: string | string[];
  /** Custom rule packs: npm package names or paths (JS/TS modules, or YAML declarative packs). */
  packs?: string[];
  rules?: Record<string, RuleSetting>;
  include?: string | string[];
  exclude?: string | string[];
  base?: string;
  baseline?: string;
  suppressions?: SuppressionSettings;
  code?: CodeSettings;
  openapi?: OpenApiSettings;
  graphql?: GraphQLSettings;
  migrations?: MigrationSettings;
  overrides?: ConfigOverride[];
}

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSetting>;
}

export interface SuppressionSettings {
  requireReason?: boolean;
  report?: 'off' | 'warn' | 'error';
}

/** A rule's setting together with the file it came from, for error messages. */
export interface RuleEntry {
  severity: 'off' | 'warn' | 'error';
  options?: Record<string, unknown>;
  source: string;
}

export interface KindSettingsMap {
  code: CodeSettings;
  openapi: OpenApiSettings;
  graphql: GraphQLSettings;
  migration: MigrationSettings;
}

/** The config after `extends` and validation; still independent of any particular file. */
export interface ResolvedConfig {
  /** The config file, or undefined when running on defaults. */
  filepath?: string;
  /** Folder globs are relative to: the config file's, or the working directory. */
  root: string;
  extends: string[];
  rules: Map<string, RuleEntry>;
  include: string[];
  exclude: string[];
  base?: string;
  /** Absolute path of the baseline file (it may not exist). */
  baseline: string;
  suppressions: Required<SuppressionSettings>;
  settings: KindSettingsMap;
  overrides: { files: string[]; excludedFiles: string[]; rules: Map<string, RuleEntry> }[];
  /** Built-in packs plus the custom packs the config loads. */
  registry: RuleRegistry;
}

export const SETTINGS_KEY: Record<ArtifactKind, 'code' | 'openapi' | 'graphql' | 'migrations'> = {
  code: 'code',
  openapi: 'openapi',
  graphql: 'graphql',
  migration: 'migrations',
};
