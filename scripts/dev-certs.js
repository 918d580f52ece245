// Development https certificates for the webpack dev server, generated offline into
// .certs/ (gitignored) with office-addin-dev-certs' generateCertificates().
//
// We deliberately do NOT call `office-addin-dev-certs install` or
// getHttpsServerOptions(): both try to install the CA with sudo, which fails on a
// plain Linux machine. To make Excel trust the dev server, trust .certs/ca.crt
// yourself once (see docs/deploy.md); the browser preview works without it.
//
// Run directly to (re)generate: node scripts/dev-certs.js [--force]
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const CERT_DIR = path.join(__dirname, '..', '.certs');
const CA_PATH = path.join(CERT_DIR, 'ca.crt');
const CERT_PATH = path.join(CERT_DIR, 'localhost.crt');
const KEY_PATH = path.join(CERT_DIR, 'localhost.key');
// A new CA comes with every regeneration (and must be trusted again), so keep them a year.
const DAYS_VALID = 365;
/** Regenerate when fewer than this many days are left. */
const MIN_DAYS_LEFT = 2;

function readIfUsable() {
  if (![CA_PATH, CERT_PATH, KEY_PATH].every((f) => fs.existsSync(f))) return null;
  const cert = fs.readFileSync(CERT_PATH);
  const key = fs.readFileSync(KEY_PATH);
  const ca = fs.readFileSync(CA_PATH);
  try {
    const x509 = new crypto.X509Certificate(cert);
    const msLeft = new Date(x509.validTo).getTime() - Date.now();
    if (msLeft < MIN_DAYS_LEFT * 24 * 3600 * 1000) return null;
    if (!x509.checkHost('localhost')) return null;
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) return null;
  } catch {
    return null;
  }
  return { ca, cert, key };
}

/**
 * Returns { ca, cert, key } (Buffers) for https://localhost, generating them when
 * missing, expiring or unreadable. Throws when generation fails.
 */
async function ensureDevCerts({ force = false } = {}) {
  const existing = force ? null : readIfUsable();
  if (existing) return existing;
  const { generateCertificates } = require('office-addin-dev-certs');
  fs.mkdirSync(CERT_DIR, { recursive: true });
  // generateCertificates() silently writes nothing when the CA file already exists.
  for (const f of [CA_PATH, CERT_PATH, KEY_PATH]) fs.rmSync(f, { force: true });
  await generateCertificates(CA_PATH, CERT_PATH, KEY_PATH, DAYS_VALID);
  fs.chmodSync(KEY_PATH, 0o600);
  const fresh = readIfUsable();
  if (!fresh) throw new Error(`generated certificates in ${CERT_DIR} are not usable`);
  return fresh;
}

module.exports = { ensureDevCerts, CERT_DIR, CA_PATH, CERT_PATH, KEY_PATH };

if (require.main === module) {
  ensureDevCerts({ force: process.argv.includes('--force') }).then(
    () => console.log(`Certificaten staan in ${CERT_DIR} (CA: ${CA_PATH}).`),
    (err) => {
      console.error(`Certificaten maken lukte niet: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
