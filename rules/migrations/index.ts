import { definePack } from '../../src/core/index.js';
import requireConcurrentIndex from './require-concurrent-index.js';

export default definePack({
  id: 'migrations',
  description: 'Postgres migrations that do not lock production, lose data or rewrite history.',
  rules: [requireConcurrentIndex],
});
