import type { Position, Snippet } from './diagnostic.js';

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The index of the last of ascending `sorted` that is at most `value`; -1 if none is. */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = -1;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps character offsets to 1-based positions with a binary search over line starts. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Most files end lines with \n alone: indexOf skips through the text far faster than a loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = lastAtOrBefore(this.starts, o);
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  offset(pos: Position): number {
    const start = this.starts[Math.max(0, Math.min(pos.line - 1, this.starts.length - 1))];
    return Math.min(start + pos.column - 1, this.text.length);
  }

  /** Text of a 1-based line without its line terminator. */
  line(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1];
    let end = line < this.starts.length ? this.starts[line] : this.text.length;
    // Without its terminator (\n, \r\n or \r): read off the text rather than cut by an expression
    // from each line of each snippet.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  snippet(startLine: number, endLine: number, context = 1, maxLines = 8): Snippet {
    const first = Math.max(1, startLine - context);
    const last = Math.min(this.starts.length, Math.max(startLine, endLine) + context, first + maxLines - 1);
    const lines: string[] = [];
    for (let l = first; l <= last; l++) lines.push(this.line(l));
    return { startLine: first, lines };
  }
}

/**
 * Byte offsets (as C parsers such as libpg_query report them) to string offsets. Pure ASCII text
 * takes the fast path. Counting starts at `from`, a known pair of offsets at or before the answer.
 */
export function byteToCharOffset(text: string, byteOffset: number, from: { char: number; byte: number } = { char: 0, byte: 0 }): number {
  let bytes = from.byte;
  for (let i = from.char; i < text.length; i++) {
    if (bytes >= byteOffset) return i;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return text.length;
}
