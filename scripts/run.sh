#!/usr/bin/env bash
# Sets up, builds and runs Skolnav: the server on http://localhost:8080 with the demo
# municipality, serving the web client and the API. Data is kept in ./data.
# SKOLNAV_PORT, SKOLNAV_HOST and SKOLNAV_DATA change where it listens and stores.
# BankID sign-in goes to the local BankID stand-in (tools/bankid_standin), started here
# with test certificates; its "BankID app" is on http://127.0.0.1:SKOLNAV_BANKID_APP_PORT
# (8089). A school uses the real BankID service instead: see README, BankID.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"

certs="$root/build/bankid-test"
bash "$root/scripts/bankid_test_certs.sh" "$certs" >/dev/null
rp_port=${SKOLNAV_BANKID_RP_PORT:-8088}
app_port=${SKOLNAV_BANKID_APP_PORT:-8089}
"$root/build/tools/bankid-standin" --cert "$certs/standin.pem" --key "$certs/standin.key" \
  --client-ca "$certs/ca.pem" --rp-port "$rp_port" --app-port "$app_port" &
standin=$!
trap 'kill "$standin" 2>/dev/null' EXIT

"$root/build/server/skolnav-server" \
  --host "${SKOLNAV_HOST:-127.0.0.1}" --port "${SKOLNAV_PORT:-8080}" \
  --data "${SKOLNAV_DATA:-$root/data}" --web "$root/build/web" \
  --bankid-url "https://127.0.0.1:$rp_port/rp/v6.0" --bankid-ca "$certs/ca.pem" \
  --bankid-cert "$certs/rp.pem" --bankid-key "$certs/rp.key"
