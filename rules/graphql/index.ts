import { definePack } from '../../src/core/index.js';
import breakingChange from './breaking-change.js';
import deprecationReason from './deprecation-reason.js';
import descriptions from './descriptions.js';
import mutationErrors from './mutation-errors.js';
import naming from './naming.js';
import validSchema from './valid-schema.js';

export default definePack({
  id: 'graphql',
  description: 'GraphQL schema conventions, deprecations and breaking changes.',
  rules: [validSchema, deprecationReason, naming, descriptions, mutationErrors, breakingChange],
});
