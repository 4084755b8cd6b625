import { createRequire } from 'node:module';
import { byteToCharOffset } from '../../core/text.js';

/**
 * Calls libpg-query's WASM build (the Postgres parser compiled with Emscripten) directly. The
 * package's `parseSync` copies the SQL into WASM memory and finds the end of the JSON tree one byte
 * at a time in JavaScript loops, a fifth of the parse on a large migration corpus; this calls the
 * same exports with the engine's native UTF-8 encoder, decoder and byte search.
 */

/** What archlint uses of the Emscripten module. */
interface PgQueryModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_scan(query: number): number;
  _wasm_free_string(result: number): void;
}

type ModuleFactory = (options?: object) => Promise<PgQueryModule>;

/** A syntax error, with the 0-based character (code point) offset in the SQL where Postgres stopped. */
export class PgSyntaxError extends Error {
  constructor(
    message: string,
    readonly cursorPosition: number | undefined,
  ) {
    super(message);
    this.name = 'PgSyntaxError';
  }
}

let loading: Promise<PgQueryModule> | undefined;
let pg: PgQueryModule | undefined;

/** Loads and instantiates the WASM parser, once per thread. */
export function loadPgParser(): Promise<void> {
  loading ??= (createRequire(import.meta.url)('libpg-query/wasm/libpg-query.js') as ModuleFactory)().then((module) => (pg = module));
  return loading.then(() => undefined);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// PgQueryParseResult: { char *parse_tree; char *stderr_buffer; PgQueryError *error }.
// PgQueryError: { char *message; char *funcname; char *filename; int lineno; int cursorpos; ... }.
const RESULT_TREE = 0;
const RESULT_ERROR = 2;
const ERROR_MESSAGE = 0;
const ERROR_CURSOR = 4;

function cString(heap: Uint8Array, pointer: number): string {
  return decoder.decode(heap.subarray(pointer, heap.indexOf(0, pointer)));
}

/**
 * The parse tree's JSON, as libpg_query writes it: `{"version":N,"stmts":[{"stmt":{...},
 * "stmt_location":N,"stmt_len":N},...]}`. `loadPgParser()` must have resolved. Throws
 * `PgSyntaxError` for SQL that does not parse.
 */
export function parsePgJson(sql: string): string {
  return withSql(sql, (module, query) => {
    let result = 0;
    try {
      result = module._wasm_parse_query_raw(query);
      if (!result) throw new Error('The SQL parser ran out of memory.');
      const heap = module.HEAPU8;
      const words = new Int32Array(heap.buffer);
      const error = words[(result >> 2) + RESULT_ERROR];
      if (error) {
        const message = words[(error >> 2) + ERROR_MESSAGE];
        const cursor = words[(error >> 2) + ERROR_CURSOR];
        // libpg_query's cursor is 1-based; 0 means it has none.
        throw new PgSyntaxError(message ? cString(heap, message) : 'syntax error', cursor > 0 ? cursor - 1 : undefined);
      }
      const tree = words[(result >> 2) + RESULT_TREE];
      if (!tree) throw new Error('The SQL parser returned no parse tree.');
      return cString(heap, tree);
    } finally {
      if (result) module._wasm_free_parse_result(result);
    }
  });
}

/**
 * Calls into the module with the SQL copied into its heap as a NUL-terminated UTF-8 string, freed
 * afterwards. `loadPgParser()` must have resolved.
 */
function withSql<T>(sql: string, call: (module: PgQueryModule, query: number) => T): T {
  const module = pg;
  if (!module) throw new Error('The SQL parser is not loaded: loadPgParser() comes first.');
  // UTF-8 takes at most three bytes per UTF-16 unit (four per surrogate pair), plus the NUL.
  const capacity = sql.length * 3 + 1;
  const query = module._malloc(capacity);
  try {
    // The heap may have grown (and its view been replaced) by any call into the module.
    const { written } = encoder.encodeInto(sql, module.HEAPU8.subarray(query, query + capacity - 1));
    module.HEAPU8[query + written] = 0;
    return call(module, query);
  } finally {
    module._free(query);
  }
}

interface ScanToken {
  start: number;
  end: number;
  tokenName: string;
}

/**
 * The comments of SQL text (`-- ...` and `/* ... *\/`, nested ones included) as character spans,
 * from Postgres's own scanner, which knows its strings (`'...'`, `E'...'`, `$tag$...$tag$`) and
 * quoted names. Undefined when the scanner cannot read the text, an unterminated string say.
 * `loadPgParser()` must have resolved.
 */
export function sqlCommentSpans(sql: string): { start: number; end: number }[] | undefined {
  const json = withSql(sql, (module, query) => {
    const result = module._wasm_scan(query);
    if (!result) return undefined;
    try {
      return cString(module.HEAPU8, result);
    } finally {
      module._wasm_free_string(result);
    }
  });
  // An error comes back as its message instead of the JSON.
  if (json === undefined || !json.startsWith('{')) return undefined;
  const tokens = (JSON.parse(json) as { tokens?: ScanToken[] }).tokens ?? [];
  // Byte offsets, ascending: each conversion counts on from the previous one.
  let from = { char: 0, byte: 0 };
  const toChar = (byte: number): number => {
    const char = byteToCharOffset(sql, byte, from);
    from = { char, byte };
    return char;
  };
  const spans: { start: number; end: number }[] = [];
  for (const token of tokens) {
    if (token.tokenName !== 'SQL_COMMENT' && token.tokenName !== 'C_COMMENT') continue;
    const start = toChar(token.start);
    spans.push({ start, end: toChar(token.end) });
  }
  return spans;
}
