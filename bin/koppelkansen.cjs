#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx compiles on the fly).
'use strict';
const { register } = require('tsx/cjs/api');
register();
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`koppelkansen: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
