#!/usr/bin/env bash
# Set-up of a Debian 12 machine with Node 20 for this project. Idempotent: a second run
# changes nothing and takes about a second. Runs as root (apt-get needs it).
#
#  - Debian packages the tests need, installed only when missing:
#      libreoffice-calc-nogui  recalculates the workbooks we write, to cross-check every
#                              formula against the engine (tests/crosscheck);
#      libreoffice-writer-nogui converts the onderbouwing (.docx) to PDF, to check that it
#                              renders and how many pages it takes (tests/report);
#      poppler-utils           pdfinfo and pdftotext read that PDF back (page count, words);
#      chromium                end-to-end tests of the task pane through playwright-core
#                              (never a browser downloaded by Playwright).
#    `--no-install-recommends`: checked on a fresh debootstrap'ed bookworm that headless
#    LibreOffice still converts and recalculates .xlsx and Chromium still renders text
#    (DejaVu fonts come as a dependency); it skips ~160 packages (Python, Perl, CUPS and
#    desktop helpers). Fresh install of both there: about 70 s.
#  - npm packages with `npm ci` when node_modules is missing or older than the lock file.
#
# Usage data / telemetry: the office-addin-* dev tools we use depend on
# office-addin-usage-data, pinned by package-lock.json to 3.0.0. In 3.x every reporting
# function is an empty stub (telemetry was removed; its only dependency is `commander`),
# it never prompts and never reads or writes ~/office-addin-usage-data.json, so no
# setting is needed to turn it off. Versions before 2.1 did report: tests/telemetry.test.ts
# fails if an older one ever comes back. The product itself sends nothing anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

# What the tests look for (tests/helpers/libreoffice.ts, tests/e2e), not package names:
# a full LibreOffice (libreoffice-calc, which conflicts with -nogui) is just as good.
need=()
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# Writer's core library: present with libreoffice-writer-nogui and with the full libreoffice-writer
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    say "missing Debian packages: ${need[*]}; run as root, or: sudo apt-get install --no-install-recommends ${need[*]}"
    exit 1
  fi
  say "installing Debian packages: ${need[*]} (about a minute)"
  start=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp -t kk-apt.XXXXXX.log)
  if ! { apt-get -o DPkg::Lock::Timeout=300 update -qq &&
         apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1; then
    tail -n 30 "$log"
    say "apt-get failed (full log: $log)"
    exit 1
  fi
  rm -f "$log"
  say "Debian packages installed in $((SECONDS - start)) s"
else
  say "Debian packages present (LibreOffice Calc and Writer, poppler-utils, Chromium)"
fi

# npm writes node_modules/.package-lock.json on every install: older than the lock file
# (or missing) means node_modules does not match package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
else
  say "node_modules up to date"
fi

# The command line runs compiled JavaScript (lib/); `npm ci` builds it through `prepare`.
if [ ! -f lib/src/cli/main.js ]; then
  say "npm run build:cli"
  npm run --silent build:cli
fi
say "done"
