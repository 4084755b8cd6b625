import { definePack } from '../../src/core/index.js';
import spectral from './spectral.js';
import validDocument from './valid-document.js';

export default definePack({
  id: 'openapi',
  description: 'OpenAPI and Swagger documents that tools can read: structural validation and your Spectral rulesets.',
  rules: [validDocument, spectral],
});
