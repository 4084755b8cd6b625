import { RuleTester } from '../../src/testing.js';
import rule from './drop-database.js';

new RuleTester().run(rule, {
  valid: ['DROP TABLE sessions;', 'CREATE DATABASE analytics;'],
  invalid: [{ code: 'DROP DATABASE IF EXISTS analytics;', errors: [{ messageId: 'drop', data: { database: 'analytics' }, line: 1, column: 1 }] }],
});
