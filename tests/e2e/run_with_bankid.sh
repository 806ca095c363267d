#!/usr/bin/env bash
# Usage: tests/e2e/run_with_bankid.sh CMD [ARG...]
#
# Starts the BankID stand-in (tools/bankid_standin, with the test certificates in
# BUILD/bankid-test) on free loopback ports, then run_with_server.sh with the server
# pointed at it (mutual TLS), and CMD with SKOLNAV_BANKID_APP (the stand-in's app page)
# in its environment besides run_with_server.sh's.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SKOLNAV_BUILD_DIR:-$repo/build}
certs=$build/bankid-test
bash "$repo/scripts/bankid_test_certs.sh" "$certs" >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/skolnav-bankid.XXXXXX")
"$build/tools/bankid-standin" --cert "$certs/standin.pem" --key "$certs/standin.key" \
  --client-ca "$certs/ca.pem" >"$work/standin.log" 2>&1 &
standin_pid=$!
trap 'kill "$standin_pid" 2>/dev/null; wait "$standin_pid" 2>/dev/null; rm -rf "$work"' EXIT

rp="" app=""
for _ in $(seq 1 100); do
  rp=$(sed -n 's#^BankID stand-in RP API: \(https://[^ ]*\)$#\1#p' "$work/standin.log")
  app=$(sed -n 's#^BankID stand-in app: \(http://[^ ]*\)$#\1#p' "$work/standin.log")
  [ -n "$rp" ] && [ -n "$app" ] && break
  sleep 0.1
done
if [ -z "$rp" ] || [ -z "$app" ]; then
  echo "run_with_bankid: the stand-in did not start:" >&2
  cat "$work/standin.log" >&2
  exit 2
fi
export SKOLNAV_BANKID_APP="$app"
export SKOLNAV_SERVER_ARGS="${SKOLNAV_SERVER_ARGS:-} --bankid-url $rp --bankid-ca $certs/ca.pem --bankid-cert $certs/rp.pem --bankid-key $certs/rp.key"
bash "$here/run_with_server.sh" "$@"
