import type { JSONSchema } from '../core/rule.js';
import { codeSettingsSchema } from './settings/code.js';
import { graphqlSettingsSchema } from './settings/graphql.js';
import { migrationSettingsSchema } from './settings/migrations.js';
import { openApiSettingsSchema } from './settings/openapi.js';

const severity = { type: 'string', enum: ['off', 'warn', 'error'] };

const ruleSetting = {
  description: 'off, warn or error, or [severity, options].',
  oneOf: [
    severity,
    { type: 'array', items: [severity], minItems: 1, maxItems: 1 },
    { type: 'array', items: [severity, { type: 'object' }], minItems: 2, maxItems: 2 },
  ],
};

const globs = {
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
};

const rules = {
  type: 'object',
  description: 'Rule id to severity, or [severity, options].',
  propertyNames: { pattern: '^[@a-z0-9][\\w.@-]*(/[\\w.-]+)+$' },
  additionalProperties: ruleSetting,
};

/** JSON Schema of `.architecturerc.*`; shipped as schema/architecturerc.schema.json for editors. */
export const configSchema: JSONSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/archlint/archlint/raw/main/schema/architecturerc.schema.json',
  title: 'archlint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: {
      description: 'Presets (archlint:recommended, archlint:strict, <pack>:<preset>), npm package names or relative paths.',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    packs: {
      type: 'array',
      items: { type: 'string' },
      description: 'Custom rule packs: npm package names or paths to JS/TS modules exporting definePack(), or YAML declarative packs.',
    },
    rules,
    include: { ...globs, description: 'Globs of files to check, relative to this file. Default: everything.' },
    exclude: { ...globs, description: 'Globs to skip, on top of .gitignore, node_modules and build output.' },
    base: { type: 'string', description: 'Git revision that diff rules compare against (same as --base).' },
    baseline: {
      type: 'string',
      description: 'Baseline file of accepted findings, relative to this file (default .archlint-baseline.json).',
    },
    suppressions: {
      type: 'object',
      additionalProperties: false,
      description: 'Inline suppressions: archlint-disable-next-line <rule> -- <reason>.',
      properties: {
        requireReason: { type: 'boolean', default: true, description: 'A suppression applies only with a reason after "--".' },
        report: {
          type: 'string',
          enum: ['off', 'warn', 'error'],
          default: 'warn',
          description: 'Severity of findings about unused or invalid suppressions.',
        },
      },
    },
    code: codeSettingsSchema,
    openapi: openApiSettingsSchema,
    graphql: graphqlSettingsSchema,
    migrations: migrationSettingsSchema,
    overrides: {
      type: 'array',
      description: 'Rule settings for some files only; later entries win.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { ...globs, description: 'Globs the entry applies to.' },
          excludedFiles: { ...globs, description: 'Globs the entry does not apply to.' },
          rules,
        },
      },
    },
  },
};

/** Top-level keys, for "did you mean" suggestions. */
export const configKeys = Object.keys((configSchema as { properties: object }).properties);

/**
 * What a config file is checked against: the shipped schema, with rule settings left to the
 * per-rule checks (whose messages name the rule and its own schema). The build compiles it into
 * a standalone validator, so runs do not compile it again.
 */
export const fileSchema = {
  ...configSchema,
  properties: {
    ...(configSchema.properties as object),
    rules: { type: 'object' },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          excludedFiles: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          rules: { type: 'object' },
        },
      },
    },
  },
};
