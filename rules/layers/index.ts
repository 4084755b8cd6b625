import { definePack } from '../../src/core/index.js';
import allowedDependencies from './allowed-dependencies.js';
import noCycles from './no-cycles.js';
import noFrameworkInDomain from './no-framework-in-domain.js';
import publicApi from './public-api.js';
import unassignedFile from './unassigned-file.js';
import unresolvedImport from './unresolved-import.js';

export default definePack({
  id: 'layers',
  description: 'Architectural layers: allowed dependencies, no cycles, public entry points, framework-free domain, imports that resolve.',
  rules: [allowedDependencies, noCycles, noFrameworkInDomain, publicApi, unassignedFile, unresolvedImport],
});
