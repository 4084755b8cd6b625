import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../core/text.js';
import { parseMigration } from './adapter.js';
import { compareVersions, detectLayout, nameParts, setDir } from './layout.js';

const ROOT = '/nonexistent-root';

async function parse(path: string, text: string, settings = {}) {
  return parseMigration({ path, absPath: `${ROOT}/${path}`, text }, settings, ROOT);
}

describe('layout detection', () => {
  it.each([
    ['prisma/migrations/20240101120000_init/migration.sql', 'SELECT 1;', 'prisma', { version: '20240101120000', name: 'init', role: 'up' }],
    ['db/migration/V1_2__add_users.sql', 'SELECT 1;', 'flyway', { version: '1_2', name: 'add_users', role: 'up' }],
    ['db/migration/U3__drop.sql', 'SELECT 1;', 'flyway', { version: '3', name: 'drop', role: 'down' }],
    ['db/migration/R__views.sql', 'SELECT 1;', 'flyway', { name: 'views', role: 'repeatable' }],
    ['db/migrations/000001_users.down.sql', 'SELECT 1;', 'golang-migrate', { version: '000001', name: 'users', role: 'down' }],
    ['internal/postgres/V0001.Initial_Schema.up.sql', 'SELECT 1;', 'golang-migrate', { version: '0001', name: 'Initial_Schema', role: 'up' }],
    ['db/schema/00001_users.sql', '-- +goose Up\nSELECT 1;', 'goose', { version: '00001', name: 'users', role: 'both' }],
    ['db/migrations/20240101_users.sql', '-- migrate:up\nSELECT 1;\n-- migrate:down\n', 'dbmate', { version: '20240101', role: 'both' }],
    ['supabase/migrations/20240101120000_profiles.sql', 'SELECT 1;', 'supabase', { version: '20240101120000', role: 'up' }],
    ['drizzle/0001_x.sql', 'SELECT 1;--> statement-breakpoint\nSELECT 2;', 'drizzle', { version: '0001', role: 'up' }],
    ['src/migrations/1700000000000-AddUsers.ts', 'class A implements MigrationInterface {}', 'typeorm', { version: '1700000000000', name: 'AddUsers', role: 'both' }],
    ['src/migrations/Migration20240101120000.ts', 'this.addSql("select 1")', 'mikro-orm', { version: '20240101120000', role: 'both' }],
    ['migrations/20240101120000_users.js', 'exports.up = (knex) => knex.raw("select 1")', 'knex', { version: '20240101120000', role: 'both' }],
    ['migrations/20240101120000-users.js', "exports.up = function (db) { return db.runSql('select 1'); };\nexports._meta = { version: 1 };", 'db-migrate', { version: '20240101120000', role: 'both' }],
    ['migrations/sqls/20240101120000-add-users-up.sql', 'CREATE TABLE users (id bigint);', 'db-migrate', { version: '20240101120000', name: 'add-users', role: 'up' }],
    ['migrations/sqls/20240101120000-add-users-down.sql', 'DROP TABLE users;', 'db-migrate', { version: '20240101120000', name: 'add-users', role: 'down' }],
    ['sql/migrations/003_teams.sql', 'SELECT 1;', 'plain', { version: '003', name: 'teams', role: 'up' }],
    ['migrations/001.do.users.sql', 'SELECT 1;', 'postgrator', { version: '001', name: 'users', role: 'up' }],
    ['migrations/001.undo.users.sql', 'SELECT 1;', 'postgrator', { version: '001', name: 'users', role: 'down' }],
    ['migrations/002.do.sql', 'SELECT 1;', 'postgrator', { version: '002', role: 'up' }],
    // umzug / @slonik/migrator: an ISO-like timestamp, and down migrations in a down/ folder.
    ['database/migrations/2022.10.07T13.49.19.users.sql', 'SELECT 1;', 'plain', { version: '2022.10.07T13.49.19', name: 'users', role: 'up' }],
    ['database/migrations/down/2022.10.07T13.49.19.users.sql', 'SELECT 1;', 'plain', { version: '2022.10.07T13.49.19', name: 'users', role: 'down' }],
    ['database/migrations/2022.10.07.users.sql', 'SELECT 1;', 'plain', { version: '2022.10.07', name: 'users', role: 'up' }],
    ['sql/migrations/2024_01_31_teams.sql', 'SELECT 1;', 'plain', { version: '2024_01_31', name: 'teams', role: 'up' }],
  ])('%s is %s', (path, text, layout, parts) => {
    const detected = detectLayout(path, text, ROOT);
    expect(detected).toBe(layout);
    expect(nameParts(path, detected)).toMatchObject(parts);
  });

  it('orders versions numerically, part by part', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('0010', '9')).toBe(1);
    expect(compareVersions('1_1', '1.1')).toBe(0);
    expect(compareVersions('2', '2.1')).toBe(-1);
    expect(compareVersions('2022.10.07T13.49.19', '2022.10.07T13.49.54')).toBe(-1);
    expect(compareVersions('2022.10.08T01.00.00', '2022.10.07T23.59.59')).toBe(1);
  });

  it('puts a down/ folder of plain migrations in the set of its up files', () => {
    expect(setDir('database/migrations/down/2022.10.07T13.49.19.users.sql', 'plain')).toBe('database/migrations');
    expect(setDir('database/migrations/2022.10.07T13.49.19.users.sql', 'plain')).toBe('database/migrations');
    // Only plain folders: other tools name their down files themselves.
    expect(setDir('db/down/000001_users.down.sql', 'golang-migrate')).toBe('db/down');
  });
});

