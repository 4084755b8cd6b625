import { RuleTester } from '../../src/testing.js';
import rule from './unassigned-file.js';

const settings = { layers: [{ name: 'domain', files: 'src/domain/**' }, { name: 'application', files: 'src/application/**', dependsOn: ['domain'] }] };

new RuleTester().run(rule, {
  valid: [
    { name: 'every file in a layer, tests and entry points ignored', settings, files: { 'src/domain/a.ts': '', 'src/application/b.ts': '', 'src/main.ts': '', 'src/domain/a.test.ts': '' } },
    { name: 'files at the root need no layer', settings, files: { 'src/domain/a.ts': '', 'jest-unit-config.js': 'module.exports = {};', 'seed.ts': '' } },
    { name: 'no layers configured', files: { 'src/whatever.ts': '' } },
  ],
  invalid: [
    {
      settings,
      files: { 'src/domain/a.ts': '', 'src/utils/dates.ts': 'export const now = () => new Date();', 'src/shared/ids.ts': '' },
      errors: [
        { messageId: 'unassigned', data: { file: 'src/shared/ids.ts', layers: 'domain, application' }, file: 'src/shared/ids.ts', line: 1, column: 1 },
        { messageId: 'unassigned', file: 'src/utils/dates.ts' },
      ],
    },
  ],
});
