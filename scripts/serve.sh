#!/usr/bin/env bash
# Installs, migrates, loads the starter library and demo data, builds and serves Stride at http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npx tsx scripts/migrate.ts
npx tsx scripts/seed.ts
npx next build
echo
echo "Stride is starting at http://localhost:${PORT:-3000}"
echo "Demo patient: \"Dana Whitfield (demo)\" with an active plan. Database: ${STRIDE_DB_PATH:-data/stride.db}"
echo
exec npx next start -p "${PORT:-3000}"
