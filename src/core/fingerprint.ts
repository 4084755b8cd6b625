import { createHash } from 'node:crypto';

/**
 * Stable identity of a finding: rule, file and an anchor (enclosing symbol, JSON pointer,
 * statement text), never a line number. `occurrence` tells identical anchors in a file apart.
 */
export function fingerprint(ruleId: string, file: string, anchor: string, occurrence = 0): string {
  const key = `${ruleId}\0${file}\0${anchor.replace(/\s+/g, ' ').trim().slice(0, 500)}`;
  return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
}
