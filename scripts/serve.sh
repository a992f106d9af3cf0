#!/usr/bin/env bash
# Installs, migrates, loads the starter library and demo data, builds and serves Stride at http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npx tsx scripts/migrate.ts
npx tsx scripts/seed.ts
export STRIDE_BASE_URL="${STRIDE_BASE_URL:-http://localhost:${PORT:-3000}}"
npx next build
echo
echo "Stride is starting at http://localhost:${PORT:-3000}"
if [ "${STRIDE_DEMO:-1}" != "0" ]; then
  echo "Sign in to the demo clinic as an admin:    admin@riverside-demo.example / stride-demo-walks"
  echo "                       or as a therapist:  therapist@riverside-demo.example / stride-demo-walks"
  echo "Demo patient: \"Dana Whitfield (demo)\" with an active plan."
else
  echo "Open the address above to set up your clinic and its first admin account."
fi
echo "Database: ${STRIDE_DB_PATH:-data/stride.db}"
echo
# Not `next start`: scripts/server.ts sets the client's address from the connection (or, with
# STRIDE_TRUSTED_PROXY=1, from the reverse proxy's header and listening on 127.0.0.1 only).
export PORT="${PORT:-3000}"
exec npx tsx scripts/server.ts
