/** A config problem: names the file and the key path, and the CLI exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly keyPath: string,
    readonly problem: string,
  ) {
    super(`${file ?? '(command line)'}${keyPath ? `: ${keyPath}` : ''}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** `/rules/logging~1no-console/1/allow` to `rules["logging/no-console"][1].allow`. */
export function keyPathFromPointer(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => {
      if (/^\d+$/.test(seg)) return `${acc}[${seg}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(seg)) return acc ? `${acc}.${seg}` : seg;
      return `${acc}[${JSON.stringify(seg)}]`;
    }, '');
}

/** The closest candidate by edit distance, when it is close enough to be a typo. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
