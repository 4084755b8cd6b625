import { RuleTester } from '../../src/testing.js';
import rule from './deprecation-reason.js';

new RuleTester().run(rule, {
  valid: [
    'type User { name: String @deprecated(reason: "Use `fullName`.") fullName: String }',
    'enum Role { ADMIN GUEST @deprecated(reason: "Use VISITOR; removed after 2026-06-30.") VISITOR }',
    'type Query { users(first: Int, limit: Int @deprecated(reason: "Use `first`.")): [String] }',
    'type Query { ok: Boolean @include(if: true) }',
    'directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION',
  ],
  invalid: [
    {
      code: 'type User {\n  name: String @deprecated\n}',
      errors: [{ messageId: 'missing', data: { target: 'User.name' }, line: 2, column: 16, endLine: 2, endColumn: 27 }],
    },
    {
      code: 'type User { name: String @deprecated(reason: "  ") }',
      errors: [{ messageId: 'empty', data: { target: 'User.name' } }],
    },
    {
      code: 'enum Role { ADMIN @deprecated(reason: "No longer supported") }',
      errors: [{ messageId: 'generic', data: { target: 'Role.ADMIN', reason: 'No longer supported' } }],
    },
    {
      code: 'type Query { users(limit: Int @deprecated): [String] }',
      errors: [{ messageId: 'missing', data: { target: 'Query.users(limit)' } }],
    },
    {
      code: 'extend type User { nick: String @deprecated }\ninput Filter { old: String @deprecated }',
      errors: [
        { messageId: 'missing', data: { target: 'User.nick' }, line: 1 },
        { messageId: 'missing', data: { target: 'Filter.old' }, line: 2 },
      ],
    },
  ],
});
