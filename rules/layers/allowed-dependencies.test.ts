import { RuleTester } from '../../src/testing.js';
import rule from './allowed-dependencies.js';

const clean = {
  layers: [
    { name: 'domain', files: 'src/domain/**' },
    { name: 'application', files: 'src/application/**', dependsOn: ['domain'] },
    { name: 'infrastructure', files: 'src/infrastructure/**', dependsOn: ['application', 'domain'] },
  ],
};

new RuleTester().run(rule, {
  valid: [
    {
      name: 'inward imports and imports within a layer',
      settings: clean,
      files: {
        'src/domain/order.ts': "import { Money } from './money';\nexport class Order { total = new Money(); }",
        'src/domain/money.ts': 'export class Money {}',
        'src/application/place-order.ts': "import { Order } from '../domain/order';\nexport const place = () => new Order();",
        'src/infrastructure/repo.ts': "import { place } from '../application/place-order';\nimport { Order } from '../domain/order';\nexport { place, Order };",
      },
    },
    {
      name: 'a test builder in a mirrored domain folder may set up application objects',
      settings: { preset: 'clean' },
      files: {
        'src/Courses/application/CoursesResponse.ts': 'export class CoursesResponse {}',
        'src/Courses/domain/Course.ts': 'export class Course {}',
        'tests/Courses/domain/CoursesResponseMother.ts': "import { CoursesResponse } from '../../../src/Courses/application/CoursesResponse';\nexport const any = () => new CoursesResponse();",
        'src/Courses/domain/Course.spec.ts': "import { CoursesResponse } from '../application/CoursesResponse';\nnew CoursesResponse();",
      },
    },
    {
      name: 'no layers configured: nothing to check',
      files: { 'src/domain/a.ts': "import '../infrastructure/b';", 'src/infrastructure/b.ts': 'export {};' },
    },
    {
      name: 'type-only imports may cross when ignoreTypeImports is on',
      settings: clean,
      options: { ignoreTypeImports: true },
      files: {
        'src/domain/order.ts': "import type { Row } from '../infrastructure/row';\nexport type O = Row;",
        'src/infrastructure/row.ts': 'export interface Row { id: string }',
        'src/application/a.ts': 'export {};',
      },
    },
    {
      name: 'a layers entry without files refines the dependsOn of a preset layer',
      settings: { preset: 'clean', layers: [{ name: 'domain', dependsOn: ['shared'] }, { name: 'shared', files: 'src/shared/**' }] },
      files: {
        'src/orders/domain/order.ts': "import { id } from '../../shared/ids';\nexport const o = id;",
        'src/shared/ids.ts': 'export const id = 1;',
      },
    },
    {
      name: 'files outside every layer are free',
      settings: clean,
      files: {
        'src/main.ts': "import { Repo } from './infrastructure/repo';\nnew Repo();",
        'src/infrastructure/repo.ts': 'export class Repo {}',
        'src/domain/order.ts': 'export class Order {}',
        'src/application/a.ts': 'export {};',
      },
    },
  ],
  invalid: [
    {
      name: 'the clean preset knows useCases/ and infra/ folders',
      settings: { preset: 'clean' },
      files: {
        'src/modules/users/domain/user.ts': 'export class User {}',
        'src/modules/users/infra/http/BaseController.ts': 'export class BaseController {}',
        'src/modules/users/useCases/login/LoginController.ts': "import { BaseController } from '../../infra/http/BaseController';\nexport class LoginController extends BaseController {}",
      },
      errors: [{ messageId: 'forbidden', data: { from: 'application', to: 'infrastructure', target: 'src/modules/users/infra/http/BaseController.ts', allowed: 'domain' } }],
    },
    {
      name: 'tests are checked too once allowFiles is set without them',
      settings: { preset: 'clean' },
      options: { allowFiles: [] },
      files: {
        'src/Courses/application/CoursesResponse.ts': 'export class CoursesResponse {}',
        'src/Courses/domain/Course.ts': 'export class Course {}',
        'tests/Courses/domain/CoursesResponseMother.ts': "import { CoursesResponse } from '../../../src/Courses/application/CoursesResponse';\nexport const any = () => new CoursesResponse();",
      },
      errors: [{ messageId: 'forbidden', data: { from: 'domain', to: 'application', target: 'src/Courses/application/CoursesResponse.ts', allowed: '' }, file: 'tests/Courses/domain/CoursesResponseMother.ts' }],
    },
    {
      name: 'domain importing infrastructure, with exact location of the specifier',
      settings: clean,
      files: {
        'src/domain/order.ts': "import { Order as Base } from './base';\nimport { db } from '../infrastructure/db';\nexport class Order extends Base {}",
        'src/domain/base.ts': 'export class Order {}',
        'src/infrastructure/db.ts': 'export const db = {};',
        'src/application/x.ts': 'export {};',
      },
      errors: [
        {
          messageId: 'forbidden',
          data: { from: 'domain', to: 'infrastructure', target: 'src/infrastructure/db.ts', allowed: '' },
          file: 'src/domain/order.ts',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'application reaching infrastructure through a type-only import, an export-from and a dynamic import',
      settings: clean,
      files: {
        'src/application/use-case.ts':
          "import type { Repo } from '../infrastructure/repo';\nexport * from '../infrastructure/repo';\nexport const load = () => import('../infrastructure/repo');",
        'src/infrastructure/repo.ts': 'export class Repo {}',
        'src/domain/x.ts': 'export {};',
      },
      errors: [
        { messageId: 'forbidden', line: 1 },
        { messageId: 'forbidden', line: 2 },
        { messageId: 'forbidden', line: 3, column: 34 },
      ],
    },
    {
      name: 'preset layers',
      settings: { preset: 'hexagonal' },
      files: {
        'src/orders/domain/order.ts': "import { Port } from '../ports/port';\nexport const x = Port;",
        'src/orders/ports/port.ts': "import { Adapter } from '../adapters/adapter';\nexport const Port = Adapter;",
        'src/orders/adapters/adapter.ts': "import type { Order } from '../domain/order';\nexport const Adapter = 1;",
      },
      errors: [
        { messageId: 'forbidden', data: { from: 'domain', to: 'ports', target: 'src/orders/ports/port.ts', allowed: '' } },
        { messageId: 'forbidden', data: { from: 'ports', to: 'adapters', target: 'src/orders/adapters/adapter.ts', allowed: 'domain' } },
      ],
    },
    {
      name: 'a layer whose globs match no file, and a dependsOn naming no layer',
      settings: {
        layers: [
          { name: 'domain', files: 'src/domian/**' },
          { name: 'application', files: 'src/application/**', dependsOn: ['domain', 'shared'] },
        ],
      },
      files: { 'src/application/a.ts': 'export {};' },
      errors: [
        { messageId: 'unknownLayer', data: { layer: 'application', missing: 'shared', known: 'domain, application' }, file: 'src/application/a.ts', line: 1 },
        { messageId: 'emptyLayer', data: { layer: 'domain', globs: '"src/domian/**"' }, file: 'src/application/a.ts', line: 1 },
      ],
    },
  ],
});
