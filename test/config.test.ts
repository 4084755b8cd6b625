import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/errors.js';
import { loadConfig, SEARCH_PLACES } from '../src/config/load.js';
import { configForFile, ruleResolver } from '../src/config/resolve.js';
import { builtinRegistry } from '../src/config/registry.js';
import { tempProject } from './cli-helpers.js';

const YAML_CONFIG = 'rules:\n  logging/no-console: error\n';
const JSON_CONFIG = '{ "rules": { "logging/no-console": "error" } }';
const JS_CONFIG = 'export default { rules: { "logging/no-console": "error" } };\n';
const CJS_CONFIG = 'module.exports = { rules: { "logging/no-console": "error" } };\n';
const TS_CONFIG =
  'import type { ConfigFile } from "archlint";\nconst severity: "error" = "error";\nexport default { rules: { "logging/no-console": severity } } satisfies ConfigFile;\n';

const CONTENT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'x', architecture: { rules: { 'logging/no-console': 'error' } } }),
  '.architecturerc': YAML_CONFIG,
  '.architecturerc.json': JSON_CONFIG,
  '.architecturerc.yaml': YAML_CONFIG,
  '.architecturerc.yml': YAML_CONFIG,
  '.architecturerc.js': JS_CONFIG,
  '.architecturerc.cjs': CJS_CONFIG,
  '.architecturerc.mjs': JS_CONFIG,
  '.architecturerc.ts': TS_CONFIG,
  'architecture.config.js': JS_CONFIG,
  'architecture.config.cjs': CJS_CONFIG,
  'architecture.config.mjs': JS_CONFIG,
  'architecture.config.ts': TS_CONFIG,
};

async function load(files: Record<string, string>, from = '.') {
  const dir = tempProject(files);
  return { dir, config: await loadConfig({ searchFrom: path.join(dir, from), cwd: dir }) };
}

async function configError(files: Record<string, string>): Promise<ConfigError> {
  try {
    await load(files);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config search', () => {
  it.each(SEARCH_PLACES)('finds %s', async (place) => {
    const { dir, config } = await load({ [place]: CONTENT[place] });
    expect(config.filepath).toBe(path.join(dir, place));
    expect(config.rules.get('logging/no-console')?.severity).toBe('error');
  });

  it('searches upward from the starting folder, and globs are relative to the config', async () => {
    const { dir, config } = await load({ '.architecturerc.yaml': YAML_CONFIG, 'packages/api/src/a.ts': '' }, 'packages/api/src');
    expect(config.filepath).toBe(path.join(dir, '.architecturerc.yaml'));
    expect(config.root).toBe(dir);
  });

  it('without a config, runs archlint:recommended from the working folder', async () => {
    const { dir, config } = await load({ 'src/a.ts': '' });
    expect(config.filepath).toBeUndefined();
    expect(config.root).toBe(dir);
    expect(config.extends).toEqual(['archlint:recommended']);
    expect(config.rules.get('logging/no-console')?.severity).toBe('warn');
  });

  it('takes an explicit --config path', async () => {
    const dir = tempProject({ 'configs/arch.yaml': 'rules:\n  graphql/deprecation-reason: error\n' });
    const config = await loadConfig({ configPath: 'configs/arch.yaml', searchFrom: dir, cwd: dir });
    expect(config.rules.get('graphql/deprecation-reason')?.severity).toBe('error');
    await expect(loadConfig({ configPath: 'missing.yaml', searchFrom: dir, cwd: dir })).rejects.toThrow(/does not exist/);
  });
});

