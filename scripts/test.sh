#!/usr/bin/env bash
# Sets up, builds and runs every test: core unit tests (native and under Node as
# WebAssembly), API and crash tests against the real server, browser tests in
# Chromium. Screenshots land in build/screenshots.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure --timeout 900 "$@"
