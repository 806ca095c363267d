#!/usr/bin/env bash
# Test certificates for BankID over mutual TLS, made with the openssl command into DIR
# (build/bankid-test by default; never committed):
#   ca.pem            the stand-in's CA: signs its server certificate and the RP's client certificate
#   standin.pem/.key  the stand-in's server certificate (localhost, 127.0.0.1)
#   rp.pem/.key       Skolnav's RP client certificate (rp.p12 too, password "qwerty", as BankID's test ones)
#   stranger.pem/.key a client certificate from another CA, which the stand-in must refuse
# Safe to run again: does nothing when the files are there.
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")/.." && pwd)/build/bankid-test}
mkdir -p "$dir"
cd "$dir"
[ -f stranger.pem ] && [ -f rp.p12 ] && exit 0

days=3650
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $days \
  -subj "/CN=Skolnav BankID stand-in CA" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days $days \
  -subj "/CN=Some other CA" 2>/dev/null

# name, CA, extensions
issue() {
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
  printf '%s\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -out "$1.pem" -days $days \
    -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
issue standin ca "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"
issue rp ca "extendedKeyUsage=clientAuth"
issue stranger other-ca "extendedKeyUsage=clientAuth"
openssl pkcs12 -export -in rp.pem -inkey rp.key -out rp.p12 -passout pass:qwerty
echo "BankID test certificates in $dir"
