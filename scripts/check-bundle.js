// Keeps file-only code (ExcelJS, the .xlsx adapter, the CLI, Node built-ins) out of the
// bundle that runs inside Excel (the "taskpane" entry).
//
// The Excel build (dist/) also holds no browser preview: no preview page, no preview
// bundle, no preview code in any script (findPreviewInDist below); the preview is built
// separately into dist-preview/ (npm run build:preview).
//
// Two independent checks of the Excel bundle:
//  1. module list: webpack.config.js records which source modules went into each entry
//     (out/webpack/bundle-modules.json) and fails the build on a forbidden one, using
//     findForbiddenModules() below;
//  2. artifacts: after a build, `node scripts/check-bundle.js` reads dist/taskpane.html,
//     takes the scripts it loads and searches them for ExcelJS fingerprints, and re-checks
//     the recorded module list.
'use strict';

const fs = require('fs');
const path = require('path');
const { builtinModules } = require('module');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const MODULES_REPORT = path.join(ROOT, 'out', 'webpack', 'bundle-modules.json');

/** Entries that run inside Excel and must stay free of file-only code. */
const GUARDED_ENTRIES = ['taskpane'];

const FORBIDDEN = [
  { test: (p) => /(^|\/)node_modules\/exceljs\//.test(p), why: 'ExcelJS (file adapter only)' },
  { test: (p) => /(^|\/)src\/workbook\/xlsx\//.test(p), why: 'the .xlsx file adapter' },
  { test: (p) => /(^|\/)src\/cli\//.test(p), why: 'the command line' },
  {
    test: (p) => p.startsWith('node:') || builtinModules.includes(p),
    why: 'a Node built-in module',
  },
  { test: (p) => p.startsWith('ignored|'), why: 'a module replaced by an empty fallback (Node-only import)' },
];

/**
 * modulesByEntry: { [entry]: string[] } of module paths relative to the repo root
 * (forward slashes). Returns human-readable violations for the guarded entries.
 */
function findForbiddenModules(modulesByEntry, guarded = GUARDED_ENTRIES) {
  const problems = [];
  for (const entry of guarded) {
    for (const mod of modulesByEntry[entry] || []) {
      const rule = FORBIDDEN.find((r) => r.test(mod));
      if (rule) problems.push(`entry "${entry}" contains ${rule.why}: ${mod}`);
    }
  }
  return problems;
}

/** Text fingerprints of ExcelJS that survive minification. */
const EXCELJS_FINGERPRINTS = ['xl/workbook.xml', 'xl/worksheets/sheet', 'exceljs'];

/** Script files (relative to dist) that an HTML page in dist loads from this build. */
function localScriptsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
  return srcs.filter((s) => !/^[a-z]+:\/\//i.test(s) && !s.startsWith('//')).map((s) => s.replace(/^\.?\//, ''));
}

function findFingerprints(jsText) {
  return EXCELJS_FINGERPRINTS.filter((f) => jsText.includes(f));
}

/** File names of the browser preview's page and bundles. */
const PREVIEW_FILE = /(^|\/)preview([.-][^/]*)?\.(html|js)$/i;
/** Text only the preview's code contains (its IndexedDB name, its test hook, its toolbar), which minification keeps. */
const PREVIEW_FINGERPRINTS = ['koppelkansen-voorbeeld', 'koppelkansenCollega', 'data-browser-saving', 'Download .xlsx'];
/** Preview source modules, as the webpack module report names them. */
const PREVIEW_MODULE = /^src\/taskpane\/(preview(\/|\.tsx?$)|previewHost\.ts$)/;

function filesUnder(dir, prefix = '') {
  const out = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) out.push(...filesUnder(full, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

/**
 * Problems (human-readable) when a built directory for Excel holds anything of the browser
 * preview: a preview page or bundle by name, preview code by its fingerprints in any
 * script, or a preview entry or module in the module report (`modulesByEntry`, optional).
 */
function findPreviewInDist(dist, modulesByEntry) {
  const problems = [];
  for (const file of filesUnder(dist)) {
    if (PREVIEW_FILE.test(file)) problems.push(`dist/${file} is part of the browser preview`);
    if (!file.endsWith('.js')) continue;
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const f of PREVIEW_FINGERPRINTS) if (text.includes(f)) problems.push(`dist/${file} contains preview code ("${f}")`);
  }
  for (const [entry, modules] of Object.entries(modulesByEntry || {})) {
    if (entry === 'preview') problems.push('the build has a "preview" entry');
    for (const mod of modules) if (PREVIEW_MODULE.test(mod)) problems.push(`entry "${entry}" contains the preview module ${mod}`);
  }
  return problems;
}

function main() {
  const problems = [];
  const page = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(page)) {
    console.error('dist/taskpane.html ontbreekt: voer eerst "npm run build" uit.');
    process.exitCode = 1;
    return;
  }
  const scripts = localScriptsOf(page);
  if (scripts.length === 0) problems.push('dist/taskpane.html loads no script from this build');
  for (const s of scripts) {
    const text = fs.readFileSync(path.join(DIST, s), 'utf8');
    for (const f of findFingerprints(text)) problems.push(`dist/${s} contains the ExcelJS fingerprint "${f}"`);
  }
  if (fs.existsSync(MODULES_REPORT)) {
    const report = JSON.parse(fs.readFileSync(MODULES_REPORT, 'utf8'));
    problems.push(...findForbiddenModules(report));
    problems.push(...findPreviewInDist(DIST, report));
  } else {
    problems.push(`${path.relative(ROOT, MODULES_REPORT)} is missing (it is written by the webpack build)`);
  }
  if (problems.length) {
    console.error('Bundle check FAILED:\n  ' + problems.join('\n  '));
    process.exitCode = 1;
  } else {
    console.log(`Bundle check OK: taskpane (${scripts.join(', ')}) has no ExcelJS, .xlsx adapter, CLI or Node built-ins; dist/ has no preview.`);
  }
}

module.exports = { findForbiddenModules, findPreviewInDist, localScriptsOf, findFingerprints, MODULES_REPORT, GUARDED_ENTRIES, PREVIEW_FINGERPRINTS };

if (require.main === module) main();
