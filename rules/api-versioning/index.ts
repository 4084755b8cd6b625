import { definePack } from '../../src/core/index.js';
import infoVersionSemver from './info-version-semver.js';

export default definePack({
  id: 'api-versioning',
  description: 'API versions that clients can rely on: semantic versions, one scheme, no silent breaking changes.',
  rules: [infoVersionSemver],
});
