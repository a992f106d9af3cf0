#!/usr/bin/env bash
# Installs, migrates, tops up the starter library, builds and serves Stride at http://localhost:3000.
# Demo data is loaded only into a brand-new, empty database (never into one with staff or patients);
# STRIDE_DEMO=0 skips it even then. scripts/seed.ts says what it did and warns while demo accounts are active.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npx tsx scripts/migrate.ts
seed_report="$(npx tsx --conditions=react-server scripts/seed.ts)"
echo "$seed_report"
export STRIDE_BASE_URL="${STRIDE_BASE_URL:-http://localhost:${PORT:-3000}}"
npm run build
echo
echo "Stride is starting at http://localhost:${PORT:-3000}"
echo "A new database without demo data asks for the clinic's name and first admin account on the first visit."
echo "Database: ${STRIDE_DB_PATH:-data/stride.db}"
# Said again after the build's output, so the demo-account warning is not scrolled away.
echo "$seed_report"
echo
# Not `next start`: Stride's own entry (scripts/server.ts, built into .next/stride-server.cjs) sets the client's address from the connection (or, with
# STRIDE_TRUSTED_PROXY=1, from the reverse proxy's header and listening on 127.0.0.1 only).
export PORT="${PORT:-3000}"
exec bash scripts/start.sh
