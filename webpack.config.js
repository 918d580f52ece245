// Webpack 5 build of the task pane (inside Excel) and, separately, the browser preview.
//
//   npx webpack --mode production   -> dist/ for Excel only: the task pane, help and privacy
//                                      pages, hashed bundles and dist/manifest.xml pointing at
//                                      the production URL (deploy.config.json or
//                                      KOPPELKANSEN_URL; see docs/deploy.md). No preview page
//                                      or preview code (scripts/check-bundle.js checks).
//   npx webpack --mode production --env preview
//                                   -> dist-preview/: the browser preview alone (npm run
//                                      build:preview; the end-to-end tests serve it)
//   npx webpack --mode development  -> dist/ with the localhost manifest (Excel only)
//   npx webpack serve --mode development
//                                   -> dev server on https://localhost:3000 (certificates
//                                      from scripts/dev-certs.js) with both the task pane
//                                      and the preview; plain http when the certificates
//                                      cannot be made or when PREVIEW_HTTP=1.
//
// Env: PORT (dev server port, default 3000), PREVIEW_HTTP=1 (serve http, for the
// browser preview and e2e tests), KOPPELKANSEN_URL (production URL override).
'use strict';

const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_URL, resolveProductionUrl, resolvePublisher, toProductionManifest } = require('./scripts/manifest-url');
const { findForbiddenModules, MODULES_REPORT } = require('./scripts/check-bundle');
const { contentSecurityPolicy } = require('./scripts/csp');

const ROOT = __dirname;
const DIST = path.join(ROOT, 'dist');
/** Where `npm run build:preview` writes the browser preview (never shipped with the add-in). */
const PREVIEW_DIST = path.join(ROOT, 'dist-preview');
const DEV_PORT = 3000;
/** Pages without script: the SupportUrl page and the privacy statement (in both builds). */
const STATIC_PAGES = ['help.html', 'privacy.html'];
/** Icons the manifest refers to; copied to dist/assets/. */
const ICON_SIZES = [16, 32, 64, 80, 128];

/** Every module path (relative to ROOT) that ends up in each entry, async chunks included. */
function modulesPerEntry(compilation) {
  const result = {};
  const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');
  const collect = (mod, into) => {
    if (Array.isArray(mod.modules)) {
      for (const inner of mod.modules) collect(inner, into); // concatenated modules
      return;
    }
    const id = typeof mod.identifier === 'function' ? mod.identifier() : '';
    if (id.startsWith('ignored|')) {
      into.add('ignored|' + id.split('|').pop());
      return;
    }
    if (mod.resource) into.add(rel(mod.resource.split('?')[0]));
  };
  for (const [name, entrypoint] of compilation.entrypoints) {
    const mods = new Set();
    for (const chunk of entrypoint.getEntrypointChunk().getAllReferencedChunks()) {
      for (const mod of compilation.chunkGraph.getChunkModulesIterable(chunk)) collect(mod, mods);
    }
    result[name] = [...mods].sort();
  }
  return result;
}

/** Records the modules per entry and fails the build if the Excel bundle has file-only code. */
class BundleGuardPlugin {
  constructor({ writeReport }) {
    this.writeReport = writeReport;
  }
  apply(compiler) {
    compiler.hooks.afterCompile.tap('BundleGuardPlugin', (compilation) => {
      if (compilation.compiler !== compiler) return; // child compilers (html plugin)
      const modules = modulesPerEntry(compilation);
      if (this.writeReport) {
        fs.mkdirSync(path.dirname(MODULES_REPORT), { recursive: true });
        fs.writeFileSync(MODULES_REPORT, JSON.stringify(modules, null, 2) + '\n');
      }
      for (const problem of findForbiddenModules(modules)) {
        compilation.errors.push(new Error(`BundleGuardPlugin: ${problem}`));
      }
    });
  }
}

/** https options for the dev server, or null (with a warning) when certificates fail. */
async function devHttpsOptions() {
  try {
    const { ensureDevCerts } = require('./scripts/dev-certs');
    const { key, cert, ca } = await ensureDevCerts();
    return { key, cert, ca };
  } catch (err) {
    console.warn(
      `\n[koppelkansen] WAARSCHUWING: https-certificaten maken lukte niet (${err.message}).\n` +
        '  De ontwikkelserver draait nu op gewoon http. De voorbeeldpagina werkt, maar Excel\n' +
        '  laadt de invoegtoepassing alleen via https. Probeer: node scripts/dev-certs.js --force\n',
    );
    return null;
  }
}

