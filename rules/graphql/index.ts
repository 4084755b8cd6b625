import { definePack } from '../../src/core/index.js';
import deprecationReason from './deprecation-reason.js';

export default definePack({
  id: 'graphql',
  description: 'GraphQL schema conventions, deprecations and breaking changes.',
  rules: [deprecationReason],
});
