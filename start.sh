#!/usr/bin/env bash
# Builds the suite, assembles Keycloak with it and starts the three players of the demo on this machine:
# the broker with the demo IdP realms (embedded database kept under ./data), the demo service provider
# and the demo data provider, plus a local mail server (GreenMail) that keeps the e-mails the broker sends,
# and the demo EU wallet (a demo PID provider and a web wallet holding its PIDs).
# Ctrl-C stops them all.
#
# Ports: 8080 (broker), 9000 (broker management), 8081 (demo SP), 8082 (demo DP), 3025 (SMTP), 8083 (mail
# server API, read by the demo SP's mailbox page), 8084 (demo wallet); to use others, set PASSERELLE_BROKER_PORT,
# PASSERELLE_MANAGEMENT_PORT, PASSERELLE_SP_PORT, PASSERELLE_DP_PORT, PASSERELLE_SMTP_PORT, PASSERELLE_MAIL_API_PORT,
# PASSERELLE_WALLET_PORT.
# The realm files take these URLs at their first import only: delete ./data after changing a port.
set -euo pipefail
cd "$(dirname "$0")"

# The Keycloak version is written once, in pom.xml (keycloak.version); the assembled server's folder does not name it.
KEYCLOAK_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
KC_HOME="$PWD/server/target/keycloak"
DATA="$PWD/data"
BROKER_PORT=${PASSERELLE_BROKER_PORT:-8080}
MANAGEMENT_PORT=${PASSERELLE_MANAGEMENT_PORT:-9000}
SP_PORT=${PASSERELLE_SP_PORT:-8081}
DP_PORT=${PASSERELLE_DP_PORT:-8082}
SMTP_PORT=${PASSERELLE_SMTP_PORT:-3025}
MAIL_API_PORT=${PASSERELLE_MAIL_API_PORT:-8083}
WALLET_PORT=${PASSERELLE_WALLET_PORT:-8084}

# One set of URLs for all three: the realm files (at first import), the SP and the DP read the same variables.
export PASSERELLE_URL="http://localhost:$BROKER_PORT"
export PASSERELLE_SP_URL="http://localhost:$SP_PORT"
export PASSERELLE_DP_URL="http://localhost:$DP_PORT"
export PASSERELLE_ISSUER="$PASSERELLE_URL/realms/passerelle"
# The broker realm's demo SMTP settings (realm file, first import) and the demo SP's mailbox page.
export PASSERELLE_SMTP_HOST=127.0.0.1
export PASSERELLE_SMTP_PORT="$SMTP_PORT"
export PASSERELLE_MAILBOX_URL="http://127.0.0.1:$MAIL_API_PORT"
# The demo wallet: the broker realm's wallet invocation URL (realm file, first import) points at it.
export PASSERELLE_DEMO_WALLET_URL="http://localhost:$WALLET_PORT"
export PASSERELLE_DEMO_WALLET_DIR="$DATA/wallet"

for port in "$BROKER_PORT" "$MANAGEMENT_PORT" "$SP_PORT" "$DP_PORT" "$SMTP_PORT" "$MAIL_API_PORT" "$WALLET_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use on this machine; stop what uses it or choose other ports (see the top of $0)." >&2
    exit 1
  fi
done

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
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

# The demo's mail server: SMTP only on loopback, no authentication, every recipient gets a mailbox; its REST API
# lists the messages for the demo SP's mailbox page. Messages live in memory until Ctrl-C.
java -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.auth.disabled \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
  -jar demo-sp/target/greenmail-standalone.jar >"$DATA/mail.log" 2>&1 &
pids+=($!)

# The demo wallet's trust, created once under data/wallet: its PID provider CA (the broker's trust anchor) and the
# broker's demo verifier key. A production broker gets its own (docs/wallet.md).
java -jar demo-wallet/target/passerelle-demo-wallet.jar init "$DATA/wallet"
WALLET_OPTIONS=(
  --spi-identity-provider--passerelle-wallet--verifier-keystore="$DATA/wallet/verifier.p12"
  --spi-identity-provider--passerelle-wallet--verifier-keystore-password=demo-verifier
  --spi-identity-provider--passerelle-wallet--trust-anchors="$DATA/wallet/anchors"
)

KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$KC_HOME/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$BROKER_PORT" \
    --http-management-host=127.0.0.1 --http-management-port="$MANAGEMENT_PORT" \
    --hostname-strict=false --import-realm \
    --db-url="jdbc:h2:file:$DATA/h2/keycloakdb;NON_KEYWORDS=VALUE" "${WALLET_OPTIONS[@]}" \
    >"$DATA/keycloak.log" 2>&1 &
pids+=($!)
java -Xmx128m -jar demo-dp/target/passerelle-demo-dp.jar >"$DATA/demo-dp.log" 2>&1 &
pids+=($!)
java -Xmx128m -jar demo-sp/target/passerelle-demo-sp.jar >"$DATA/demo-sp.log" 2>&1 &
pids+=($!)
java -Xmx128m -jar demo-wallet/target/passerelle-demo-wallet.jar >"$DATA/demo-wallet.log" 2>&1 &
pids+=($!)
names=("the mail server (log: data/mail.log)" "Keycloak (log: data/keycloak.log)" "the demo DP (log: data/demo-dp.log)" "the demo SP (log: data/demo-sp.log)" "the demo wallet (log: data/demo-wallet.log)")
logs=("$DATA/mail.log" "$DATA/keycloak.log" "$DATA/demo-dp.log" "$DATA/demo-sp.log" "$DATA/demo-wallet.log")
echo "Starting the broker, the demo SP, the demo DP and the demo wallet (logs under data/)..."

all_alive() {
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || return 1
  done
}

ready() {
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" >/dev/null 2>&1 \
    && curl -fs "http://127.0.0.1:$SP_PORT/health" >/dev/null 2>&1 \
    && curl -fs "http://127.0.0.1:$DP_PORT/health" >/dev/null 2>&1 \
    && curl -fs "http://127.0.0.1:$MAIL_API_PORT/api/service/readiness" >/dev/null 2>&1 \
    && curl -fs "http://127.0.0.1:$WALLET_PORT/health" >/dev/null 2>&1
}

for _ in $(seq 1 180); do
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "${names[$i]} stopped before it was ready:" >&2
      tail -20 "${logs[$i]}" >&2
      exit 1
    fi
  done
  if ready; then
    cat <<MSG

Passerelle is running: three players on this machine (demo data, password of every demo account: demo).
  Start here, the demo service provider:  $PASSERELLE_SP_URL
  Demo data provider (API):               $PASSERELLE_DP_URL/api/data
  Broker (realm passerelle):              $PASSERELLE_URL/realms/passerelle/.well-known/openid-configuration
  Admin console:                          $PASSERELLE_URL/admin/  (demo admin: admin / admin)
  Demo mailbox (e-mails the broker sent): $PASSERELLE_SP_URL/mailbox  (SMTP on 127.0.0.1:$SMTP_PORT)
  "Ce n'est pas moi" report form:         $PASSERELLE_URL/realms/passerelle/passerelle-report
  Demo EU wallet and PID provider:        $PASSERELLE_DEMO_WALLET_URL  (reached from the broker's wallet page)
  Demo IdP realms:                        idp-impots, idp-identite-numerique (OIDC), idp-eidas (SAML)
  Walkthrough: README.md, section "Walk through the demo".

Press Ctrl-C to stop them all.
MSG
    # Until Ctrl-C or one of them stops; either way the trap stops the others.
    while all_alive; do
      sleep 1
    done
    for i in "${!pids[@]}"; do
      kill -0 "${pids[$i]}" 2>/dev/null || echo "${names[$i]} stopped." >&2
    done
    exit 1
  fi
  sleep 1
done
echo "Not ready after 180 s; see the logs under data/" >&2
exit 1
