// The TypeScript compiler API that ts-morph bundles, for the ES modules of archlint. They import
// it from this CommonJS module, which require()s ts-morph: Node reads a CommonJS module imported
// from an ES module with a lexer to list its exports, and for ts-morph and the 9 MB TypeScript
// bundle behind it that was 150-200 ms of every run that parses code.
module.exports = require('ts-morph').ts;
