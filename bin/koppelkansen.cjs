#!/usr/bin/env node
// Runs the command line compiled to JavaScript at build time (`npm run build:cli`, which
// `npm ci`/`npm install` run through the `prepare` script): no TypeScript at run time.
'use strict';
const path = require('path');

// V8 doubles its young generation (new objects) each time many of them survive, up to 2 × 16
// MiB here; reading a workbook (ExcelJS builds its model of every cell) makes it grow to
// that at once, and it stays. Kept at its starting size, survivors move to the old
// generation sooner, where the command line's own collections (src/cli/memory.ts) free
// them. `apply` at 10,000 rows × 20: peak RSS about 224 → 203 MiB; CPU time the same
// within the noise of a shared machine (measured 2026-12-02). First, before anything allocates. A documented Node API
// (v8.setFlagsFromString); the flag is read each time the young generation would grow.
require('v8').setFlagsFromString('--semi-space-growth-factor=1');

/**
 * ExcelJS's Node entry (exceljs/excel.js, which loads lib/exceljs.nodejs.js) also loads its
 * streaming reader and writer (`ExcelJS.stream`: unzipper, archiver and about 380 more
 * modules) and `ModelContainer`, none of which the command line uses. Before the command
 * line loads, this puts that entry in Node's module cache (`require.cache`, which Node
 * documents as writable) as what the command line does use: the same `Workbook` class and
 * enums, from the same ExcelJS files (the class loaded on first use). Nothing in ExcelJS changes. Saves about 0.2 s of
 * every start and 5-10 MiB of memory (measured 2026-12-02). An ExcelJS without these
 * files (another version) keeps its own entry.
 */
function loadExcelJsWithoutStreams() {
  let entry;
  let used;
  try {
    entry = require.resolve('exceljs');
    if (require.cache[entry]) return;
    require.resolve('exceljs/lib/doc/workbook');
    used = { ...require('exceljs/lib/doc/enums') };
    // the Workbook class (with ExcelJS's whole reader and writer) is loaded when first used:
    // the command line reads a workbook without it (src/workbook/xlsx/package/readSheets.ts)
    // and only builds ExcelJS's model when an operation needs it; about 0.1 s of every start
    // (measured 2026-12-03). A getter on the entry's exports, read where the code says
    // `ExcelJS.Workbook`.
    let Workbook;
    Object.defineProperty(used, 'Workbook', {
      enumerable: true,
      get() {
        if (!Workbook) Workbook = require('exceljs/lib/doc/workbook');
        return Workbook;
      },
    });
  } catch {
    return;
  }
  const Module = require('module');
  const cached = new Module(entry, module);
  cached.filename = entry;
  cached.exports = used;
  cached.loaded = true;
  require.cache[entry] = cached;
}
loadExcelJsWithoutStreams();

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
