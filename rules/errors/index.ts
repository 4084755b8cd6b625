import { definePack } from '../../src/core/index.js';
import domainErrorBase from './domain-error-base.js';
import noGenericError from './no-generic-error.js';
import noSwallowedCatch from './no-swallowed-catch.js';
import problemDetailsResponse from './problem-details-response.js';
import throwErrorObjects from './throw-error-objects.js';

export default definePack({
  id: 'errors',
  description: 'Error handling in code: Error objects, domain error bases, no swallowed catches, RFC 9457 responses.',
  rules: [throwErrorObjects, domainErrorBase, noGenericError, noSwallowedCatch, problemDetailsResponse],
});
