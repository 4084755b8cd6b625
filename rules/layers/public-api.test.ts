import { RuleTester } from '../../src/testing.js';
import rule from './public-api.js';

const modules = { modules: ['src/modules/*'] };

new RuleTester().run(rule, {
  valid: [
    {
      name: 'imports through the index, and within a module',
      settings: modules,
      files: {
        'src/modules/users/index.ts': "export { User } from './domain/user';",
        'src/modules/users/domain/user.ts': "import { Email } from './email';\nexport class User { email?: Email }",
        'src/modules/users/domain/email.ts': 'export class Email {}',
        'src/modules/orders/place.ts': "import { User } from '../users';\nimport { User as U } from '../users/index';\nexport const x = [User, U];",
      },
    },
    {
      name: 'configured public files',
      settings: { modules: [{ path: 'src/modules/*', publicFiles: ['index.ts', 'api/**'] }] },
      files: {
        'src/modules/users/api/contracts.ts': 'export interface UserDto { id: string }',
        'src/app.ts': "import type { UserDto } from './modules/users/api/contracts';\nexport type X = UserDto;",
      },
    },
    {
      name: 'tests may reach internals',
      settings: modules,
      files: {
        'src/modules/users/domain/user.ts': 'export class User {}',
        'src/modules/users/domain/user.spec.ts': "import { User } from './user';",
        'test/users.test.ts': "import { User } from '../src/modules/users/domain/user';",
        'src/modules/orders/e2e/place-order.e2e.ts': "import { User } from '../../users/domain/user';",
        'test/app.e2e-spec.ts': "import { User } from '../src/modules/users/domain/user';",
      },
    },
    {
      name: 'without code.modules nothing is a module',
      files: { 'src/a/b/c.ts': 'export const c = 1;', 'src/x.ts': "import { c } from './a/b/c';" },
    },
  ],
  invalid: [
    {
      name: 'reaching into another module',
      settings: modules,
      files: {
        'src/modules/users/index.ts': "export { User } from './domain/user';",
        'src/modules/users/domain/user.ts': 'export class User {}',
        'src/modules/orders/place.ts': "import { User } from '../users/domain/user';\nexport const x = User;",
      },
      errors: [
        {
          messageId: 'moduleInternals',
          data: { target: 'src/modules/users/domain/user.ts', module: 'src/modules/users', entry: 'src/modules/users/index.* or src/modules/users/*.module.*' },
          file: 'src/modules/orders/place.ts',
          line: 1,
          column: 22,
          endColumn: 44,
        },
      ],
    },
  ],
});
