import { describe, expect, it } from 'vitest';
import { parseCode } from './adapter.js';

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
