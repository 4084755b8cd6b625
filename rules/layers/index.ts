import { definePack } from '../../src/core/index.js';

export default definePack({
  id: 'layers',
  description: 'Architectural layers: allowed dependencies, no cycles, public entry points, framework-free domain.',
  rules: [],
});
