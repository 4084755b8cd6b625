import { Parser } from 'yaml';

/**
 * Where the comments of a YAML text start, from the `yaml` library's concrete syntax tree: a `#`
 * in a quoted string, a block scalar or a plain scalar (`a#b`) is text, not a comment.
 */
export function yamlCommentStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      const token = value as { type?: unknown; offset?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number') starts.add(token.offset);
      for (const child of Object.values(value)) visit(child);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return starts;
}
