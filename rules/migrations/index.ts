import { definePack } from '../../src/core/index.js';
import banChar from './ban-char.js';
import columnTypeChange from './column-type-change.js';
import concurrentIndexInTransaction from './concurrent-index-in-transaction.js';
import constraintNotValid from './constraint-not-valid.js';
import dropColumn from './drop-column.js';
import dropDatabase from './drop-database.js';
import dropNotNull from './drop-not-null.js';
import dropTable from './drop-table.js';
import duplicateVersion from './duplicate-version.js';
import editedAfterMerge from './edited-after-merge.js';
import exclusionConstraint from './exclusion-constraint.js';
import foreignKeyNotValid from './foreign-key-not-valid.js';
import identifierTooLong from './identifier-too-long.js';
import missingDown from './missing-down.js';
import naming from './naming.js';
import outOfOrder from './out-of-order.js';
import preferBigint from './prefer-bigint.js';
import preferIdentity from './prefer-identity.js';
import preferText from './prefer-text.js';
import preferTimestamptz from './prefer-timestamptz.js';
import primaryKeyViaIndex from './primary-key-via-index.js';
import renameColumn from './rename-column.js';
import renameTable from './rename-table.js';
import requireConcurrentIndex from './require-concurrent-index.js';
import requireConcurrentIndexDrop from './require-concurrent-index-drop.js';
import requireLockTimeout from './require-lock-timeout.js';
import requiredColumnWithoutDefault from './required-column-without-default.js';
import robustStatements from './robust-statements.js';
import setNotNull from './set-not-null.js';
import transactionNesting from './transaction-nesting.js';
import truncateCascade from './truncate-cascade.js';
import uniqueConstraintViaIndex from './unique-constraint-via-index.js';
import volatileDefault from './volatile-default.js';

export default definePack({
  id: 'migrations',
  description: 'Postgres migrations that do not lock production, lose data or rewrite history.',
  rules: [
    banChar,
    columnTypeChange,
    concurrentIndexInTransaction,
    constraintNotValid,
    dropColumn,
    dropDatabase,
    dropNotNull,
    dropTable,
    duplicateVersion,
    editedAfterMerge,
    exclusionConstraint,
    foreignKeyNotValid,
    identifierTooLong,
    missingDown,
    naming,
    outOfOrder,
    preferBigint,
    preferIdentity,
    preferText,
    preferTimestamptz,
    primaryKeyViaIndex,
    renameColumn,
    renameTable,
    requireConcurrentIndex,
    requireConcurrentIndexDrop,
    requireLockTimeout,
    requiredColumnWithoutDefault,
    robustStatements,
    setNotNull,
    transactionNesting,
    truncateCascade,
    uniqueConstraintViaIndex,
    volatileDefault,
  ],
});