describe('extends', () => {
  it('applies presets, then the file, keeping preset options when only the severity changes', async () => {
    const { config } = await load({
      '.architecturerc.yaml': 'extends: [archlint:recommended, ./base.yaml]\nrules:\n  logging/no-console: error\n',
      'base.yaml': 'rules:\n  logging/no-console: [warn, { allow: [error] }]\n',
    });
    expect(config.extends).toEqual(['archlint:recommended']);
    expect(config.rules.get('logging/no-console')).toMatchObject({ severity: 'error', options: { allow: ['error'] } });
    expect(config.rules.get('migrations/require-concurrent-index')?.severity).toBe('error');
  });

  it('archlint:strict turns every rule on at error', async () => {
    const { config } = await load({ '.architecturerc.yaml': 'extends: archlint:strict\n' });
    const all = [...builtinRegistry().rules.keys()];
    expect(all.every((id) => config.rules.get(id)?.severity === 'error')).toBe(true);
  });

  it('resolves an npm package name from the config folder', async () => {
    const { config } = await load({
      '.architecturerc.yaml': 'extends: "@acme/archlint-config"\n',
      'node_modules/@acme/archlint-config/package.json': JSON.stringify({ name: '@acme/archlint-config', main: 'index.json' }),
      'node_modules/@acme/archlint-config/index.json': JSON.stringify({ rules: { 'graphql/deprecation-reason': 'error' } }),
    });
    expect(config.rules.get('graphql/deprecation-reason')?.severity).toBe('error');
  });

  it('reports unknown presets, missing files and packages, and cycles', async () => {
    expect((await configError({ '.architecturerc.yaml': 'extends: archlint:recomended\n' })).message).toMatch(
      /extends: unknown preset "archlint:recomended" \(did you mean "archlint:recommended"\?\)/,
    );
    expect((await configError({ '.architecturerc.yaml': 'extends: [./nope.yaml]\n' })).message).toMatch(/extends\[0\]: "\.\/nope\.yaml" does not exist/);
    expect((await configError({ '.architecturerc.yaml': 'extends: not-installed-pkg\n' })).message).toMatch(/cannot find the package "not-installed-pkg"/);
    expect(
      (await configError({ '.architecturerc.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: ./.architecturerc.yaml\n' })).message,
    ).toMatch(/extends itself/);
  });
});

describe('validation', () => {
  it('names the file, the key path and what was expected', async () => {
    const typo = await configError({ '.architecturerc.yaml': 'migrations:\n  postgresVersoin: 15\n' });
    expect(typo.file).toMatch(/\.architecturerc\.yaml$/);
    expect(typo.keyPath).toBe('migrations.postgresVersoin');
    expect(typo.problem).toBe('unknown key "postgresVersoin" (did you mean "postgresVersion"?)');

    const type = await configError({ '.architecturerc.yaml': 'migrations:\n  postgresVersion: fifteen\n' });
    expect(type.keyPath).toBe('migrations.postgresVersion');
    expect(type.problem).toBe('expected integer');

    const globs = await configError({ '.architecturerc.yaml': 'include: 3\n' });
    expect(globs.keyPath).toBe('include');
    expect(globs.problem).toMatch(/glob/);

    const override = await configError({ '.architecturerc.yaml': 'overrides:\n  - rules: {}\n' });
    expect(override.keyPath).toBe('overrides[0]');
    expect(override.problem).toBe('missing required key "files"');
  });

  it('checks rule settings and options against the rule schema', async () => {
    const severity = await configError({ '.architecturerc.yaml': 'rules:\n  logging/no-console: warning\n' });
    expect(severity.keyPath).toBe('rules["logging/no-console"]');
    expect(severity.problem).toMatch(/expected "off", "warn" or "error"/);

    const option = await configError({ '.architecturerc.yaml': 'rules:\n  logging/no-console: [warn, { alow: [] }]\n' });
    expect(option.keyPath).toBe('rules["logging/no-console"][1]');
    expect(option.problem).toBe('unknown key "alow" (options of logging/no-console)');

    const nested = await configError({ '.architecturerc.yaml': 'overrides:\n  - files: x\n    rules:\n      logging/no-console: [warn, { allow: [1] }]\n' });
    expect(nested.keyPath).toBe('overrides[0].rules["logging/no-console"][1].allow[0]');
    expect(nested.problem).toBe('expected string (options of logging/no-console)');

    const noOptions = await configError({ '.architecturerc.yaml': 'rules:\n  graphql/deprecation-reason: [warn, { x: 1 }]\n' });
    expect(noOptions.problem).toMatch(/takes no options/);
  });

  it('reports unreadable files', async () => {
    const bad = await configError({ '.architecturerc.yaml': 'rules: [\n' });
    expect(bad.message).toMatch(/\.architecturerc\.yaml: cannot be read/);
    expect((await configError({ '.architecturerc.json': '[1, 2]' })).problem).toBe('expected an object of settings');
    // JSON syntax errors are placed by line and column, not only by character offset.
    const json = await configError({ '.architecturerc.json': '{\n  "rules": {\n    "logging/no-console": "warn",\n  }\n}\n' });
    expect(json.message).toMatch(/\.architecturerc\.json: cannot be read: JSON Error in .*\(line 4, column 3\)/);
    const yaml = await configError({ '.architecturerc.yaml': 'rules:\n  a: 1\n  a: 2\n' });
    expect(yaml.message).toMatch(/\.architecturerc\.yaml: cannot be read: YAML Error in .*line 3/);
  });

  it('reads YAML merge keys', async () => {
    const { config } = await load({
      '.architecturerc.yaml': [
        'rules:',
        '  logging/no-console: error',
        'overrides:',
        '  - files: "a/**"',
        '    rules: &quiet',
        '      logging/no-console: off',
        '  - files: "b/**"',
        '    rules:',
        '      <<: *quiet',
        '      errors/no-generic-error: warn',
        '',
      ].join('\n'),
    });
    const rulesFor = ruleResolver(config, builtinRegistry());
    expect(rulesFor('src/x.ts').get('logging/no-console')?.severity).toBe('error');
    expect(rulesFor('b/x.ts').has('logging/no-console')).toBe(false);
    expect(rulesFor('b/x.ts').get('errors/no-generic-error')?.severity).toBe('warn');
  });
});

