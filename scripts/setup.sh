#!/usr/bin/env bash
# Installs everything Skolnav needs on a Debian bookworm machine. Safe to run twice:
# each step checks first and does nothing when its result is already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages (bookworm) ---------------------------------------------------
packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev
  emscripten nodejs
  libssl-dev libsodium-dev nlohmann-json3-dev catch2
  fonts-inter fonts-noto-core fonts-dejavu-core fonts-font-awesome fonts-symbola python3-fonttools
  chromium chromium-driver
  gzip brotli curl
  nginx openssl
  publicsuffix
  libqrcodegencpp-dev zbar-tools
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Debian trixie source packages: Dear ImGui 1.90.1, cpp-httplib 0.18.7 ----------
# Fetched with a private apt list directory, so the machine's apt configuration stays
# bookworm-only. dpkg-source applies Debian's patches (httplib's CVE fixes).
tp="$root/third_party"
want_imgui="imgui-1.90.1+ds"
want_httplib="cpp-httplib-0.18.7"
if [ ! -f "$tp/$want_imgui/imgui.cpp" ] || [ ! -f "$tp/$want_httplib/httplib.h" ]; then
  say "fetching trixie sources: imgui, cpp-httplib"
  apt_dir="$tp/.apt"
  mkdir -p "$apt_dir/etc" "$apt_dir/lists/partial" "$tp"
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then uri=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list); fi
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" > "$apt_dir/etc/trixie-src.sources"
  A=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/etc" -o "Dir::State::Lists=$apt_dir/lists")
  as_root apt-get "${A[@]}" update -qq
  rm -rf "$tp/$want_imgui" "$tp/$want_httplib"
  (cd "$tp" && apt-get "${A[@]}" source -qq imgui=1.90.1+ds-1 cpp-httplib 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  [ -f "$tp/$want_imgui/imgui.cpp" ] || { echo "setup: imgui 1.90.1 source missing after fetch" >&2; exit 1; }
  [ -f "$tp/$want_httplib/httplib.h" ] || { echo "setup: cpp-httplib 0.18.7 source missing after fetch" >&2; exit 1; }
fi

# Node.js may come from Debian (npm is then its own package) or from a nodejs build
# that bundles npm: ask for the command, not for a package name.
if ! command -v npm >/dev/null 2>&1; then
  say "installing npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
fi

# --- npm: browser-test tools from the committed lock file --------------------------
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
