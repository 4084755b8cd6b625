import { describe, expect, it } from 'vitest';
import type { Statement } from './model.js';
import { mayHaveLongIdentifier } from './sql.js';

const statement = (text: string) => ({ text }) as Statement;

/**
 * The plain definition: some bare word or double-quoted name over 63 characters, or any non-ASCII
 * text. A quote with no closing quote after it (inside a string literal) only ends a word.
 */
function reference(text: string): boolean {
  if (/[^\x00-\x7f]/.test(text)) return true;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close >= 0) {
        if (close - i - 1 > 63) return true;
        i = close;
      }
      run = 0;
    } else if (/[\s'(),;.=:[\]+\-*/<>|!]/.test(c)) run = 0;
    else if (++run > 63) return true;
  }
  return false;
}

describe('mayHaveLongIdentifier', () => {
  it('finds a bare word or quoted name over 63 characters wherever it starts', () => {
    const long = 'a'.repeat(64);
    for (const before of ['', 'x ', 'CREATE TABLE ', ' '.repeat(60), ' '.repeat(63), ' '.repeat(64), ' '.repeat(100)]) {
      expect(mayHaveLongIdentifier(statement(`${before}${long} (id int)`))).toBe(true);
      expect(mayHaveLongIdentifier(statement(`${before}${long.slice(1)} (id int)`))).toBe(false);
    }
    expect(mayHaveLongIdentifier(statement(`CREATE TABLE "${'a b'.repeat(22)}" (id int)`))).toBe(true);
    expect(mayHaveLongIdentifier(statement(`CREATE TABLE "${'a'.repeat(63)}" (id int)`))).toBe(false);
    expect(mayHaveLongIdentifier(statement('CREATE TABLE café (id int) -- a comment long enough to be looked at'))).toBe(true);
    expect(mayHaveLongIdentifier(statement('SELECT 1'))).toBe(false);
  });

  it('never says no where the plain definition says yes', () => {
    // A seeded generator of SQL-like text: words of random length, separators and quotes.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = [' ', ',', '(', ')', '"', "'", '.', ';', '\n'];
    let found = 0;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      while (text.length < 40 + random() * 400) {
        text += random() < 0.5 ? 'w'.repeat(1 + Math.floor(random() ** 4 * 90)) : pieces[Math.floor(random() * pieces.length)];
      }
      const expected = reference(text);
      if (expected) found++;
      if (expected) expect(mayHaveLongIdentifier(statement(text)), text).toBe(true);
    }
    // The generator does produce long names, so the check above is not empty.
    expect(found).toBeGreaterThan(100);
  });
});
