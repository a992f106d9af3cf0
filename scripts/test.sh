#!/usr/bin/env bash
# Installs everything the tests need and runs every test: types, ESLint, the Prettier check, Vitest, then Playwright on the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium for the browser tests…"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
npm run format:check
# Built before Vitest: the kill -9 test and Playwright drive the production server entry.
npm run build
npx vitest run
npx playwright test
