#!/usr/bin/env bash
# Configures and builds everything (native server and tests, WebAssembly client and
# the core tests under Node) into build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export NODE_PATH=/usr/share/nodejs  # Emscripten 3.1.6's JS optimizer needs Debian's acorn
jobs=$(nproc)
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j "$jobs"
