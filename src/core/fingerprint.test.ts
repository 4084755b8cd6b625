import { describe, expect, it } from 'vitest';
import { anchorKey, fingerprint } from './fingerprint.js';

describe('anchorKey', () => {
  // What fingerprints in baselines were made with: any change of it orphans their entries.
  const folded = (anchor: string) => anchor.replace(/\s+/g, ' ').trim().slice(0, 500);

  it('folds whitespace, trims and cuts to 500 characters, and leaves other anchors as they are', () => {
    const anchors = [
      'module:@modules/m25/domain/domain-unit-44',
      'OrdersService.find:console.log',
      '  throw   new\tError(\n  "x")  ',
      'a\u00a0b\u2028c',
      ' lead',
      'trail\n',
      'x'.repeat(600),
      `${'y'.repeat(499)} z`,
      '',
    ];
    for (const anchor of anchors) expect(anchorKey(anchor), JSON.stringify(anchor.slice(0, 40))).toBe(folded(anchor));
    expect(anchorKey('x'.repeat(600))).toHaveLength(500);
  });

  it('gives findings that differ only in whitespace one fingerprint', () => {
    expect(fingerprint('r', 'a.ts', 'foo(\n  1)')).toBe(fingerprint('r', 'a.ts', 'foo( 1)'));
    expect(fingerprint('r', 'a.ts', 'foo(1)')).not.toBe(fingerprint('r', 'a.ts', 'foo( 1)'));
  });
});
