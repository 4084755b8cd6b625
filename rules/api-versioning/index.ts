import { definePack } from '../../src/core/index.js';
import breakingChange from './breaking-change.js';
import deprecateBeforeRemove from './deprecate-before-remove.js';
import infoVersionSemver from './info-version-semver.js';
import sunset from './sunset.js';
import versionScheme from './version-scheme.js';

export default definePack({
  id: 'api-versioning',
  description: 'API versions that clients can rely on: semantic versions, one scheme, no silent breaking changes.',
  rules: [infoVersionSemver, versionScheme, breakingChange, deprecateBeforeRemove, sunset],
});
