#!/usr/bin/env bash
# One-time (idempotent) set-up of a fresh Debian machine with Node 20 for this project:
#  - Debian packages the tests need: LibreOffice Calc (formula cross-check) and Chromium
#    (end-to-end tests of the task pane); installed only when missing.
#  - npm packages with `npm ci` when node_modules is missing or older than the lock file.
# The product sends no telemetry: office-addin-usage-data v3 (pulled in by the office-addin-*
# tools we use) reports nothing and never prompts; tests/telemetry.test.ts guards that.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    say "missing Debian packages: ${need[*]} (run as root or: sudo apt-get install ${need[*]})"
    exit 1
  fi
  say "installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
else
  say "Debian packages present (LibreOffice, Chromium)"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
else
  say "node_modules up to date"
fi
say "done"
