import { Ajv } from 'ajv';
import path from 'node:path';
import { describeAjvError } from '../core/options.js';
import type { AnyRule, PackDefinition, RuleMeta } from '../core/rule.js';
import { forbiddenCall, forbiddenImport, requiredFile, type DeclaredRule } from './code.js';
import { forbiddenSql, spectralFunctionNames, spectralRule, type SpectralThen } from './specs.js';

const globs = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] };
const common = {
  name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
  description: { type: 'string', minLength: 1 },
  severity: { enum: ['warn', 'error'] },
  recommended: { type: 'boolean' },
  tags: { type: 'array', items: { type: 'string' } },
  message: { type: 'string' },
  help: { type: 'string' },
  docs: { type: 'string' },
};

function ruleShape(type: string, properties: Record<string, unknown>, required: string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'type', 'description', ...required],
    properties: { ...common, type: { const: type }, ...properties },
  };
}

/** JSON Schema of a declarative pack file (YAML or JSON). */
export const declarativePackSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'rules'],
  properties: {
    id: { type: 'string', pattern: '^[@a-z0-9][\\w.@/-]*$' },
    description: { type: 'string' },
    docsUrl: { type: 'string' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: ['forbidden-import', 'forbidden-call', 'required-file', 'forbidden-sql', 'openapi'] } },
        allOf: [
          { if: { properties: { type: { const: 'forbidden-import' } } }, then: ruleShape('forbidden-import', { from: globs, forbid: globs }, ['from', 'forbid']) },
          { if: { properties: { type: { const: 'forbidden-call' } } }, then: ruleShape('forbidden-call', { callees: globs, files: globs }, ['callees']) },
          { if: { properties: { type: { const: 'required-file' } } }, then: ruleShape('required-file', { folders: globs, require: globs }, ['folders', 'require']) },
          {
            if: { properties: { type: { const: 'forbidden-sql' } } },
            then: ruleShape('forbidden-sql', { statements: { type: 'array', items: { type: 'string' } }, pattern: { type: 'string' }, flags: { type: 'string', pattern: '^[imsu]*$' } }, []),
          },
          {
            if: { properties: { type: { const: 'openapi' } } },
            then: ruleShape(
              'openapi',
              {
                given: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
                then: {
                  oneOf: [
                    { $ref: '#/definitions/then' },
                    { type: 'array', items: { $ref: '#/definitions/then' }, minItems: 1 },
                  ],
                },
              },
              ['given', 'then'],
            ),
          },
        ],
      },
    },
  },
  definitions: {
    then: {
      type: 'object',
      additionalProperties: false,
      required: ['function'],
      properties: { field: { type: 'string' }, function: { type: 'string' }, functionOptions: { type: 'object' } },
    },
  },
};

const validate = new Ajv({ allErrors: false, strict: false }).compile(declarativePackSchema);

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

interface RawRule {
  name: string;
  type: string;
  description: string;
  severity?: 'warn' | 'error';
  recommended?: boolean;
  tags?: string[];
  message?: string;
  help?: string;
  docs?: string;
  [key: string]: unknown;
}

/**
 * Rules as data: a YAML pack of forbidden imports, forbidden calls, required files, forbidden
 * SQL and Spectral-format OpenAPI rules, each compiled to an ordinary rule.
 */
export function declarativePack(data: unknown, file: string, fail: (problem: string) => Error): PackDefinition {
  if (!validate(data)) {
    const e = validate.errors![0];
    throw fail(`is not a valid declarative pack at ${e.instancePath || '(root)'}: ${describeAjvError(e)}`);
  }
  const raw = data as { id: string; description?: string; docsUrl?: string; rules: RawRule[] };
  const seen = new Set<string>();
  const rules: AnyRule[] = raw.rules.map((r) => {
    const id = `${raw.id}/${r.name}`;
    if (seen.has(id)) throw fail(`defines the rule "${id}" twice`);
    seen.add(id);
    const meta: RuleMeta = {
      description: r.description,
      severity: r.severity ?? 'error',
      recommended: r.recommended ?? true,
      tags: r.tags ?? ['declarative'],
      ...(r.docs ? { docs: r.docs } : {}),
    };
    const declared: DeclaredRule = { id, meta, message: r.message, help: r.help };
    switch (r.type) {
      case 'forbidden-import':
        return forbiddenImport(declared, list(r.from as string | string[])!, list(r.forbid as string | string[])!);
      case 'forbidden-call':
        return forbiddenCall(declared, list(r.callees as string | string[])!, list(r.files as string | string[] | undefined));
      case 'required-file':
        return requiredFile(declared, list(r.folders as string | string[])!, list(r.require as string | string[])!);
      case 'forbidden-sql': {
        let pattern: RegExp | undefined;
        if (typeof r.pattern === 'string') {
          try {
            pattern = new RegExp(r.pattern, (r.flags as string | undefined) ?? 'i');
          } catch (error) {
            throw fail(`rule "${r.name}": pattern is not a regular expression: ${(error as Error).message}`);
          }
        }
        const statements = (r.statements as string[] | undefined) ?? [];
        if (statements.length === 0 && !pattern) throw fail(`rule "${r.name}": give statements, a pattern, or both`);
        return forbiddenSql(declared, statements, pattern);
      }
      default: {
        const thens = (Array.isArray(r.then) ? r.then : [r.then]) as SpectralThen[];
        const known = spectralFunctionNames();
        for (const t of thens) {
          if (!known.includes(t.function)) throw fail(`rule "${r.name}": unknown Spectral function "${t.function}" (one of ${known.join(', ')})`);
        }
        return spectralRule(declared, r.given as string | string[], r.then as SpectralThen | SpectralThen[]);
      }
    }
  });
  return {
    id: raw.id,
    description: raw.description,
    rules,
    docsUrl: raw.docsUrl,
    docsDir: path.dirname(file),
  };
}
