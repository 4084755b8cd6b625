import { RuleTester } from '../../src/testing.js';
import rule from './spectral.js';

const spec = "openapi: 3.0.3\ninfo:\n  title: t\n  version: 1.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n";

new RuleTester().run(rule, {
  valid: [
    { name: 'no rulesets configured: nothing runs', code: spec },
    { name: 'info-level results are below the default threshold', code: spec, settings: { spectral: ['spectral:oas'] }, options: { minSeverity: 'error' } },
  ],
  invalid: [
    {
      name: 'spectral:oas runs as it is and its results keep their rule code and location',
      code: spec,
      settings: { spectral: ['spectral:oas'] },
      errors: [
        { messageId: 'result', message: /\(spectral warn: oas3-api-servers\)$/, line: 1, column: 1 },
        { messageId: 'result', message: /\(spectral warn: info-description\)$/, line: 2, column: 6 },
        { messageId: 'result', message: /\(spectral warn: info-contact\)$/, line: 2, column: 6 },
        { messageId: 'result', message: /\(spectral warn: operation-description\)$/, line: 7 },
        { messageId: 'result', message: /\(spectral warn: operation-operationId\)$/, line: 7 },
        { messageId: 'result', message: /\(spectral warn: operation-tags\)$/, line: 7 },
      ],
    },
    {
      name: 'a ruleset that cannot be loaded is one finding, not a crash',
      code: spec,
      settings: { spectral: ['does-not-exist.spectral.yaml'] },
      errors: [{ messageId: 'rulesetError', message: /Could not load the Spectral ruleset "does-not-exist.spectral.yaml"/ }],
    },
  ],
});
