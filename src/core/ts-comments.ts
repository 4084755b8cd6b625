import ts from './typescript.cjs';

const K = ts.SyntaxKind;
const LITERAL_TOKENS = new Set<ts.SyntaxKind>([
  K.StringLiteral,
  K.NoSubstitutionTemplateLiteral,
  K.TemplateHead,
  K.TemplateMiddle,
  K.TemplateTail,
  K.RegularExpressionLiteral,
  K.JsxText,
  K.JsxTextAllWhiteSpaces,
]);

/** Where an offset falls: in a literal token, in a node's leading trivia, or between a node's children. */
type Place = { literal: true } | { trivia: number } | { gap: number };

/**
 * Descends to the innermost node that holds the offset. Outside the literal tokens (strings,
 * templates, regular expressions, JSX text) and the children, a node's text holds only
 * punctuation, keywords, whitespace and comments, which a scanner reads without the parser's context.
 */
function placeOf(sf: ts.SourceFile, offset: number): Place {
  let node: ts.Node = sf;
  for (;;) {
    if (offset < node.getStart(sf)) return { trivia: node.pos };
    if (LITERAL_TOKENS.has(node.kind)) return { literal: true };
    let before = node.getStart(sf);
    const child: ts.Node | undefined = ts.forEachChild(node, (c) => {
      if (c.pos <= offset && offset < c.end) return c;
      if (c.end <= offset) before = Math.max(before, c.end);
      return undefined;
    });
    if (child === undefined) return { gap: before };
    node = child;
  }
}

/** Whether a comment (`//` or `/*`) starts at the offset, as the parser reads the file. */
export function commentStartsAt(sf: ts.SourceFile, offset: number): boolean {
  const place = placeOf(sf, offset);
  if ('literal' in place) return false;
  const text = sf.text;
  if ('trivia' in place) {
    // The comments on the line where the trivia starts count as the previous token's trailing ones.
    const comments = [...(ts.getTrailingCommentRanges(text, place.trivia) ?? []), ...(ts.getLeadingCommentRanges(text, place.trivia) ?? [])];
    return comments.some((c) => c.pos === offset);
  }
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  scanner.resetTokenState(place.gap);
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken && scanner.getTokenStart() <= offset; kind = scanner.scan()) {
    if (scanner.getTokenStart() === offset) return kind === K.SingleLineCommentTrivia || kind === K.MultiLineCommentTrivia;
  }
  return false;
}
