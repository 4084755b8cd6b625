/** The public model of the migration kind: what migration rules may import. */
export {
  statementLocation,
  type Direction,
  type MigrationFile,
  type MigrationProject,
  type MigrationSet,
  type Statement,
  type PgNode,
} from './model.js';
export { compareVersions, detectLayout, isDatedVersion, nameParts, recordedByName, setDir, versionParts, LAYOUTS, TRANSACTION_DEFAULT, type Layout } from './layout.js';
export { byVersion } from './history.js';
export * from './sql.js';
