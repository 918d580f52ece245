// The one place that knows how the add-in's URLs change between development and
// production. Used by webpack.config.js (production build writes dist/manifest.xml)
// and by tests/manifest.test.ts.
//
// The production URL comes from deploy.config.json ("productionUrl") and can be
// overridden with the environment variable KOPPELKANSEN_URL; the publisher Office shows
// as the add-in's provider (<ProviderName>) comes from "publisher", overridden by
// KOPPELKANSEN_PUBLISHER.
'use strict';

const fs = require('fs');
const path = require('path');

/** Base URL every URL in the source manifest starts with. */
const DEV_URL = 'https://localhost:3000/';
/** Origin form used by <AppDomain> (no trailing slash). */
const DEV_ORIGIN = 'https://localhost:3000';
const CONFIG_FILE = path.join(__dirname, '..', 'deploy.config.json');
const ENV_VAR = 'KOPPELKANSEN_URL';
const PUBLISHER_ENV_VAR = 'KOPPELKANSEN_PUBLISHER';
/** <ProviderName> is a ShortString in the manifest schema (at most 125 characters). */
const PUBLISHER_MAX = 125;

/**
 * Checks a production base URL and returns it unchanged when it is usable:
 * absolute, https, ending in "/", no query or fragment, not localhost.
 * Throws an Error that says what to fix otherwise.
 */
function validateProductionUrl(url) {
  const where = `(set "productionUrl" in deploy.config.json or the ${ENV_VAR} environment variable)`;
  if (typeof url !== 'string' || url.trim() === '') {
    throw new Error(`Production URL is missing ${where}.`);
  }
  if (url !== url.trim()) throw new Error(`Production URL "${url}" has surrounding spaces ${where}.`);
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Production URL "${url}" is not an absolute URL ${where}.`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`Production URL "${url}" must use https: Office only loads add-ins over https ${where}.`);
  }
  if (!url.endsWith('/')) {
    throw new Error(`Production URL "${url}" must end with "/" ${where}.`);
  }
  if (parsed.search || parsed.hash || url.includes('?') || url.includes('#')) {
    throw new Error(`Production URL "${url}" must not contain "?" or "#" ${where}.`);
  }
  if (/[&'"<>\s]/.test(url)) {
    throw new Error(`Production URL "${url}" contains a character that is not allowed in the manifest (& ' " < > or space) ${where}.`);
  }
  if (parsed.username || parsed.password) {
    throw new Error(`Production URL "${url}" must not contain a user name or password ${where}.`);
  }
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/i.test(parsed.hostname)) {
    throw new Error(`Production URL "${url}" points at this machine, not at a server ${where}.`);
  }
  if (parsed.href !== url) {
    throw new Error(`Production URL "${url}" is not in normal form; use "${parsed.href}" ${where}.`);
  }
  return url;
}

/**
 * The production base URL: KOPPELKANSEN_URL if set (non-empty), else
 * deploy.config.json's productionUrl. Always validated.
 */
function resolveProductionUrl(options = {}) {
  const env = options.env || process.env;
  const configFile = options.configFile || CONFIG_FILE;
  const fromEnv = env[ENV_VAR];
  if (fromEnv !== undefined && fromEnv !== '') return validateProductionUrl(fromEnv);
  let config;
  try {
    config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read ${configFile}: ${err.message}`);
  }
  return validateProductionUrl(config && config.productionUrl);
}

/**
 * Checks the publisher's name (the gemeente or team that offers the add-in, shown by
 * Office as its provider): a non-empty trimmed string of at most 125 characters, not a
 * sample name such as "Contoso". Returns it unchanged; throws an Error saying what to fix.
 */
function validatePublisher(name) {
  const where = `(set "publisher" in deploy.config.json or the ${PUBLISHER_ENV_VAR} environment variable)`;
  if (typeof name !== 'string' || name.trim() === '') throw new Error(`Publisher is missing ${where}.`);
  if (name !== name.trim()) throw new Error(`Publisher "${name}" has surrounding spaces ${where}.`);
  if (name.length > PUBLISHER_MAX) throw new Error(`Publisher "${name}" is longer than ${PUBLISHER_MAX} characters ${where}.`);
  if (/contoso|fabrikam|your (company|organi[sz]ation)/i.test(name)) throw new Error(`Publisher "${name}" is a sample name, not a publisher ${where}.`);
  if ([...name].some((c) => c.charCodeAt(0) < 0x20)) throw new Error(`Publisher "${name}" contains a control character ${where}.`);
  return name;
}

/** The publisher: KOPPELKANSEN_PUBLISHER if set (non-empty), else deploy.config.json's "publisher". Validated. */
function resolvePublisher(options = {}) {
  const env = options.env || process.env;
  const fromEnv = env[PUBLISHER_ENV_VAR];
  if (fromEnv !== undefined && fromEnv !== '') return validatePublisher(fromEnv);
  return validatePublisher(readConfig(options.configFile || CONFIG_FILE).publisher);
}

function readConfig(configFile) {
  try {
    return JSON.parse(fs.readFileSync(configFile, 'utf8')) || {};
  } catch (err) {
    throw new Error(`Cannot read ${configFile}: ${err.message}`);
  }
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Rewrites a development manifest for production: every "https://localhost:3000/"
 * becomes productionUrl, and the bare origin "https://localhost:3000" (AppDomain)
 * becomes productionUrl's origin. The source's comments (written for developers)
 * are replaced by one note saying where the file came from. With `publisher`, the
 * <ProviderName> becomes that name (XML-escaped). Throws if anything still mentions
 * localhost.
 */
function toProductionManifest(xml, productionUrl, publisher) {
  const base = validateProductionUrl(productionUrl);
  const origin = new URL(base).origin;
  const note =
    // (No URL in the note: "--" inside a comment, as in punycode hosts, is invalid XML.)
    '<!-- Generated by "npm run build" from manifest.xml and deploy.config.json.\n' +
    '     Do not edit: change manifest.xml or deploy.config.json and build again. -->\n';
  let out = xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '');
  out = out.split(DEV_URL).join(base).split(DEV_ORIGIN).join(origin);
  if (publisher !== undefined) {
    const name = escapeXml(validatePublisher(publisher));
    if (!/<ProviderName>[^<]*<\/ProviderName>/.test(out)) throw new Error('Manifest has no <ProviderName> to set the publisher in');
    out = out.replace(/<ProviderName>[^<]*<\/ProviderName>/, () => `<ProviderName>${name}</ProviderName>`);
  }
  const decl = out.match(/^\uFEFF?<\?xml[^>]*\?>\r?\n?/);
  out = decl ? decl[0] + note + out.slice(decl[0].length) : note + out;
  const leftover = out.match(/.{0,40}(localhost|127\.0\.0\.1).{0,40}/i);
  if (leftover) {
    throw new Error(`Manifest still refers to the development server after rewriting: "${leftover[0].trim()}"`);
  }
  return out;
}

module.exports = {
  DEV_URL,
  DEV_ORIGIN,
  ENV_VAR,
  PUBLISHER_ENV_VAR,
  CONFIG_FILE,
  validatePublisher,
  resolvePublisher,
  validateProductionUrl,
  resolveProductionUrl,
  toProductionManifest,
};
