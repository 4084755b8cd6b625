import { RuleTester } from '../../src/testing.js';
import rule from './no-console.js';

new RuleTester().run(rule, {
  valid: [
    'logger.info({ orderId }, "order placed");',
    'const console = createLogger(); console.log("x");',
    'function run(console: Logger) { console.info("x"); }',
    { code: 'console.log("seeding");', filename: 'scripts/seed.ts' },
    { code: 'console.log("seeded users");', filename: 'database/seed.ts' },
    { code: 'console.log("seeded users");', filename: 'prisma/seeds/users.ts' },
    { code: 'console.warn("seeding skipped");', filename: 'db/seed/index.ts' },
    // The project's logger writes to the console: medusa's logger.ts, ever-gauzy's agent-logger.ts, novu's logging/.
    { code: 'export const logger = { warn: (msg: string) => console.warn(msg) };', filename: 'packages/admin/src/logger.ts' },
    { code: 'export class AgentLogger { info(m: string) { console.log(m); } }', filename: 'apps/agent/src/main/agent-logger.ts' },
    { code: 'export class AppLogger { info(m: string) { console.log(m); } }', filename: 'src/AppLogger.ts' },
    { code: 'console.log(JSON.stringify(entry));', filename: 'libs/shared/src/logging/index.ts' },
    { code: 'export const log = (m: string) => console.log(m);', filename: 'src/shared/app.logger.ts' },
    { code: 'console.error("replace failed");', filename: '.install-scripts/helpers/replace.ts' },
    { code: 'console.log("checking the alterations");', filename: '.scripts/check-alterations-sequence.js' },
    { code: 'console.warn("no API URL set");', filename: 'apps/web/next.config.js' },
    { code: 'console.log("1. Withdraw");', filename: 'src/apps/bank/console/atm/AtmCLI.ts' },
    { code: 'console.log(usage);', filename: 'packages/tools/src/admin-cli.ts' },
    { code: 'console.log("published");', filename: 'src/shared/infrastructure/event-bus/rabbitmq/demos/publisher/queues.ts' },
    { code: 'console.log(config.entry);', filename: 'apps/api/config/custom-webpack.config.js' },
    { code: 'console.log("database ready");', filename: 'apps/nestjs-backend/vitest-e2e.setup.ts' },
    { code: 'console.log("server up");', filename: 'integration-tests/environment-helpers/setup-server.js' },
    { code: 'console.log(output);', filename: 'test/generators/helpers/exec.ts' },
    // Unleash: a git hook, the Cypress config and tests, the test runner's global setup, a Storybook story.
    { code: 'console.error("Could not list the directory.");', filename: '.husky/update-openapi-spec-list.js' },
    { code: 'console.log("cypress ready");', filename: 'frontend/cypress.config.ts' },
    { code: 'console.log(token);', filename: 'frontend/cypress/support/commands.ts' },
    { code: 'console.log(token);', filename: 'frontend/src/login.cy.ts' },
    { code: 'console.log("database ready");', filename: 'src/test-setup.ts' },
    { code: 'console.log("database ready");', filename: 'apps/api/src/test-setup.ts' },
    { code: 'console.log(apiKey);', filename: 'frontend/src/component/GenerateApiKey/GenerateApiKey.story.tsx' },
    { code: 'console.log(args);', filename: 'src/components/Button.stories.tsx' },
    // trigger.dev: a command-line package, seed scripts, a package of compatibility tests.
    { code: 'console.log("deployed");', filename: 'packages/cli-v3/src/commands/deploy.ts' },
    { code: 'console.log(usage);', filename: 'packages/admin-cli/src/index.ts' },
    { code: 'console.log("seeded spans");', filename: 'apps/webapp/seed-ai-spans.mts' },
    { code: 'console.log("seeded");', filename: 'apps/api/src/seed_users.ts' },
    { code: 'console.log("seeded");', filename: 'src/database/users.seed.ts' },
    { code: 'console.log(res.body);', filename: 'apps/api/api-tests/orders.ts' },
    { code: 'console.log(result);', filename: 'internal-packages/sdk-compat-tests/src/run.ts' },
    // A data migration run once by an operator (novu keeps them in apps/api/migrations/).
    { code: 'console.log("migrated", count);', filename: 'migrations/expire-at/expire-at.migration.ts' },
    // TypeORM's default folder (Giveth's impact-graph).
    { code: 'console.log("filled related addresses");', filename: 'migration/1654415838996-fillRelatedAddressesFromProjectsTable.ts' },
    // The script that runs the migrations (domain-driven-hexagon's database/migrate.ts).
    { code: 'console.log("migrations applied");', filename: 'database/migrate.ts' },
    { code: 'console.log(res.body);', filename: 'src/app/auth/e2e/login.e2e.ts' },
    { code: 'console.log(res.body);', filename: 'test/app.e2e-spec.ts' },
    { code: 'console.log(res.body);', filename: 'src/orders/orders.e2e-spec.ts' },
    { code: 'console.error("boom");', options: { allow: ['error'] } },
    { code: 'console.log("cli output");', filename: 'tools/print.ts', options: { allowFiles: ['tools/**'] } },
    'console.log;',
  ],
  invalid: [
    {
      name: 'a client class or a climate model is not a CLI',
      code: 'export class HttpClient { get() { console.log("get"); } }\nexport const climate = () => console.log("warm");',
      filename: 'src/infrastructure/HttpClient.ts',
      errors: 2,
    },
    {
      name: 'nor is a file whose name merely ends in cli',
      code: 'console.log("x");',
      filename: 'src/domain/Publicli.ts',
      errors: 1,
    },
    {
      name: 'a client module is not a command-line package',
      code: 'console.log("x");',
      filename: 'src/clients/climate-client.ts',
      errors: 1,
    },
    {
      name: 'nor are files that merely start with seed or end with tests',
      code: 'console.log("x");',
      filename: 'src/seeding/seedling.ts',
      errors: 1,
    },
    {
      name: 'an A/B test feature and a random seed helper are service code',
      code: 'console.log("x");',
      filename: 'src/features/ab-tests/random-seed.ts',
      errors: 1,
    },
    {
      name: 'a module about tests or stories is service code',
      code: 'console.log("x");',
      filename: 'src/story-service/setup-testsuite.ts',
      errors: 1,
    },
    {
      name: "the application's own config modules are service code",
      code: 'export default () => { console.log("loading plugins"); return {}; };',
      filename: 'apps/api/src/plugin.config.ts',
      errors: 1,
    },
    {
      name: 'a Blogger entity is not a logger',
      code: 'export class Blogger { publish() { console.log("published"); } }',
      filename: 'src/blog/domain/Blogger.ts',
      errors: [{ messageId: 'console', data: { method: 'log' }, line: 1 }],
    },
    {
      code: 'export function pay() {\n  console.log("paid");\n}',
      errors: [{ messageId: 'console', data: { method: 'log' }, line: 2, column: 3, endLine: 2, endColumn: 14 }],
    },
    {
      code: 'console["warn"]("x"); console.table(rows);',
      errors: [
        { messageId: 'console', data: { method: 'warn' }, line: 1, column: 1 },
        { messageId: 'console', data: { method: 'table' }, line: 1, column: 23 },
      ],
    },
    {
      name: 'allow-list covers only the listed methods',
      code: 'console.error("a"); console.debug("b");',
      options: { allow: ['error'] },
      errors: [{ messageId: 'console', data: { method: 'debug' }, column: 21 }],
    },
    { code: 'const x = () => console.info("x");', filename: 'src/app.mjs', errors: 1 },
    {
      name: 'a name spelled with a unicode escape is still console',
      code: 'cons\\u006Fle.log("x");',
      errors: [{ messageId: 'console', data: { method: 'log' }, line: 1, column: 1 }],
    },
  ],
});
