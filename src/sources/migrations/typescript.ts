import type { ts as TS } from 'ts-morph';
import type { Direction } from './model.js';
import type { Layout } from './layout.js';

// TypeScript's compiler is large: load it only when a run has a TypeScript migration.
let ts: typeof TS;
let loading: Promise<void> | undefined;
export function loadTypeScript(): Promise<void> {
  return (loading ??= import('../../core/typescript.cjs').then((m) => {
    ts = m.default;
  }));
}

/** A piece of SQL text and where its characters sit in the TypeScript file. */
interface Segment {
  sqlStart: number;
  fileStart: number;
  length: number;
  /** False when the literal has escapes: positions inside it map to its start. */
  exact: boolean;
}

export interface SqlString {
  sql: string;
  direction: Direction;
  /** Maps a character offset in `sql` to an offset in the TypeScript file. */
  toFile(offset: number): number;
}

/** Substitutions (`${table}`) become identifiers so the rest of the statement still parses. */
const PLACEHOLDER = 'archlint_param';
/** SQL text that ends where a list of rows goes: `INSERT ... VALUES ${rows.join(',')}`. */
const ROWS_START = /\bVALUES\s*$/i;
/** SQL text that ends where a new statement starts: empty, or after a `;`, whitespace and comments. */
const STATEMENT_START = /(?:^|;)(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*$/;

function literalSegments(node: TS.Node, cooked: string, source: TS.SourceFile, sqlStart: number, tailLength: number): Segment {
  // Template pieces end in `${` or a backtick; strings end in their quote.
  const start = node.getStart(source) + 1;
  const rawEnd = node.getEnd() - tailLength;
  const raw = source.text.slice(start, rawEnd);
  return { sqlStart, fileStart: start, length: cooked.length, exact: raw === cooked };
}

/** Builds the SQL of a string argument, or undefined when it is not a literal we can read. */
function evaluate(expr: TS.Expression, source: TS.SourceFile): { sql: string; segments: Segment[] } | undefined {
  if (ts.isParenthesizedExpression(expr)) return evaluate(expr.expression, source);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    return { sql: expr.text, segments: [literalSegments(expr, expr.text, source, 0, 1)] };
  }
  if (ts.isTemplateExpression(expr)) {
    let sql = expr.head.text;
    const segments: Segment[] = [literalSegments(expr.head, expr.head.text, source, 0, 2)];
    expr.templateSpans.forEach((span, i) => {
      // `${table}` reads back as `table` in messages; anything else gets a numbered name. Where a
      // statement would start, a substitution is statements built elsewhere (a helper's output):
      // unknown SQL, left out rather than read as a broken statement. After VALUES it is rows.
      const written = span.expression.getText(source).replace(/\W+/g, '_');
      const placeholder = STATEMENT_START.test(sql)
        ? ''
        : ROWS_START.test(sql)
          ? '(NULL)'
          : /^[A-Za-z_]\w{0,62}$/.test(written)
            ? written
            : `${PLACEHOLDER}${i + 1}`;
      segments.push({ sqlStart: sql.length, fileStart: span.expression.getStart(source), length: placeholder.length, exact: false });
      sql += placeholder;
      const tail = ts.isTemplateTail(span.literal) ? 1 : 2;
      segments.push(literalSegments(span.literal, span.literal.text, source, sql.length, tail));
      sql += span.literal.text;
    });
    return { sql, segments };
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(expr.left, source);
    const right = evaluate(expr.right, source);
    if (!left || !right) return undefined;
    const shift = left.sql.length;
    return {
      sql: left.sql + right.sql,
      segments: [...left.segments, ...right.segments.map((s) => ({ ...s, sqlStart: s.sqlStart + shift }))],
    };
  }
  return undefined;
}

function mapper(segments: Segment[]): (offset: number) => number {
  return (offset) => {
    let segment = segments[0];
    for (const s of segments) {
      if (s.sqlStart <= offset) segment = s;
      else break;
    }
    const inside = Math.min(Math.max(offset - segment.sqlStart, 0), segment.length);
    return segment.exact ? segment.fileStart + inside : segment.fileStart;
  };
}

