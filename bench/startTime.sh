#!/usr/bin/env bash
# Measures `npm start` to /readyz on the embedded database: cold (no build, no data folder) then warm.
# Usage: bash bench/startTime.sh   (uses PORT 4077 and EMBEDDED_PG_PORT 54377 and a scratch data folder)
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=4077 EMBEDDED_PG_PORT=54377 EMBEDDED_PG_DIR=.data/bench-start LOG_LEVEL=warn

# Job control: each `npm start` gets its own process group, so the stop below reaches only the server this
# script started (never another checkout's or another user's `node dist/src/main.js`).
set -m

measure() {
  local started=$(date +%s.%N)
  npm start >/tmp/orgraph-start-$1.log 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz"; do
    kill -0 $pid 2>/dev/null || { echo "server died; see /tmp/orgraph-start-$1.log"; exit 1; }
    sleep 0.05
  done
  local ready=$(date +%s.%N)
  printf '%-5s start to ready: %.2f s\n' "$1" "$(echo "$ready - $started" | bc)"
  # SIGTERM to the server process itself (npm and the shell in between do not forward it), then wait for its
  # graceful stop, which also stops the embedded PostgreSQL before the next measurement starts.
  kill -TERM $(pgrep -g "$pid" -f '^node .*dist/src/main.js') 2>/dev/null || true
  wait $pid 2>/dev/null || true
}

rm -rf dist "$EMBEDDED_PG_DIR"
measure cold
measure warm
rm -rf "$EMBEDDED_PG_DIR"
