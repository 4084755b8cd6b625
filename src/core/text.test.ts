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

describe('LineIndex lines', () => {
  it('gives each line without its terminator, whichever it is', () => {
    for (const text of ['ab\ncd\n\nef', 'ab\r\ncd\r\n\r\nef\r\n', 'ab\rcd\r\ref', 'a\r\r\nb\n\rc', 'last\n', '']) {
      const index = new LineIndex(text);
      const lines = Array.from({ length: index.lineCount }, (_, i) => index.line(i + 1));
      expect(lines.join(''), JSON.stringify(text)).toBe(text.replace(/\r\n|\r|\n/g, ''));
      expect(lines.some((l) => /[\r\n]/.test(l)), JSON.stringify(text)).toBe(false);
    }
    expect(new LineIndex('ab\r\ncd').line(1)).toBe('ab');
    expect(new LineIndex('ab\ncd').line(3)).toBe('');
  });
});

describe('escapeRegExp', () => {
  it('makes every special character match itself', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});
