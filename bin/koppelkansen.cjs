#!/usr/bin/env node
// Runs the command line compiled to JavaScript at build time (`npm run build:cli`, which
// `npm ci`/`npm install` run through the `prepare` script): no TypeScript at run time.
'use strict';
const path = require('path');

let main;
try {
  ({ main } = require(path.join(__dirname, '..', 'lib', 'src', 'cli', 'main.js')));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /lib[\\/]src[\\/]cli[\\/]main\.js/.test(String(err.message))) {
    process.stderr.write('koppelkansen: de opdrachtregel is nog niet gebouwd. Voer eerst "npm run build:cli" uit (of "npm ci").\n');
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`koppelkansen: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
