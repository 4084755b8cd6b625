/** Test helpers for rules: the RuleTester bound to the built-in source kinds. */
export { RuleTester } from './index.js';
