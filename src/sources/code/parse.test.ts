import { describe, expect, it } from 'vitest';
import { parseCode } from './adapter.js';
import { hasName, ts, type CodeFile } from './model.js';

describe('parseCode', () => {
  it('says a file that does not parse is Flow-typed when its leading comments carry @flow', () => {
    const flow = parseCode('src/db.js', '\uFEFF/**\n * Copyright\n */\n// @flow\nif (Object.keys((where.sorts: any)).length > 0) {}\n');
    expect(flow.file).toBeUndefined();
    expect(flow.problems[0].help).toMatch(/^This file is Flow-typed \(@flow\)/);
    const plain = parseCode('src/db.js', '// a comment that mentions @flowtype\nif (Object.keys((where.sorts: any)).length > 0) {}\n');
    expect(plain.problems.length).toBeGreaterThan(0);
    expect(plain.problems[0].help).toBeUndefined();
  });

  it('reads Flow files that only use annotations TypeScript also has', () => {
    expect(parseCode('src/a.js', '// @flow\nexport function f(x: number): string { return String(x); }\n').file).toBeDefined();
  });

  it('says a .ts file that does not parse holds JSX, when it parses as .tsx', () => {
    const jsx = parseCode('controlled-select.ts', 'export const Select = () => (\n  <FormControl fullWidth size="small"><InputLabel id="a">Choose</InputLabel></FormControl>\n);\n');
    expect(jsx.problems[0].help).toBe('This file holds JSX, which TypeScript reads only in .tsx files: rename it to .tsx.');
    const broken = parseCode('broken.ts', 'export const a = <T,>(x: T) => x;\nconst = ;\n');
    expect(broken.problems[0].help).toBeUndefined();
  });
});

describe('hasName', () => {
  const file = (text: string) => parseCode('a.ts', text).file!;

  it('finds identifiers, escapes resolved, and property keys in quotes', () => {
    const f = file("c\\u006Fnsole.log(1);\nconst o = { 'send': 1 };\nres['json']();\n");
    expect(['console', 'log', 'send', 'json', 'o', 'res'].map((n) => hasName(f, n))).toEqual([true, true, true, true, true, true]);
  });

  it('does not find a name in comments, strings or longer names, as a text search would', () => {
    const f = file("// console\nconst consoleLogger = 'console';\n/* reject */ Promise.resolve(1);\n");
    expect(['console', 'reject', 'consoleLogger', 'Promise'].map((n) => hasName(f, n))).toEqual([false, false, true, true]);
  });

  it('falls back to the text when the parser keeps no table of names', () => {
    const f: CodeFile = { path: 'a.ts', text: '// console', ast: ts.createSourceFile('a.ts', '', ts.ScriptTarget.Latest), imports: [], declarations: { classes: new Map(), localExports: new Map() } };
    delete (f.ast as { identifiers?: unknown }).identifiers;
    expect([hasName(f, 'console'), hasName(f, 'reject')]).toEqual([true, false]);
  });
});
