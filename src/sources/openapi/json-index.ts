/**
 * Source ranges of every value in a JSON text, keyed by JSON pointer. The YAML parser is slow on
 * multi-megabyte JSON, so JSON is read with JSON.parse and this index is built only when a rule
 * first asks where something is.
 */
export interface JsonRange {
  /** Start and end of the member's key (equal to the value's for array items and the root). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export function indexJson(text: string): Map<string, JsonRange> {
  const out = new Map<string, JsonRange>();
  let i = 0;
  const n = text.length;

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
      else break;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    let simple = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        simple = false;
        i += 2;
        continue;
      }
      i++;
      if (c === 34) break;
    }
    const raw = text.slice(start, i);
    if (simple) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  };
  const value = (pointer: string, keyStart: number, keyEnd: number): void => {
    ws();
    const valueStart = i;
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      ws();
      if (text.charCodeAt(i) === 125) i++;
      else {
        while (i < n) {
          ws();
          const ks = i;
          const key = readString();
          const ke = i;
          ws();
          i++; // colon
          value(`${pointer}/${escape(key)}`, ks, ke);
          ws();
          const sep = text.charCodeAt(i++);
          if (sep !== 44) break;
        }
      }
    } else if (c === 91) {
      i++;
      ws();
      if (text.charCodeAt(i) === 93) i++;
      else {
        let index = 0;
        while (i < n) {
          ws();
          const s = i;
          value(`${pointer}/${index++}`, s, s);
          ws();
          const sep = text.charCodeAt(i++);
          if (sep !== 44) break;
        }
      }
    } else if (c === 34) {
      readString();
    } else {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
        i++;
      }
    }
    const isMember = keyEnd > keyStart;
    out.set(pointer, {
      keyStart: isMember ? keyStart : valueStart,
      keyEnd: isMember ? keyEnd : valueStart,
      valueStart,
      valueEnd: i,
    });
  };
  value('', 0, 0);
  return out;
}

function escape(segment: string): string {
  return segment.indexOf('~') >= 0 || segment.indexOf('/') >= 0 ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function encodePointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += `/${escape(String(s))}`;
  return out;
}