describe('parsing a migration', () => {
  it('reports a syntax error at its line and column and keeps the file for history rules', async () => {
    const text = 'CREATE TABLE a (id bigint);\nALTER TABLE a ADD COLUMN b text,,;\n';
    const { model, problems } = await parse('db/migrations/0002_b.sql', text);
    expect(problems).toHaveLength(1);
    const at = problems[0].at as { offset: number };
    expect(new LineIndex(text).position(at.offset)).toEqual({ line: 2, column: 33 });
    expect(model.parsed).toBe(false);
    expect(model.version).toBe('0002');
  });

  it('says when SQL that does not parse looks written for another database', async () => {
    const mysql = await parse('migrations/001.do.users.sql', 'CREATE TABLE users (\n  id INT AUTO_INCREMENT PRIMARY KEY\n);\n');
    expect(mysql.problems[0].help).toMatch(/^This looks like MySQL: archlint reads migrations as PostgreSQL/);
    expect(mysql.problems[0].help).toContain('exclude: ["migrations/**"]');
    const sqlite = await parse('db/migrations/0001_a.sql', 'CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, b text,,);\n');
    expect(sqlite.problems[0].help).toMatch(/^This looks like SQLite/);
    // A Postgres typo keeps the engine's usual advice.
    const typo = await parse('db/migrations/0002_b.sql', 'ALTER TABLE a ADD COLUMN b text,,;\n');
    expect(typo.problems[0].help).toBeUndefined();
  });

  it('places a syntax error after multi-byte text where Postgres stopped (it counts characters, not bytes)', async () => {
    const text = "COMMENT ON TABLE a IS 'Übersicht 🎉 des données';\nALTER TABLE a ADD COLUMN b text,,;\n";
    const { problems } = await parse('db/migrations/0003_c.sql', text);
    const at = problems[0].at as { offset: number };
    expect(new LineIndex(text).position(at.offset)).toEqual({ line: 2, column: 33 });
  });

  it('splits goose files into up and down parts and honours NO TRANSACTION', async () => {
    const text = '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- +goose Down\nDROP INDEX CONCURRENTLY i;\n';
    const { model } = await parse('db/00001_i.sql', text);
    expect(model.statements.map((s) => s.type)).toEqual(['IndexStmt']);
    expect(model.down.map((s) => s.type)).toEqual(['DropStmt']);
    expect(model.inTransaction).toBe(false);
  });

  it('puts a separate down file entirely in the down part', async () => {
    const { model } = await parse('db/migrations/0001_users.down.sql', 'DROP TABLE users;');
    expect(model.statements).toEqual([]);
    expect(model.down).toHaveLength(1);
  });

  it('knows which tools wrap migrations in a transaction', async () => {
    const one = 'CREATE INDEX CONCURRENTLY i ON t (a);';
    const two = `${one}\nSELECT 1;`;
    expect((await parse('db/V1__i.sql', one)).model.inTransaction).toBe(true);
    expect((await parse('prisma/migrations/20240101000000_i/migration.sql', one)).model.inTransaction).toBe(false);
    expect((await parse('prisma/migrations/20240101000000_i/migration.sql', two)).model.inTransaction).toBe(true);
    expect((await parse('db/migrations/001_i.sql', two)).model.inTransaction).toBe(false);
    expect((await parse('db/migrations/001_i.sql', one, { assumeInTransaction: true })).model.inTransaction).toBe(true);
    expect((await parse('db/V1__i.sql', one, { layout: 'plain' })).model.inTransaction).toBe(false);
  });

  it('tracks explicit BEGIN ... COMMIT blocks', async () => {
    const { model } = await parse('db/migrations/001_x.sql', 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON a (id);');
    expect(model.statements.map((s) => s.inTransaction)).toEqual([false, true, false, false]);
  });

  it('maps character offsets past multi-byte text', async () => {
    const text = "COMMENT ON TABLE t IS 'café ☕';\nCREATE INDEX i ON t (a);";
    const { model } = await parse('db/migrations/001_x.sql', text);
    expect(text.slice(model.statements[1].offset, model.statements[1].endOffset)).toBe('CREATE INDEX i ON t (a)');
  });

  it('maps every statement of a long multi-byte file, across surrogate pairs', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `INSERT INTO villes (nom) VALUES ('Zürich 🏔 n°${i}');`);
    const text = `-- données\n${lines.join('\n')}\nCREATE INDEX villes_nom ON villes (nom);`;
    const { model } = await parse('db/migrations/001_seed.sql', text);
    expect(model.statements.map((s) => text.slice(s.offset, s.endOffset))).toEqual([...lines.map((l) => l.slice(0, -1)), 'CREATE INDEX villes_nom ON villes (nom)']);
    const index = model.statements.at(-1)!;
    const relation = (index.node.relation as { location: number }).location;
    expect(index.locate(relation, 'villes'.length)).toEqual({ offset: text.lastIndexOf('villes ('), endOffset: text.lastIndexOf('villes (') + 6 });
  });
});

