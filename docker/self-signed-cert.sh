#!/usr/bin/env bash
# A self-signed certificate for trying the edge (docker/nginx/nginx.conf) before the operator's own is in place:
#   docker/self-signed-cert.sh docker/certs passerelle.example.test
# writes <dir>/public.crt, <dir>/public.key and <dir>/truststore.p12 (password "passerelle", when keytool is there) (EC P-256, 30 days, the name and localhost/127.0.0.1 as
# subject alternative names). Browsers warn about it: never use it for real traffic.
set -euo pipefail
dir="${1:?usage: $0 <output dir> [host name]}"
name="${2:-localhost}"
mkdir -p "$dir"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
  -subj "/CN=$name" -addext "subjectAltName=DNS:$name,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/public.key" -out "$dir/public.crt" 2>/dev/null
chmod 600 "$dir/public.key"
# The demo SP and DP (compose profile demo) are Java programs: they trust the pair through this trust store.
if command -v keytool >/dev/null 2>&1; then
  rm -f "$dir/truststore.p12"
  keytool -importcert -noprompt -alias passerelle-edge -file "$dir/public.crt" \
    -keystore "$dir/truststore.p12" -storetype PKCS12 -storepass passerelle >/dev/null
fi
echo "Wrote $dir/public.crt and $dir/public.key (self-signed, for $name; for trying only)"
