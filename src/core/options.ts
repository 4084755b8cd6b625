import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { AnyRule } from './rule.js';

// Loaded on first use: a run whose config sets no rule options never needs Ajv (~40 ms to load).
const require = createRequire(import.meta.url);
let ajv: Ajv | undefined;
function compiler(): Ajv {
  return (ajv ??= new (require('ajv') as typeof import('ajv')).Ajv({ allErrors: true, strict: false, useDefaults: false }));
}
const compiled = new WeakMap<AnyRule, ValidateFunction>();

export interface OptionProblem {
  /** Path inside the options object, e.g. `/allow/0`. */
  path: string;
  message: string;
}

/** Validates user options of a rule against its schema. */
export function validateRuleOptions(rule: AnyRule, options: unknown): OptionProblem[] {
  if (!rule.options) {
    const empty = options === undefined || (typeof options === 'object' && options !== null && Object.keys(options).length === 0);
    return empty ? [] : [{ path: '', message: 'this rule takes no options' }];
  }
  let validate = compiled.get(rule);
  if (!validate) {
    validate = compiler().compile(rule.options.schema);
    compiled.set(rule, validate);
  }
  if (validate(options ?? {})) return [];
  return (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: describeAjvError(e) }));
}

/** One sentence per Ajv error that says what was expected. */
export function describeAjvError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(p.additionalProperty)}"`;
    case 'type':
      return `expected ${String(p.type)}`;
    case 'enum':
      return `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `missing required key "${String(p.missingProperty)}"`;
    case 'const':
      return `expected ${JSON.stringify(p.allowedValue)}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** User options over the rule's defaults; one level deep, as rule options are flat records. */
export function mergeOptions(rule: AnyRule, options: Record<string, unknown> | undefined): unknown {
  if (!rule.options) return {};
  return { ...(rule.options.defaults as Record<string, unknown>), ...(options ?? {}) };
}