function functionName(node: TS.Node): string | undefined {
  if ((ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
    return node.name.text;
  }
  if (ts.isFunctionExpression(node) || ts.isArrowFunction(node)) {
    const parent = node.parent;
    if (ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) {
      return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
    }
    // exports.up = function (knex) { ... }
    if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  }
  return undefined;
}

/**
 * Knex's raw and db-migrate's runSql bind an array of values to `?` placeholders, which Postgres
 * does not parse: each `?` becomes `0`, Knex's identifier binding `??` becomes `qq`, and its escaped
 * `\\?` (a literal `?`, the jsonb operator) ` ?`. Each keeps its length, so positions still map to the file.
 */
function withoutBindings(sql: string): string {
  return sql.replace(/\\\?|\?\?|\?/g, (m) => (m === '\\?' ? ' ?' : m === '??' ? 'qq' : '0'));
}

/**
 * Knex's named bindings, given an object: `:name:` is an identifier and becomes `qnameq`, `:name` a
 * value and becomes `0` padded with spaces, each the same length. A `::` cast, or a colon inside a
 * word or number (`'10:30'`, `arr[1:2]`), is no binding.
 */
function withoutNamedBindings(sql: string): string {
  return sql
    .replace(/(?<![:\w]):(\w+):(?![:\w])/g, (_, name: string) => `q${name}q`)
    .replace(/(?<![:\w]):(\w+)(?![:\w])/g, (m) => '0'.padEnd(m.length, ' '));
}

/** The values after the SQL, as opposed to db-migrate's callback (`runSql(sql, cb)`). */
function isBindings(arg: TS.Expression): boolean {
  if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) return false;
  return !ts.isIdentifier(arg) || !/^(?:cb|callback|done|next)$/i.test(arg.text);
}

function firstParameter(node: TS.Node): string | undefined {
  if (ts.isFunctionLike(node) && node.parameters.length > 0 && ts.isIdentifier(node.parameters[0].name)) {
    return node.parameters[0].name.text;
  }
  return undefined;
}

/** Whether a call hands SQL to the database, as each TypeScript migration tool spells it. */
function isSqlCall(call: TS.CallExpression, layout: Layout, param: string | undefined): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  const receiver = callee.expression;
  const receiverName = ts.isIdentifier(receiver)
    ? receiver.text
    : ts.isPropertyAccessExpression(receiver)
      ? receiver.name.text
      : undefined;
  switch (layout) {
    case 'typeorm':
      // queryRunner.query(...), or the `up(qr)` parameter under another name.
      return method === 'query' && (receiverName === 'queryRunner' || (receiverName !== undefined && receiverName === param));
    case 'mikro-orm':
      return (method === 'addSql' || method === 'execute') && receiver.kind === ts.SyntaxKind.ThisKeyword;
    case 'db-migrate':
      // `exports.up = function (db, callback) { db.runSql(sql, callback) }`.
      return method === 'runSql' && receiverName !== undefined && (receiverName === 'db' || receiverName === param);
    case 'knex':
      return (
        method === 'raw' &&
        receiverName !== undefined &&
        (receiverName === 'knex' || receiverName === 'schema' || receiverName === 'trx' || receiverName === param)
      );
    default:
      return false;
  }
}

/**
 * Finds the SQL strings of a TypeScript migration (TypeORM `queryRunner.query`, MikroORM
 * `this.addSql`, Knex `knex.raw` / `knex.schema.raw`, db-migrate `db.runSql`) and whether each
 * runs in `up` or `down`.
 * Reads the syntax tree only: nothing is type-checked or executed. `loadTypeScript()` must have resolved.
 */
export function extractSql(fileName: string, text: string, layout: Layout): SqlString[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: SqlString[] = [];
  const visit = (node: TS.Node, direction: Direction, param: string | undefined): void => {
    const name = functionName(node);
    if (name === 'up' || name === 'down') {
      direction = name;
      param = firstParameter(node);
    }
    if (ts.isCallExpression(node) && node.arguments.length > 0 && isSqlCall(node, layout, param)) {
      const value = evaluate(node.arguments[0], source);
      if (value && value.sql.trim() !== '') {
        const bindings = node.arguments.length > 1 ? node.arguments[1] : undefined;
        const sql = !bindings || !isBindings(bindings) ? value.sql : ts.isObjectLiteralExpression(bindings) ? withoutNamedBindings(value.sql) : withoutBindings(value.sql);
        out.push({ sql, direction, toFile: mapper(value.segments) });
      }
    }
    ts.forEachChild(node, (child) => visit(child, direction, param));
  };
  visit(source, 'up', undefined);
  return out;
}
