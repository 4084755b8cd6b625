import { definePack } from '../../src/core/index.js';
import approvedLogger from './approved-logger.js';
import errorObject from './error-object.js';
import noConsole from './no-console.js';
import noSensitiveData from './no-sensitive-data.js';
import structuredMessage from './structured-message.js';

export default definePack({
  id: 'logging',
  description: 'Logging through the project logger, structured and without secrets.',
  rules: [noConsole, structuredMessage, noSensitiveData, errorObject, approvedLogger],
});
