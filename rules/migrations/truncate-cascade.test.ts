import { RuleTester } from '../../src/testing.js';
import rule from './truncate-cascade.js';

new RuleTester().run(rule, {
  valid: ['TRUNCATE sessions;', 'TRUNCATE sessions, tokens RESTRICT;'],
  invalid: [{ code: 'TRUNCATE TABLE sessions, app.tokens CASCADE;', errors: [{ messageId: 'cascade', data: { tables: 'sessions, app.tokens' }, column: 1 }] }],
});
