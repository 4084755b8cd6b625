import { definePack } from '../../src/core/index.js';

export default definePack({
  id: 'error-shapes',
  description: 'Error responses in API specs: RFC 9457 problem+json, one shared Problem schema, required statuses.',
  rules: [],
});
