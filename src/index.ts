/** The public API of archlint: for pack authors and for tools that embed a run. */
import { RuleTester as CoreRuleTester } from './core/rule-tester.js';
import { builtinAdapters } from './sources/index.js';

export * from './core/index.js';
export type { CheckResult, RuleDescriptor, RunNotice } from './core/result.js';
export type { ConfigFile, ConfigOverride } from './config/types.js';
export type { TestCase, InvalidTestCase, ExpectedError, RuleTests } from './core/rule-tester.js';
export { ts, hasName, nodeLocation, enclosingSymbol, anchored, type CodeFile, type CodeProject, type CodeListeners } from './sources/code/index.js';
export type { OpenApiDocument, OpenApiProject } from './sources/openapi/index.js';
export { nodeLocation as graphqlLocation, type GraphQLFile, type GraphQLProject } from './sources/graphql/index.js';
export { statementLocation, type MigrationFile, type MigrationProject, type Statement } from './sources/migrations/index.js';
export { runCheck, type CheckOptions } from './check/check.js';
export { reporters, type Reporter, type ReportOptions } from './reporters/index.js';
export { configSchema } from './config/schema.js';

/** ESLint-style tester for rules of every kind; see docs/writing-rule-packs.md. */
export class RuleTester extends CoreRuleTester {
  constructor() {
    super(builtinAdapters);
  }
}
