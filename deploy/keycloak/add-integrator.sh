#!/usr/bin/env bash
# Adds one provincial system (省级系统) to realm dcjk as its own confidential client:
# client credentials only, the realm role `integrator` (not the services' role `service`), the API
# audience `dcjk-api`, and the unit it acts for in the `unit_code` claim. Prints the client's secret
# once: hand it to the system's operators over a safe channel.
#
#   deploy/keycloak/add-integrator.sh <system> <unit-code> ["description"]
#   deploy/keycloak/add-integrator.sh --print <system> <unit-code> ["description"]   # the client JSON only
#
#   <system>     lower-case name of the system, 2 to 40 of a-z 0-9 -; the client is integrator-<system>
#   <unit-code>  the directory code of the unit the system acts for, e.g. 370000-GO
#
# Environment: KEYCLOAK_URL (default http://127.0.0.1:8180), KEYCLOAK_ADMIN (default admin),
# KEYCLOAK_ADMIN_PASSWORD (default admin), KCADM (Keycloak's kcadm.sh; default: on PATH, else in
# .local/keycloak-*/bin of this checkout). In Kubernetes, run it where kcadm.sh is, e.g.
#   kubectl -n dcjk exec -i dcjk-keycloak-0 -- env KCADM=/opt/keycloak/bin/kcadm.sh \
#     KEYCLOAK_URL=http://localhost:8080 KEYCLOAK_ADMIN=... KEYCLOAK_ADMIN_PASSWORD=... \
#     bash -s -- <system> <unit-code> < deploy/keycloak/add-integrator.sh
# To take a system's access away: disable or delete its client in the admin console (realm dcjk,
# Clients); to rotate its secret: Clients > integrator-<system> > Credentials > Regenerate.
set -euo pipefail

print_only=false
if [[ "${1:-}" == "--print" ]]; then
  print_only=true
  shift
fi
if [[ $# -lt 2 || $# -gt 3 ]]; then
  sed -n '2,13p' "$0" 2>/dev/null | sed 's/^# \{0,1\}//' >&2 || true
  exit 2
fi
system="$1"
unit="$2"
description="${3:-Provincial system $1}"
if [[ ! "$system" =~ ^[a-z0-9][a-z0-9-]{1,39}$ ]]; then
  echo "system: 2 to 40 of a-z 0-9 - (got '$system')" >&2
  exit 2
fi
if [[ ! "$unit" =~ ^[0-9A-Z][0-9A-Z-]{2,39}$ ]]; then
  echo "unit-code: a directory code such as 370000-GO (got '$unit')" >&2
  exit 2
fi
if [[ "$description" == *'"'* || "$description" == *'\'* ]]; then
  echo "description: no quotes or backslashes" >&2
  exit 2
fi
client="integrator-$system"

client_json() {
  cat <<JSON
{
  "clientId": "$client",
  "name": "$description",
  "description": "Provincial system: client credentials, role integrator, acts for $unit",
  "enabled": true,
  "publicClient": false,
  "protocol": "openid-connect",
  "clientAuthenticatorType": "client-secret",
  "standardFlowEnabled": false,
  "implicitFlowEnabled": false,
  "directAccessGrantsEnabled": false,
  "serviceAccountsEnabled": true,
  "defaultClientScopes": ["basic", "roles", "profile", "email", "web-origins", "acr"],
  "optionalClientScopes": [],
  "attributes": {"dcjk.integrator": "true"},
  "protocolMappers": [
    {
      "name": "dcjk-api-audience",
      "protocol": "openid-connect",
      "protocolMapper": "oidc-audience-mapper",
      "consentRequired": false,
      "config": {"included.custom.audience": "dcjk-api", "access.token.claim": "true",
                 "id.token.claim": "false", "introspection.token.claim": "true"}
    },
    {
      "name": "integrator-unit",
      "protocol": "openid-connect",
      "protocolMapper": "oidc-hardcoded-claim-mapper",
      "consentRequired": false,
      "config": {"claim.name": "unit_code", "claim.value": "$unit", "jsonType.label": "String",
                 "access.token.claim": "true", "id.token.claim": "false", "introspection.token.claim": "true"}
    }
  ]
}
JSON
}

if $print_only; then
  client_json
  exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" 2>/dev/null && pwd || echo .)"
kcadm="${KCADM:-}"
if [[ -z "$kcadm" ]]; then
  if command -v kcadm.sh >/dev/null; then
    kcadm=kcadm.sh
  else
    kcadm="$(ls -d "$here"/../../.local/keycloak-*/bin/kcadm.sh 2>/dev/null | head -n 1 || true)"
  fi
fi
if [[ -z "$kcadm" ]]; then
  echo "kcadm.sh not found: set KCADM to Keycloak's bin/kcadm.sh" >&2
  exit 1
fi
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
kc() { bash "$kcadm" "$@" --config "$config"; }

kc config credentials --server "${KEYCLOAK_URL:-http://127.0.0.1:8180}" --realm master \
  --user "${KEYCLOAK_ADMIN:-admin}" --password "${KEYCLOAK_ADMIN_PASSWORD:-admin}" >/dev/null
if [[ -n "$(kc get clients -r dcjk -q clientId="$client" --fields id --format csv --noquotes)" ]]; then
  echo "client $client exists already; nothing changed" >&2
  exit 1
fi
client_json | kc create clients -r dcjk -f - >/dev/null
id="$(kc get clients -r dcjk -q clientId="$client" --fields id --format csv --noquotes)"
kc add-roles -r dcjk --uusername "service-account-$client" --rolename integrator
secret="$(kc get "clients/$id/client-secret" -r dcjk --fields value --format csv --noquotes)"
echo "client_id=$client"
echo "client_secret=$secret"
