import { describe, expect, it } from 'vitest';
import { LineIndex, escapeRegExp, lastAtOrBefore } from './text.js';

describe('lastAtOrBefore', () => {
  it('finds the last value at or before the one asked for, or -1', () => {
    const sorted = [0, 4, 4, 9];
    expect([-1, 0, 3, 4, 8, 9, 20].map((v) => lastAtOrBefore(sorted, v))).toEqual([-1, 0, 0, 2, 2, 3, 3]);
    expect(lastAtOrBefore([], 5)).toBe(-1);
  });
});

describe('LineIndex', () => {
  it('maps offsets to lines and columns, \\n and \\r\\n alike', () => {
    for (const text of ['ab\ncd\n\nef', 'ab\r\ncd\r\n\r\nef']) {
      const index = new LineIndex(text);
      expect(index.position(0)).toEqual({ line: 1, column: 1 });
      expect(index.position(text.indexOf('d'))).toEqual({ line: 2, column: 2 });
      expect(index.position(text.indexOf('e'))).toEqual({ line: 4, column: 1 });
    }
  });
});

describe('escapeRegExp', () => {
  it('makes every special character match itself', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});
