import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineIndex } from '../../core/text.js';
import { openApiAdapter } from './adapter.js';
import { loadOpenApi, runSpectralRulesets, validateStructure, type OpenApiDocument } from './index.js';
import { indexJson } from './json-index.js';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

function lineOf(doc: OpenApiDocument, file: string, pointer: string[]): { line: number; column: number } {
  const loc = doc.locate(pointer, file);
  if (!('offset' in loc)) throw new Error('expected an offset');
  return new LineIndex(doc.files.get(file)!.text).position(loc.offset);
}

describe('OpenAPI model', () => {
  it('follows relative $refs across files and locates values in each file', async () => {
    const root = path.join(fixtures, 'api-split');
    const { document, problems } = await loadOpenApi('openapi.yaml', readFileSync(path.join(root, 'openapi.yaml'), 'utf8'), {
      readFile: (f) => {
        try {
          return readFileSync(path.join(root, f), 'utf8');
        } catch {
          return undefined;
        }
      },
    });
    expect(problems).toEqual([]);
    const doc = document!;
    expect([...doc.files.keys()].sort()).toEqual(['openapi.yaml', 'paths/item.yaml', 'paths/items.yaml', 'responses.yaml', 'schemas/item.yaml', 'schemas/problem.yaml']);
    const quantity = doc.at(['paths', '/items/{sku}', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'quantity']);
    expect(quantity).toMatchObject({ file: 'schemas/item.yaml', pointer: ['properties', 'quantity'], value: { type: 'integr' } });
    expect(lineOf(doc, 'schemas/item.yaml', ['properties', 'quantity'])).toEqual({ line: 6, column: 3 });
    expect(doc.refProblems).toEqual([
      expect.objectContaining({ reason: 'missing-file', file: 'schemas/item.yaml', pointer: ['properties', 'warehouse'] }),
    ]);
  });

  it('the adapter serves referenced files for code frames', async () => {
    const root = path.join(fixtures, 'api-split');
    const text = readFileSync(path.join(root, 'openapi.yaml'), 'utf8');
    const outcome = await openApiAdapter.parse({ path: 'openapi.yaml', absPath: path.join(root, 'openapi.yaml'), text }, {}, root);
    const extra = [...openApiAdapter.texts!(outcome.model!)];
    expect(extra.map((f) => f.path).sort()).toEqual(['paths/item.yaml', 'paths/items.yaml', 'responses.yaml', 'schemas/item.yaml', 'schemas/problem.yaml']);
    expect(extra.find((f) => f.path === 'schemas/item.yaml')!.absPath).toBe(path.join(root, 'schemas/item.yaml'));
  });

  it('validation reports every problem in the file that holds it', async () => {
    const root = path.join(fixtures, 'api-split');
    const outcome = await openApiAdapter.parse(
      { path: 'openapi.yaml', absPath: path.join(root, 'openapi.yaml'), text: readFileSync(path.join(root, 'openapi.yaml'), 'utf8') },
      {},
      root,
    );
    const problems = await validateStructure(outcome.model!);
    expect(problems.map((p) => [p.at.file, p.message])).toEqual([
      ['schemas/item.yaml', '$ref "./warehouse.yaml" points to "schemas/warehouse.yaml", which does not exist.'],
      ['schemas/item.yaml', expect.stringMatching(/quantity\/type must be one of: "array", "boolean", "integer"/)],
    ]);
  });

  it('reads JSON with JSON.parse and locates keys lazily', async () => {
    const text = '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1.0.0"},\n  "paths": {\n    "/a/{id}": {"get": {"responses": {"200": {"description": "ok"}}}}\n  }\n}\n';
    const { document } = await loadOpenApi('spec.json', text, { readFile: () => undefined });
    const loc = document!.locate(['paths', '/a/{id}', 'get']);
    expect(loc).toMatchObject({ file: 'spec.json' });
    expect(text.slice((loc as { offset: number }).offset, (loc as { endOffset: number }).endOffset)).toBe('"get"');
    // An absent member falls back to its nearest ancestor.
    expect(document!.locate(['paths', '/a/{id}', 'post'])).toEqual(document!.locate(['paths', '/a/{id}']));
  });

  it('indexes escaped keys, arrays and nested values', () => {
    const text = '{"a/b": [1, {"c~d": "x\\"y"}], "e": {}}';
    const index = indexJson(text);
    expect(text.slice(index.get('/a~1b/1/c~0d')!.valueStart, index.get('/a~1b/1/c~0d')!.valueEnd)).toBe('"x\\"y"');
    expect(text.slice(index.get('/a~1b/0')!.valueStart, index.get('/a~1b/0')!.valueEnd)).toBe('1');
    expect(index.has('/e')).toBe(true);
  });

  it('a corrupt YAML spec is a located parse problem, not a crash', async () => {
    const text = readFileSync(path.join(fixtures, 'api-corrupt/openapi.yaml'), 'utf8');
    const { document, problems } = await loadOpenApi('openapi.yaml', text, { readFile: () => undefined });
    expect(document).toBeUndefined();
    expect(problems[0].message).toMatch(/Flow sequence/);
    expect(new LineIndex(text).position(problems[0].offset).line).toBe(12);
  });

  it('never fetches remote refs unless allowed', async () => {
    const fetched: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      fetched.push(String(url));
      return new Response('type: string\n');
    }) as typeof fetch;
    try {
      const text = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'https://example.com/a.yaml'}\n";
      const off = await loadOpenApi('openapi.yaml', text, { readFile: () => undefined });
      expect(fetched).toEqual([]);
      expect(off.document!.refProblems[0].reason).toBe('remote');
      const on = await loadOpenApi('openapi.yaml', text, { readFile: () => undefined, allowRemoteRefs: true });
      expect(fetched).toEqual(['https://example.com/a.yaml']);
      expect(on.document!.at(['components', 'schemas', 'A'])!.value).toEqual({ type: 'string' });
    } finally {
      globalThis.fetch = original;
    }
  });

  it('runs a Spectral ruleset file as it is, relative to the root', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'archlint-spectral-'));
    try {
      writeFileSync(
        path.join(root, '.spectral.yaml'),
        'extends: ["spectral:oas"]\nrules:\n  operation-tags: off\n  no-trace:\n    given: "$.paths[*]"\n    severity: error\n    message: "No TRACE operations."\n    then: { field: trace, function: falsy }\n',
      );
      const text = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0, description: d, contact: {name: n}}\nservers: [{url: 'https://x.example.com'}]\ntags: []\npaths:\n  /a:\n    trace:\n      operationId: a\n      description: d\n      responses:\n        '200': {description: ok}\n";
      const { document } = await loadOpenApi('openapi.yaml', text, { readFile: () => undefined });
      const findings = await runSpectralRulesets(document!, ['.spectral.yaml'], root, false);
      expect(findings.map((f) => [f.code, f.severity, f.at])).toEqual([
        ['no-trace', 'error', { file: 'openapi.yaml', start: { line: 7, column: 11 }, end: { line: 11, column: 32 } }],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('YAML syntax errors', () => {
  it('point at the opening quote of an unterminated string, not at the end of the file', async () => {
    const text = 'openapi: 3.0.3\ninfo:\n  title: "never closed\n  version: 1.0.0\npaths: {}\n';
    const { problems } = await loadOpenApi('openapi.yaml', text, { readFile: () => undefined });
    expect(problems[0].message).toMatch(/Missing closing/);
    expect(problems[0].offset).toBe(text.indexOf('"never'));
  });
});
