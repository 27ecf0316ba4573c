#!/usr/bin/env bash
# Builds the suite, assembles Keycloak with it and starts the whole demo on this machine:
# the broker and the demo IdP realms (embedded database kept under ./data). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

KEYCLOAK_VERSION=26.7.3
KC_HOME="$PWD/server/target/keycloak-$KEYCLOAK_VERSION"
DATA="$PWD/data"
BROKER_PORT=8080
MANAGEMENT_PORT=9000

echo "Building Passerelle and assembling Keycloak $KEYCLOAK_VERSION (first run downloads dependencies)..."
mvn -B -q -ntp -DskipTests package

mkdir -p "$DATA/h2"
pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  echo "Stopped."
}
trap stop_all INT TERM EXIT

KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$KC_HOME/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port=$BROKER_PORT \
    --http-management-host=127.0.0.1 --http-management-port=$MANAGEMENT_PORT \
    --hostname-strict=false --import-realm \
    --db-url="jdbc:h2:file:$DATA/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    >"$DATA/keycloak.log" 2>&1 &
pids+=($!)
echo "Keycloak is starting (log: data/keycloak.log)..."

for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" >/dev/null 2>&1; then
    cat <<MSG

Passerelle is running.
  Broker (realm passerelle):  http://localhost:$BROKER_PORT/realms/passerelle/.well-known/openid-configuration
  Admin console:              http://localhost:$BROKER_PORT/admin/  (demo admin: admin / admin)
  Demo IdP realms:            idp-impots, idp-identite-numerique (OIDC), idp-eidas (SAML); demo password: demo
  Try a login as a service provider would send it:
    http://localhost:$BROKER_PORT/realms/passerelle/protocol/openid-connect/auth?client_id=demo-sp-public&redirect_uri=http://localhost:8081/callback&response_type=code&scope=openid%20profile%20birth&state=demo-state&nonce=demo-nonce&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256

Press Ctrl-C to stop.
MSG
    wait "${pids[0]}"
    exit 0
  fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "Keycloak stopped before it was ready; see data/keycloak.log" >&2
    tail -20 "$DATA/keycloak.log" >&2
    exit 1
  fi
  sleep 1
done
echo "Keycloak not ready after 180 s; see data/keycloak.log" >&2
exit 1
