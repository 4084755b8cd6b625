/** The public model of the migration kind: what migration rules may import. */
export { statementLocation, type MigrationFile, type MigrationProject, type Statement, type PgNode } from './model.js';