describe('SQL inside TypeScript migrations', () => {
  it('extracts TypeORM template literals with positions in the .ts file', async () => {
    const text = [
      "import { MigrationInterface, QueryRunner } from 'typeorm';",
      'export class AddStatus1700000000000 implements MigrationInterface {',
      '  async up(queryRunner: QueryRunner) {',
      '    await queryRunner.query(`',
      '      ALTER TABLE "orders" ADD COLUMN "status" text`);',
      '    await queryRunner.query(`CREATE INDEX "s_idx" ON "${table}" ("status")`);',
      '  }',
      '  async down(queryRunner: QueryRunner) {',
      '    await queryRunner.query(\'DROP INDEX "s_idx"\');',
      '  }',
      '}',
    ].join('\n');
    const { model, problems } = await parse('src/migrations/1700000000000-AddStatus.ts', text);
    expect(problems).toEqual([]);
    expect(model.layout).toBe('typeorm');
    const lines = new LineIndex(text);
    const [alter, index] = model.statements;
    expect(lines.position(alter.offset)).toEqual({ line: 5, column: 7 });
    expect(text.slice(alter.offset, alter.endOffset)).toBe('ALTER TABLE "orders" ADD COLUMN "status" text');
    expect(lines.position(index.offset)).toEqual({ line: 6, column: 30 });
    expect(index.node.relation).toMatchObject({ relname: 'table' });
    expect(model.down.map((s) => s.type)).toEqual(['DropStmt']);
  });

  it('extracts MikroORM addSql, Knex raw and db-migrate runSql calls, and concatenated strings', async () => {
    const mikro = "export class Migration20240101 extends Migration {\n  async up() {\n    this.addSql('create index \"a\" on \"t\" (\"x\");');\n  }\n}";
    const { model } = await parse('src/migrations/Migration20240101.ts', mikro);
    expect(model.layout).toBe('mikro-orm');
    expect(new LineIndex(mikro).position(model.statements[0].offset)).toEqual({ line: 3, column: 18 });

    const knex = "exports.up = async function (db) {\n  await db.schema.raw('ALTER TABLE a ' + 'ADD COLUMN b text');\n  await db.raw(`DROP INDEX i`);\n};";
    const parsed = await parse('migrations/20240101_a.js', knex);
    expect(parsed.model.layout).toBe('knex');
    expect(parsed.model.statements.map((s) => s.type)).toEqual(['AlterTableStmt', 'DropStmt']);

    // db-migrate (Unleash): files like Knex's, with db.runSql(sql, callback).
    const dbMigrate = "'use strict';\nexports.up = function (db, callback) {\n  db.runSql(`CREATE INDEX i ON features (name);`, callback);\n};\nexports.down = function (db, cb) {\n  db.runSql('DROP INDEX i', cb);\n};";
    const fromDbMigrate = await parse('src/migrations/20210101120000-add-index.js', dbMigrate);
    expect(fromDbMigrate.model.layout).toBe('db-migrate');
    expect(fromDbMigrate.model.statements.map((s) => s.type)).toEqual(['IndexStmt']);
    expect(fromDbMigrate.model.down.map((s) => s.type)).toEqual(['DropStmt']);

    // Values bound to ? placeholders (an array after the SQL): Knex's ??, and its \\? for a literal ?.
    const bound = [
      'exports.up = async function (knex) {',
      "  await knex.raw('UPDATE features SET stale = ? WHERE name = ?', [true, name]);",
      "  await knex.raw('ALTER TABLE ?? ADD COLUMN x text', [table]);",
      "  await knex.raw(\"SELECT * FROM t WHERE data \\\\? 'key' AND id = ?\", [id]);",
      "  await knex.raw('DELETE FROM t WHERE id = ?', bindings);",
      "  await knex.raw('UPDATE :table: SET at = :at, note = \\'10:30\\' WHERE id = :id AND kind::text = \\'a\\'', { table, at, id });",
      '};',
    ].join('\n');
    const withBindings = await parse('migrations/20240102_bound.js', bound);
    expect(withBindings.problems).toEqual([]);
    expect(withBindings.model.statements.map((s) => s.type)).toEqual(['UpdateStmt', 'AlterTableStmt', 'SelectStmt', 'DeleteStmt', 'UpdateStmt']);
    expect(withBindings.model.statements[4].node.relation).toMatchObject({ relname: 'qtableq' });
    // No bindings, only db-migrate's callback: a ? is the jsonb operator.
    const operator = await parse('src/migrations/20240103-flags.js', "exports.up = function (db, cb) {\n  db.runSql(\"SELECT * FROM t WHERE data ? 'key'\", cb);\n};");
    expect(operator.problems).toEqual([]);
    const dbMigrateBound = "exports.up = function (db, cb) {\n  db.runSql(`INSERT INTO project_environments(project_id, environment_name) VALUES (?, ':global:')`, [id], cb);\n};";
    const insert = await parse('src/migrations/20210830113948-connect.js', dbMigrateBound);
    expect(insert.problems).toEqual([]);
    expect(insert.model.statements.map((s) => s.type)).toEqual(['InsertStmt']);
    const lines = new LineIndex(bound);
    expect(lines.position(withBindings.model.statements[0].offset)).toEqual({ line: 2, column: 19 });
  });

  it('leaves out substitutions that stand for whole statements, and reads the statements around them', async () => {
    const text = [
      'export class Migration20240205 extends Migration {',
      '  async up() {',
      '    this.addSql(`',
      '      ALTER TABLE "region" DROP CONSTRAINT IF EXISTS "fk_a";',
      '      -- built by a helper',
      '      ${alterColumnsIfExist("region", ["tax_rate"], "DROP NOT NULL")}',
      '      ALTER TABLE "region" ADD COLUMN "code" text;',
      '      ${more}',
      '    `);',
      '    this.addSql(`CREATE INDEX "i" ON "${table}" ("x");`);',
      '  }',
      '}',
    ].join('\n');
    const { model, problems } = await parse('src/migrations/Migration20240205.ts', text);
    expect(problems).toEqual([]);
    expect(model.statements.map((s) => s.type)).toEqual(['AlterTableStmt', 'AlterTableStmt', 'IndexStmt']);
    expect(text.slice(model.statements[1].offset, model.statements[1].endOffset)).toBe('ALTER TABLE "region" ADD COLUMN "code" text');
    expect(model.statements[2].node.relation).toMatchObject({ relname: 'table' });
  });

  it('reads a substitution after VALUES as rows built elsewhere (Giveth)', async () => {
    const text = [
      'export class RelateTokens1649133587608 implements MigrationInterface {',
      '  async up(queryRunner: QueryRunner): Promise<void> {',
      '    await queryRunner.query(`',
      '        INSERT INTO organization_tokens_token ("tokenId","organizationId")',
      "        VALUES ${insertTokenValues.join(',')};",
      '    `);',
      '    await queryRunner.query(`UPDATE t SET v = ${value} WHERE id IN (${ids.join(",")})`);',
      '  }',
      '}',
    ].join('\n');
    const { model, problems } = await parse('migration/1649133587608-relateTokens.ts', text);
    expect(problems).toEqual([]);
    expect(model.statements.map((s) => s.type)).toEqual(['InsertStmt', 'UpdateStmt']);
  });

  it('reports a syntax error inside a string at its place in the .ts file and keeps the other strings', async () => {
    const text = "export class A1 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query(`SELECT 1`);\n    await q.query(`ALTER TABLE t ADD COLUMN`);\n  }\n}";
    const { model, problems } = await parse('src/migrations/1-A.ts', text);
    expect(problems).toHaveLength(1);
    const at = problems[0].at as { offset: number };
    expect(new LineIndex(text).position(at.offset).line).toBe(4);
    expect(model.statements).toHaveLength(1);
  });
});