describe('overrides', () => {
  it('apply per file, later entries winning, excludedFiles respected', async () => {
    const { config } = await load({
      '.architecturerc.yaml': [
        'rules:',
        '  logging/no-console: error',
        'overrides:',
        '  - files: ["scripts/**"]',
        '    excludedFiles: ["scripts/keep/**"]',
        '    rules:',
        '      logging/no-console: off',
        '  - files: "scripts/loud.ts"',
        '    rules:',
        '      logging/no-console: warn',
        '',
      ].join('\n'),
    });
    const rulesFor = ruleResolver(config, builtinRegistry());
    expect(rulesFor('src/a.ts').get('logging/no-console')?.severity).toBe('error');
    expect(rulesFor('scripts/seed.ts').has('logging/no-console')).toBe(false);
    expect(rulesFor('scripts/keep/x.ts').get('logging/no-console')?.severity).toBe('error');
    expect(rulesFor('scripts/loud.ts').get('logging/no-console')?.severity).toBe('warn');
    expect(configForFile(config, 'scripts/loud.ts').overrides).toEqual([0, 1]);
    // Same overrides, same map: the resolver does not rebuild rule maps per file.
    expect(rulesFor('src/a.ts')).toBe(rulesFor('src/b.ts'));
  });
});

describe('the shipped JSON Schema', () => {
  it('is the schema the loader validates with', async () => {
    const { configSchema } = await import('../src/config/schema.js');
    const { readFileSync } = await import('node:fs');
    const shipped = JSON.parse(readFileSync(new URL('../schema/architecturerc.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });

  it('accepts the documented example config', async () => {
    const dir = tempProject({});
    mkdirSync(path.join(dir, 'x'), { recursive: true });
    const { readFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, '.architecturerc.yaml'), readFileSync(new URL('../.architecturerc.example.yaml', import.meta.url), 'utf8'));
    const config = await loadConfig({ searchFrom: dir, cwd: dir });
    expect(config.filepath).toBe(path.join(dir, '.architecturerc.yaml'));
  });
});
