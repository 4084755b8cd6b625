import { createHash } from 'node:crypto';

/** The part of an anchor a fingerprint depends on: whitespace folded, at most 500 characters. */
export function anchorKey(anchor: string): string {
  return anchor.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/**
 * Stable identity of a finding: rule, file and an anchor (enclosing symbol, JSON pointer,
 * statement text), never a line number. `occurrence` tells identical anchors in a file apart.
 */
export function fingerprint(ruleId: string, file: string, anchor: string, occurrence = 0): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${anchorKey(anchor)}\0${occurrence}`).digest('hex').slice(0, 32);
}
