// The TypeScript compiler API that ts-morph bundles, for the ES modules of archlint. They import
// it from this CommonJS module, which require()s ts-morph: Node reads a CommonJS module imported
// from an ES module with a lexer to list its exports, and for ts-morph and the 9 MB TypeScript
// bundle behind it that was 150-200 ms of every run that parses code.
const full = require('ts-morph').ts;

// TypeScript's module object has 2,000-odd members, each a getter: V8 keeps an object that large
// as a hash table, so every `ts.isIdentifier(node)` in a rule was a table lookup and a getter
// call. What rules call per node (the `is*` guards, SyntaxKind, forEachChild) is copied onto a
// smaller object, which V8 keeps in fast mode because it serves as a prototype: those reads then
// cost what a method call costs. Everything else comes from the full module, one prototype up.
const HOT = /^is[A-Z]/;
const MORE = ['SyntaxKind', 'NodeFlags', 'ModifierFlags', 'ScriptTarget', 'ScriptKind', 'forEachChild', 'factory', 'getJSDocTags', 'getLeadingCommentRanges', 'getTrailingCommentRanges', 'skipTrivia', 'getLineAndCharacterOfPosition', 'tokenToString', 'idText', 'getModifiers', 'getDecorators', 'canHaveModifiers', 'canHaveDecorators'];
const hot = Object.create(full);
for (const key of Object.keys(full)) {
  // Fast mode holds at most about a thousand properties; the guards are some 700 of them.
  // Defined, not assigned: an assignment would hit the getter inherited from `full` and do nothing.
  if (HOT.test(key) || MORE.includes(key)) Object.defineProperty(hot, key, { value: full[key], enumerable: true });
}
const api = Object.create(hot);
// One read through the prototype is what turns it into a fast-mode object.
void api.isIdentifier;
module.exports = api;
