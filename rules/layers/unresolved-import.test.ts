import { RuleTester } from '../../src/testing.js';
import rule from './unresolved-import.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'files, packages and builtins all resolve',
      files: {
        'src/a.ts': "import fs from 'node:fs';\nimport express from 'express';\nimport { b } from './b';\nexport const a = [fs, express, b];",
        'src/b.ts': 'export const b = 1;',
      },
    },
    {
      name: 'generated code is ignored by the path it names',
      files: { 'libs/ui/src/button.tsx': "import { css } from '../styled-system/css';\nexport const b = css;" },
      options: { ignore: ['**/styled-system/**'] },
    },
  ],
  invalid: [
    {
      name: 'a relative import of a file that does not exist, at its specifier',
      files: {
        'src/components/index.ts': "export * from './button';\nexport * from './action-menu';",
        'src/components/button.ts': 'export const button = 1;',
      },
      errors: [
        {
          messageId: 'unresolved',
          data: { specifier: './action-menu', reason: 'no file src/components/action-menu(.ts|.js|/index.*)' },
          file: 'src/components/index.ts',
          line: 2,
          column: 15,
          endColumn: 30,
        },
      ],
    },
    {
      name: 'a path that differs only in letter case, which macOS forgives and Linux does not',
      files: {
        'src/Shared/RabbitMq/Bus.ts': 'export class Bus {}',
        'src/app.ts': "import { Bus } from './Shared/RabbitMQ/Bus';\nexport const bus = new Bus();",
      },
      errors: [{ messageId: 'letterCase', data: { specifier: './Shared/RabbitMQ/Bus', file: 'src/Shared/RabbitMq/Bus.ts' }, line: 1, column: 21 }],
    },
    {
      name: 'the ignore globs leave other imports checked',
      files: { 'src/main.ts': "import { env } from './environments/environment';\nimport { gone } from './gone';\nexport const x = [env, gone];" },
      options: { ignore: ['**/environments/*'] },
      errors: [{ messageId: 'unresolved', data: { specifier: './gone', reason: 'no file src/gone(.ts|.js|/index.*)' }, line: 2 }],
    },
  ],
});
