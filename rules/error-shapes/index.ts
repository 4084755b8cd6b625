import { definePack } from '../../src/core/index.js';
import problemJson from './problem-json.js';
import requiredResponses from './required-responses.js';
import sharedProblemSchema from './shared-problem-schema.js';

export default definePack({
  id: 'error-shapes',
  description: 'Error responses in API specs: RFC 9457 problem+json, one shared Problem schema, required statuses.',
  rules: [problemJson, sharedProblemSchema, requiredResponses],
});
