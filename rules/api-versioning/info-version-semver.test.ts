import { RuleTester } from '../../src/testing.js';
import rule from './info-version-semver.js';

const spec = (version: string | undefined) =>
  `openapi: 3.1.0\ninfo:\n  title: Orders\n${version === undefined ? '' : `  version: ${version}\n`}paths: {}\n`;

new RuleTester().run(rule, {
  valid: [
    spec('1.0.0'),
    spec('"2.13.7"'),
    spec('3.0.0-beta.1'),
    spec('1.0.0+build.5'),
    { code: spec('v1.2.3'), options: { allowLeadingV: true } },
    { code: '{"swagger": "2.0", "info": {"title": "x", "version": "0.1.0"}, "paths": {}}', filename: 'swagger.json' },
  ],
  invalid: [
    {
      code: spec('"1.0"'),
      errors: [{ messageId: 'notSemver', data: { version: '1.0' }, line: 4, column: 3, endLine: 4, endColumn: 10 }],
    },
    { code: spec('2022-11-28'), errors: [{ messageId: 'notSemver', line: 4 }] },
    { code: spec('v1.2.3'), errors: [{ messageId: 'notSemver' }] },
    { code: spec('01.2.3'), errors: [{ messageId: 'notSemver' }] },
    { code: spec('1.0.0-rc.1'), options: { allowPrerelease: false }, errors: [{ messageId: 'prerelease', data: { version: '1.0.0-rc.1' } }] },
    { code: spec(undefined), errors: [{ messageId: 'missing', line: 2, column: 1 }] },
    {
      code: '{\n  "openapi": "3.0.3",\n  "info": { "title": "x", "version": "1" },\n  "paths": {}\n}',
      filename: 'openapi.json',
      errors: [{ messageId: 'notSemver', line: 3, column: 27 }],
    },
  ],
});
