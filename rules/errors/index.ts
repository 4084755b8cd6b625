import { definePack } from '../../src/core/index.js';

export default definePack({
  id: 'errors',
  description: 'Error handling in code: Error objects, domain error bases, no swallowed catches, RFC 9457 responses.',
  rules: [],
});
