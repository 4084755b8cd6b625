import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPgParser, parsePgJson, PgSyntaxError } from './parser.js';

beforeAll(async () => {
  await Promise.all([loadPgParser(), loadModule()]);
});

describe('parsePgJson', () => {
  it('gives the same tree as libpg-query’s own parseSync, multi-byte text included', () => {
    const sql = [
      "CREATE TABLE \"café\" (id bigint PRIMARY KEY, note text DEFAULT 'naïve {}\"', emoji text DEFAULT '🎉');",
      'CREATE INDEX CONCURRENTLY idx ON "café" (note);',
      "INSERT INTO \"café\" (note) VALUES ('ü'), ('日本語');",
    ].join('\n');
    expect(JSON.parse(parsePgJson(sql))).toEqual(parseSync(sql));
  });

  it('reports a syntax error with the 0-based code point offset where Postgres stopped', () => {
    const sql = "SELECT 'é🎉' FROM;";
    let caught: unknown;
    try {
      parsePgJson(sql);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PgSyntaxError);
    expect((caught as PgSyntaxError).message).toBe('syntax error at or near ";"');
    // Postgres counts characters: the `;` is code point 16 (UTF-16 offset 17, byte 21).
    expect((caught as PgSyntaxError).cursorPosition).toBe(16);
  });

  it('parses input larger than the initial WASM heap, which grows on the way', () => {
    const row = "INSERT INTO t (a, b) VALUES (1, 'ééééééééééééééééééééééééééééééééééééééééééééééé');\n";
    const sql = row.repeat(60_000);
    const tree = JSON.parse(parsePgJson(sql)) as { stmts: unknown[] };
    expect(tree.stmts).toHaveLength(60_000);
    // The heap is usable afterwards.
    expect(JSON.parse(parsePgJson('SELECT 1')).stmts).toHaveLength(1);
  });
});
