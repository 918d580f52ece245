// The Content-Security-Policy of every page the build writes (task pane, preview, help).
//
// It is a <meta http-equiv> in each page (injected by webpack.config.js), because the
// add-in is static files on whatever server a gemeente uses; a server may send the same
// policy as a header as well (docs/deploy.md). A meta policy cannot carry
// frame-ancestors, so framing stays the server's business.
//
// Why each source:
//  - script-src: our own bundles, and office.js, which Microsoft requires from its CDN
//    (it loads its host-specific scripts from the same origin). No 'unsafe-inline' (the
//    Internet Explorer notice is a file, legacy-browser.js) and no 'unsafe-eval' (the
//    development build uses plain source maps instead of eval).
//  - style-src: our own CSS file, plus Fluent UI v9's Griffel, which creates EMPTY <style>
//    elements at run time and fills them through the CSS object model (insertRule, not
//    governed by CSP). A <style> element is inline CSS, so it needs a nonce, a hash or
//    'unsafe-inline'. A static site cannot mint a nonce per response, so we allow exactly
//    the empty element by its hash (SHA-256 of ""); a <style> with injected text is still
//    refused. React's style={{…}} props set element.style through the CSS object model
//    too, which CSP does not govern.
//  - img-src: our icons; blob: for the chart the pane draws (SVG → <img> → canvas → PNG,
//    src/taskpane/logic/rasterize.ts); data: for images that Fluent UI or the chart
//    inline as data URLs.
//  - connect-src: our own files (the preview fetches the template workbook); office.js's
//    own origin for its run-time resources. Nothing else: the product sends nothing.
//  - object-src 'none', base-uri 'none', form-action 'none': no plugins, no <base>
//    hijack, no form posts anywhere.
'use strict';

/** SHA-256 of the empty string, base64: the hash of an empty inline <style> element. */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/**
 * The policy as an ordered list of [directive, sources]. `serving` adds the dev server's
 * websocket (live reload) to connect-src; nothing else differs between builds.
 */
function cspDirectives({ serving = false } = {}) {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", OFFICE_CDN]],
    ['style-src', ["'self'", EMPTY_STYLE_HASH]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", OFFICE_CDN, ...(serving ? ['ws://localhost:*', 'wss://localhost:*'] : [])]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
}

/** The policy as the string for the Content-Security-Policy meta tag or header. */
function contentSecurityPolicy(options) {
  return cspDirectives(options)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Parses a policy string into { directive: sources[] } (for tests and checks). */
function parseCsp(policy) {
  const out = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

module.exports = { contentSecurityPolicy, cspDirectives, parseCsp, EMPTY_STYLE_HASH, OFFICE_CDN };
