import { hash } from 'node:crypto';

/** The part of an anchor a fingerprint depends on: whitespace folded, at most 500 characters. */
export function anchorKey(anchor: string): string {
  // Most anchors (a symbol, a module specifier, a JSON pointer) hold no whitespace: nothing to fold
  // or trim, and a run can have tens of thousands of them.
  if (anchor.length <= 500 && !WHITESPACE.test(anchor)) return anchor;
  return anchor.replace(/\s+/g, ' ').trim().slice(0, 500);
}

const WHITESPACE = /\s/;

/**
 * Stable identity of a finding: rule, file and an anchor (enclosing symbol, JSON pointer,
 * statement text), never a line number. `occurrence` tells identical anchors in a file apart.
 */
export function fingerprint(ruleId: string, file: string, anchor: string, occurrence = 0): string {
  return fingerprintOfKey(findingKey(ruleId, file, anchor), occurrence);
}

/** What a fingerprint hashes before the occurrence: rule, file and the anchor's key. */
export function findingKey(ruleId: string, file: string, anchor: string): string {
  return `${ruleId}\0${file}\0${anchorKey(anchor)}`;
}

/** `fingerprint()` from a `findingKey()` already made (the engine makes one per finding to count occurrences). */
export function fingerprintOfKey(key: string, occurrence: number): string {
  // One call, no Hash object: tens of thousands of findings are fingerprinted in a run.
  return hash('sha256', `${key}\0${occurrence}`, 'hex').slice(0, 32);
}
