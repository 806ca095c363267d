#!/usr/bin/env bash
# Sets up, builds and runs Skolnav: the server on http://localhost:8080 with the demo
# municipality, serving the web client and the API. Data is kept in ./data.
# SKOLNAV_PORT, SKOLNAV_HOST and SKOLNAV_DATA change where it listens and stores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
exec "$root/build/server/skolnav-server" \
  --host "${SKOLNAV_HOST:-127.0.0.1}" --port "${SKOLNAV_PORT:-8080}" \
  --data "${SKOLNAV_DATA:-$root/data}" --web "$root/build/web"
