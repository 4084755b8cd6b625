import { describe, expect, it } from 'vitest';
import { ts as full } from 'ts-morph';
import ts from './typescript.cjs';

describe('the TypeScript API handed to rules', () => {
  it('reads every member of the compiler API as ts-morph has it', () => {
    const keys = Object.keys(full);
    expect(keys.length).toBeGreaterThan(1000);
    for (const key of keys) expect((ts as unknown as Record<string, unknown>)[key], key).toBe((full as unknown as Record<string, unknown>)[key]);
  });

  it('holds the per-node guards on a small prototype of their own, in front of the full module', () => {
    const hot = Object.getPrototypeOf(ts) as object;
    const own = Object.keys(hot);
    expect(own).toContain('isIdentifier');
    expect(own).toContain('SyntaxKind');
    expect(own).toContain('forEachChild');
    // V8 keeps an object in fast mode up to about a thousand properties.
    expect(own.length).toBeLessThan(1000);
    expect(Object.getPrototypeOf(hot)).toBe(full);
  });
});
