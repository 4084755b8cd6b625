import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { anchored, enclosingSymbol, hasName, nodeLocation, ts } from '../../src/sources/code/index.js';

// Every node these listeners act on names `console`, unless it is spelled with escapes. A module
// constant, so every file's walk reuses one anchor search (see `anchored`).
const NEAR_CONSOLE: readonly string[] = ['console', '\\u'];

const CONSOLE_METHODS = new Set([
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group',
  'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog', 'count', 'countReset', 'assert',
]);

export default defineRule({
  id: 'logging/no-console',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'Disallow console.* calls in service code; log through the project logger.',
    severity: 'warn',
    recommended: true,
    tags: ['logging', 'observability'],
  },
  messages: {
    console: 'Unexpected console.{{method}}(): service code logs through the project logger.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: { type: 'array', items: { type: 'string' }, description: 'console methods that are allowed, e.g. ["error"].' },
        allowFiles: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of files where console is fine: scripts, CLIs, seeds.',
        },
      },
    },
    defaults: {
      allow: [] as string[],
      allowFiles: [
        '**/scripts/**',
        '**/.scripts/**',
        // Git hooks (husky) run on the developer's machine.
        '**/.husky/**',
        '**/*-scripts/**',
        '**/bin/**',
        '**/cli/**',
        // Command-line packages: cli-v3/, medusa-cli/, admin-cli/.
        '**/cli-*/**',
        '**/*-cli/**',
        // Command-line entry files: cli.ts, admin-cli.ts, AtmCLI.ts.
        '**/cli.*',
        '**/*[-_.]cli.*',
        '**/*CLI.*',
        '**/*Cli.*',
        // Runnable demos and examples beside the code, not part of the service.
        '**/demo/**',
        '**/demos/**',
        '**/example/**',
        '**/examples/**',
        '**/seed.*',
        // seed-all.ts, seed_users.ts, users.seed.ts; not random-seed.ts.
        '**/seed[-_]*',
        '**/*.seed.*',
        '**/seed/**',
        '**/seeds/**',
        '**/seeders/**',
        '**/migrate.*',
        '**/migrations/**',
        // TypeORM's default folder (src/migration).
        '**/migration/**',
        // Build and test tool configs, run by the tool at build time: next.config.js, webpack.config.js.
        '**/*webpack.config.*',
        '**/{next,vite,vitest,jest,playwright,cypress,rollup,tsup}.config.*',
        // logger.ts, agent-logger.ts, AppLogger.ts; not Blogger.ts.
        '**/logger.*',
        '**/*[-_.]logger.*',
        '**/*Logger.*',
        '**/logger/**',
        '**/loggers/**',
        '**/logging/**',
        ...TEST_FILES,
      ],
    },
  },
  create(context) {
    if (matchesAny(context.file, context.options.allowFiles)) return;
    // Without the name `console`, no walk is needed.
    if (!hasName(context.model, 'console')) return;
    const allowed = new Set(context.options.allow);
    let shadowed = false;
    const reports: ts.CallExpression[] = [];
    const methodOf = (callee: ts.Expression): string | undefined => {
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console') {
        return callee.name.text;
      }
      if (
        ts.isElementAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'console' &&
        ts.isStringLiteralLike(callee.argumentExpression)
      ) {
        return callee.argumentExpression.text;
      }
      return undefined;
    };
    return {
      // A file that declares its own `console` (an injected logger) is not using the global one.
      VariableDeclaration: anchored(NEAR_CONSOLE, (node: ts.VariableDeclaration) => {
        if (ts.isIdentifier(node.name) && node.name.text === 'console') shadowed = true;
      }),
      Parameter: anchored(NEAR_CONSOLE, (node: ts.ParameterDeclaration) => {
        if (ts.isIdentifier(node.name) && node.name.text === 'console') shadowed = true;
      }),
      ImportSpecifier: anchored(NEAR_CONSOLE, (node: ts.ImportSpecifier) => {
        if (node.name.text === 'console') shadowed = true;
      }),
      CallExpression: anchored(NEAR_CONSOLE, (node: ts.CallExpression) => {
        const method = methodOf(node.expression);
        if (method && CONSOLE_METHODS.has(method) && !allowed.has(method)) reports.push(node);
      }),
      'File:exit'() {
        if (shadowed) return;
        for (const call of reports) {
          const method = methodOf(call.expression)!;
          context.report({
            messageId: 'console',
            data: { method },
            at: nodeLocation(call.expression, context.model),
            anchor: `${enclosingSymbol(call)}:${call.getText(context.model.ast)}`,
            help: 'Use the service logger (pino, winston, NestJS Logger) so the line is structured, levelled and shipped; or add this file to `allowFiles` if it is a script.',
          });
        }
      },
    };
  },
});
