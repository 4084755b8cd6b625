import { defineRule, matchesAny } from '../../src/core/index.js';
import { anchored, layerOf, layersOf, nodeLocation, packageNameOf, ts } from '../../src/sources/code/index.js';

// Module constants, so every file's walk reuses one anchor search (see `anchored`).
const LOAD_CALL_ANCHORS: readonly string[] = ['import', 'require', '\\u'];

/** Packages that tie code to a delivery mechanism or a technology, by category (for the message). */
const DEFAULT_DENY: Record<string, string[]> = {
  'web framework': ['express', 'koa', '@koa/*', 'koa-*', 'fastify', '@fastify/*', 'hapi', '@hapi/*', '@nestjs/*', 'restify', 'hono', 'next', 'apollo-server*', '@apollo/server', 'graphql-yoga', 'type-graphql', 'routing-controllers'],
  ORM: ['typeorm', '@mikro-orm/*', 'sequelize', 'sequelize-typescript', 'prisma', '@prisma/client', 'drizzle-orm', 'objection', 'bookshelf', 'knex', 'kysely', 'mongoose', '@typegoose/*'],
  'database driver': ['pg', 'pg-promise', 'postgres', 'mysql', 'mysql2', 'mongodb', 'redis', 'ioredis', 'better-sqlite3', 'sqlite3', 'oracledb', 'mssql', 'tedious', 'cassandra-driver', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  'HTTP client': ['axios', 'node-fetch', 'got', 'superagent', 'undici', 'ky', 'request', 'cross-fetch', 'isomorphic-fetch'],
  logger: ['pino', 'pino-*', 'winston', 'bunyan', 'log4js', 'loglevel', 'signale', 'nestjs-pino', 'consola'],
  'message broker': ['kafkajs', 'amqplib', 'amqp-connection-manager', 'bullmq', 'bull', '@aws-sdk/client-sqs', '@aws-sdk/client-sns', 'nats', '@google-cloud/pubsub'],
};

export default defineRule({
  id: 'layers/no-framework-in-domain',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'Keep the domain layer free of web frameworks, ORMs, database drivers, HTTP clients and loggers.',
    severity: 'error',
    recommended: true,
    tags: ['architecture', 'layers', 'ddd'],
  },
  messages: {
    denied: 'Layer "{{layer}}" may not import the {{category}} "{{package}}".',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        layers: { type: 'array', items: { type: 'string' }, description: 'Names of the layers that must stay framework-free.' },
        deny: { type: 'array', items: { type: 'string' }, description: 'More packages (names or globs such as "@acme/http-*") the layers may not import.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Packages (names or globs) allowed even though the defaults deny them.' },
        useDefaults: { type: 'boolean', description: 'Deny the built-in list of frameworks, ORMs, drivers, HTTP clients, loggers and brokers.' },
      },
    },
    defaults: {
      layers: ['domain', 'core', 'domain-model', 'domain-services'] as string[],
      deny: [] as string[],
      allow: [] as string[],
      useDefaults: true,
    },
  },
  create(context) {
    const layer = layerOf(context.file, layersOf(context.settings ?? {}));
    if (!layer || !context.options.layers.includes(layer.name)) return;
    const categoryOf = deniedCategory(context.options);
    const check = (literal: ts.Expression | undefined, typeOnly: boolean) => {
      if (!literal || !ts.isStringLiteralLike(literal) || typeOnly) return;
      const specifier = literal.text;
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return;
      const name = specifier.startsWith('node:') ? specifier : packageNameOf(specifier);
      const category = categoryOf(name, specifier);
      if (!category) return;
      context.report({
        messageId: 'denied',
        data: { layer: layer.name, category, package: name },
        at: nodeLocation(literal, context.model),
        anchor: `${layer.name}:${specifier}`,
        help: `Declare what "${layer.name}" needs as an interface (a port) in "${layer.name}" and implement it with ${name} in an outer layer.`,
      });
    };
    return {
      ImportDeclaration(node) {
        const clause = node.importClause;
        // Types from a framework still couple the model to it, but they do not load it; only
        // `import type` of a whole declaration is let through, as it is written on purpose.
        check(node.moduleSpecifier, !!clause?.isTypeOnly);
      },
      ExportDeclaration(node) {
        check(node.moduleSpecifier, node.isTypeOnly);
      },
      ImportEqualsDeclaration(node) {
        if (ts.isExternalModuleReference(node.moduleReference)) check(node.moduleReference.expression, node.isTypeOnly);
      },
      // `import()` and `require()`; `require` may be spelled with escapes.
      CallExpression: anchored(LOAD_CALL_ANCHORS, (node: ts.CallExpression) => {
        const callee = node.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) check(node.arguments[0], false);
      }),
    };
  },
});

interface DenyOptions {
  deny: string[];
  allow: string[];
  useDefaults: boolean;
}

// Rules are created per file while their options live for the run: one verdict per specifier and options.
const judges = new WeakMap<DenyOptions, (name: string, specifier: string) => string | undefined>();

/** The category a package falls in when the options deny it, else undefined. */
function deniedCategory(options: DenyOptions): (name: string, specifier: string) => string | undefined {
  let judge = judges.get(options);
  if (judge) return judge;
  const categories: [string, string[]][] = [...(options.useDefaults ? Object.entries(DEFAULT_DENY) : []), ['package', options.deny]];
  const verdicts = new Map<string, string | null>();
  judge = (name, specifier) => {
    let verdict = verdicts.get(specifier);
    if (verdict === undefined) {
      verdict =
        matchesAny(name, options.allow) || matchesAny(specifier, options.allow)
          ? null
          : (categories.find(([, globs]) => matchesAny(name, globs) || matchesAny(specifier, globs))?.[0] ?? null);
      verdicts.set(specifier, verdict);
    }
    return verdict ?? undefined;
  };
  judges.set(options, judge);
  return judge;
}
