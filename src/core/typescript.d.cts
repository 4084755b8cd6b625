import tsMorph = require('ts-morph');

export = tsMorph.ts;