function printStartInfo(protocol, port) {
  const base = `${protocol}://localhost:${port}/`;
  const manifestMatches = base === DEV_URL;
  const lines = [
    '',
    'Koppelkansen Kiezen: ontwikkelserver',
    `  Voorbeeld in de browser (zonder Excel): ${base}preview.html`,
    `  Taakvenster (voor Excel):               ${base}taskpane.html`,
    `  Manifest:                               ${base}manifest.xml  (bestand: manifest.xml)`,
    '',
    'Invoegtoepassing in Excel laden (sideloaden), met deze server actief:',
    '  - Excel voor het web: open het venster Office-invoegtoepassingen (Start >',
    '    Invoegtoepassingen > Meer invoegtoepassingen, of Invoegen > Office-invoegtoepassingen)',
    '    > Mijn invoegtoepassingen > Mijn invoegtoepassing uploaden > kies manifest.xml.',
    '  - Windows: zet manifest.xml in een gedeelde map, voeg die map toe als vertrouwde',
    '    catalogus (Vertrouwenscentrum) en kies Invoegtoepassingen > Gedeelde map.',
    '  - Mac: kopieer manifest.xml naar',
    '    ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ en start Excel opnieuw.',
    '  Excel moet het certificaat vertrouwen: importeer .certs/ca.crt als vertrouwde',
    '  basiscertificeringsinstantie op de computer met Excel. Zie docs/deploy.md.',
  ];
  if (!manifestMatches) {
    lines.push(
      '',
      `  LET OP: manifest.xml verwijst naar ${DEV_URL}, deze server draait op ${base}.`,
      '  Sideloaden werkt alleen met https op poort 3000; het browservoorbeeld werkt wel.',
    );
  }
  console.log(lines.join('\n') + '\n');
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'development';
  const production = mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  // The preview build (--env preview) holds only the preview; the Excel build never does;
  // the dev server serves both (npm start: preview.html and taskpane.html).
  const previewOnly = Boolean(env.preview) && !serving;
  const withExcel = !previewOnly;
  const withPreview = serving || previewOnly;
  // Validate the production URL before compiling anything, so a wrong setting fails fast.
  const productionUrl = production && withExcel ? resolveProductionUrl() : null;
  const publisher = production && withExcel ? resolvePublisher() : null;

  // Every page carries the same policy as its first <meta> after the charset
  // (scripts/csp.js), before anything it governs loads; the templates print `csp`.
  const csp = contentSecurityPolicy({ serving });

  const config = {
    mode,
    context: ROOT,
    entry: {
      ...(withExcel ? { taskpane: './src/taskpane/office.tsx' } : {}),
      ...(withPreview ? { preview: './src/taskpane/preview.tsx' } : {}),
    },
    output: {
      path: previewOnly ? PREVIEW_DIST : DIST,
      filename: production ? '[name].[contenthash].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash].js' : '[name].js',
      // Relative URLs: the build works under any path on the gemeente's server.
      publicPath: '',
      clean: true,
    },
    target: 'web',
    // No eval-based source maps: the pages' Content-Security-Policy has no 'unsafe-eval'.
    devtool: production ? false : 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.json'],
      // The .xlsx adapter imports 'fs'/'path' lazily for its Node-only file methods; the
      // preview uses only its buffer methods. The Excel entry may not contain them at all
      // (BundleGuardPlugin fails the build on an "ignored" module there).
      fallback: { fs: false, path: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules for webpack's tree shaking (tsconfig says commonjs for jest/tsx).
              compilerOptions: { module: 'es2020', sourceMap: !production },
            },
          },
        },
        {
          test: /\.xlsx$/i,
          type: 'asset/resource',
          generator: { filename: production ? 'assets/[name].[contenthash][ext]' : 'assets/[name][ext]' },
        },
      ],
    },
    plugins: [
      ...(withExcel
        ? [
            new HtmlWebpackPlugin({
              filename: 'taskpane.html',
              csp,
              template: './src/taskpane/taskpane.html',
              chunks: ['taskpane'],
            }),
          ]
        : []),
      ...(withPreview
        ? [
            new HtmlWebpackPlugin({
              filename: 'preview.html',
              csp,
              template: './src/taskpane/preview.html',
              chunks: ['preview'],
            }),
          ]
        : []),
      ...STATIC_PAGES.map(
        (name) =>
          new HtmlWebpackPlugin({
            filename: name,
            csp,
            template: `./src/taskpane/${name}`,
            inject: false,
            chunks: [],
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          // Static page parts kept out of the HTML for the CSP (no inline script or style).
          { from: 'src/taskpane/static', to: '.' },
          ...ICON_SIZES.map((size) => ({
            from: `assets/icon-${size}.png`,
            to: `assets/icon-${size}.png`,
          })),
          ...(withExcel
            ? [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: production ? (content) => toProductionManifest(content.toString('utf8'), productionUrl, publisher) : undefined,
                },
              ]
            : []),
        ],
      }),
      // The report describes the Excel build (dist/); the preview build leaves it alone.
      new BundleGuardPlugin({ writeReport: !serving && !previewOnly }),
    ],
    performance: { hints: false }, // see `npm run size` for the gzip figures
  };

  if (serving) {
    const port = Number(process.env.PORT || DEV_PORT);
    const wantHttp = process.env.PREVIEW_HTTP === '1';
    const httpsOptions = wantHttp ? null : await devHttpsOptions();
    const protocol = httpsOptions ? 'https' : 'http';
    config.devServer = {
      host: 'localhost',
      port,
      server: httpsOptions ? { type: 'https', options: httpsOptions } : { type: 'http' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      open: false,
      client: { overlay: { errors: true, warnings: false } },
      setupMiddlewares: (middlewares, devServer) => {
        // Without Excel, the root of the server is the browser preview.
        devServer.app.get('/', (_req, res) => res.redirect('/preview.html'));
        return middlewares;
      },
      onListening: () => printStartInfo(protocol, port),
    };
  }

  return config;
};

module.exports.ICON_SIZES = ICON_SIZES;
module.exports.STATIC_PAGES = STATIC_PAGES;
module.exports.PREVIEW_DIST = PREVIEW_DIST;
