import { definePack } from '../../src/core/index.js';
import noConsole from './no-console.js';

export default definePack({
  id: 'logging',
  description: 'Logging through the project logger, structured and without secrets.',
  rules: [noConsole],
});
