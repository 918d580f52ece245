/* global document -- a classic browser script, not a module */
// Plain ES5 on purpose: older Office on Windows runs add-ins in Internet Explorer,
// where the React bundle cannot run. Show a Dutch explanation instead of a blank pane.
// A separate file (not inline) so the page's Content-Security-Policy needs no
// 'unsafe-inline' for scripts (see scripts/csp.js).
(function () {
  if (/Trident\/|MSIE /.test(navigator.userAgent)) {
    var el = document.getElementById('legacy-browser');
    if (el) el.style.display = 'block';
  }
})();
