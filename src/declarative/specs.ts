import * as functions from '@stoplight/spectral-functions';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { defineRule, type AnyRule } from '../core/index.js';
import { statementLocation } from '../sources/migrations/index.js';
import type { DeclaredRule } from './code.js';

/** Migration statements of the given parse-node types, or whose text matches a pattern. */
export function forbiddenSql(rule: DeclaredRule, statements: string[], pattern: RegExp | undefined): AnyRule {
  return defineRule({
    id: rule.id,
    kind: 'migration',
    scope: 'file',
    meta: rule.meta,
    messages: { forbidden: rule.message ?? 'This {{statement}} statement is not allowed in migrations.' },
    create(context) {
      for (const statement of context.model.statements) {
        const byType = statements.length === 0 || statements.includes(statement.type);
        const byText = !pattern || pattern.test(statement.text);
        if (!byType || !byText) continue;
        context.report({
          messageId: 'forbidden',
          data: { statement: statement.type.replace(/Stmt$/, '') },
          at: statementLocation(statement),
          anchor: statement.text,
          help: rule.help,
        });
      }
    },
  });
}

export interface SpectralThen {
  field?: string;
  function: string;
  functionOptions?: Record<string, unknown>;
}

const FUNCTIONS = functions as unknown as Record<string, unknown>;

export function spectralFunctionNames(): string[] {
  return Object.keys(FUNCTIONS).filter((k) => typeof FUNCTIONS[k] === 'function');
}

/** A Spectral-format rule (`given` JSONPath, `then` function) run through Spectral itself. */
export function spectralRule(rule: DeclaredRule, given: string | string[], then: SpectralThen | SpectralThen[]): AnyRule {
  const thens = Array.isArray(then) ? then : [then];
  const name = rule.id.slice(rule.id.indexOf('/') + 1);
  const definition = {
    rules: {
      [name]: {
        given,
        severity: rule.meta.severity,
        ...(rule.message ? { message: rule.message } : {}),
        then: thens.map((t) => ({ ...t, function: FUNCTIONS[t.function] })),
      },
    },
  };
  let ruleset: Ruleset | undefined;
  return defineRule({
    id: rule.id,
    kind: 'openapi',
    scope: 'file',
    meta: rule.meta,
    messages: { spectral: '{{message}}' },
    async create(context) {
      ruleset ??= new Ruleset(definition as unknown as RulesetDefinition);
      // Loaded on use: most runs have no Spectral-format rules.
      const { runSpectral } = await import('../sources/openapi/spectral.js');
      for (const finding of await runSpectral(context.model, ruleset, context.root)) {
        context.report({ messageId: 'spectral', data: { message: finding.message }, at: finding.at, anchor: finding.path, help: rule.help });
      }
    },
  });
}
