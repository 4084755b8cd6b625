import { Lexer, Source, TokenKind, type Token } from 'graphql';

/**
 * Whether a `#` comment starts at each offset, by graphql-js's lexer: a `#` inside a string or a
 * block string is text. Past a lexing error the text cannot be told apart, and every offset there counts.
 */
export function commentsAt(text: string, offsets: readonly number[]): boolean[] {
  const lexer = new Lexer(new Source(text));
  const first: Token = lexer.token;
  let lexedTo = text.length;
  try {
    while (lexer.advance().kind !== TokenKind.EOF);
  } catch {
    lexedTo = lexer.token.end;
  }
  // The lexer skips comments but links them into its chain of tokens.
  const starts = new Set<number>();
  for (let token: Token | null = first; token; token = token.next) if (token.kind === TokenKind.COMMENT) starts.add(token.start);
  return offsets.map((offset) => starts.has(offset) || offset >= lexedTo);
}
