#!/usr/bin/env bash
# Starts the whole suite on this machine: PostgreSQL, Keycloak (realm dcjk) and the four services.
# Safe to run twice: what is already running is left alone. Stop everything with deploy/local/down.sh.
#   --build     rebuild first
#   --province  load Shandong's whole directory (16 cities, 136 counties, ~1,800 townships, ~22,000 units)
#               over the demo seed; idempotent, so running it again changes nothing
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
mkdir -p "$RUN" "$LOGS"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

wait_http() { # url seconds what
  local i
  for ((i = 0; i < $2; i++)); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 1
  done
  die "$3 did not become ready within $2 s (see $LOGS)"
}

BUILD=0 PROVINCE=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    --province) PROVINCE=1 ;;
    *) die "unknown option $arg (known: --build, --province)" ;;
  esac
done

# --- prerequisites --------------------------------------------------------------------------
command -v java >/dev/null || die "Java 17 or later is required (JAVA_HOME or java on PATH)"
jv=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${jv%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or later is required (found $jv)"
command -v curl >/dev/null || die "curl is required"
command -v unzip >/dev/null || die "unzip is required"
if ! PGBIN=$(find_pg_bin); then
  cat >&2 <<MSG
error: PostgreSQL server binaries (initdb, pg_ctl) were not found.
Install them, for example on Debian or Ubuntu:   sudo apt-get install -y postgresql
or point PG_BIN at the folder that holds initdb and pg_ctl.
MSG
  exit 1
fi

# --- build ----------------------------------------------------------------------------------
missing=0
for s in "${SERVICES[@]}"; do
  [ -f "$ROOT/${s%%:*}/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
if [ "$missing" = 1 ] || [ "$BUILD" = 1 ]; then
  say "Building the suite (./mvnw package, tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) > "$LOGS/build.log" 2>&1 || die "build failed, see $LOGS/build.log"
fi

# --- PostgreSQL -----------------------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- test -x "$LOCAL" || die "the postgres user cannot reach $LOCAL; set DCJK_LOCAL_DIR to a folder it can reach"
fi
if as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
  say "PostgreSQL already running on port $PG_PORT"
else
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    say "Creating a PostgreSQL cluster in $PGDATA_DIR"
    if [ "$(id -u)" = 0 ]; then
      install -d -o postgres -g postgres -m 700 "$PGDATA_DIR"
    else
      install -d -m 700 "$PGDATA_DIR"
    fi
    as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$LOGS/initdb.log" 2>&1 \
      || die "initdb failed, see $LOGS/initdb.log"
  fi
  say "Starting PostgreSQL on port $PG_PORT"
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1" start > /dev/null || die "PostgreSQL did not start, see $PGDATA_DIR/server.log"
fi
psql_pg() { as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'dcjk'")" != 1 ]; then
  psql_pg -c "CREATE ROLE dcjk LOGIN PASSWORD 'dcjk'"
fi
for db in dcjk_plans dcjk_inspections dcjk_accountability dcjk_gateway; do
  if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    psql_pg -c "CREATE DATABASE $db OWNER dcjk"
  fi
done

# --- Keycloak -------------------------------------------------------------------------------
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  say "Fetching Keycloak $KC_VERSION (Maven: org.keycloak:keycloak-quarkus-dist)"
  mkdir -p "$LOCAL/downloads"
  (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip \
    -DoutputDirectory="$LOCAL/downloads") > "$LOGS/keycloak-fetch.log" 2>&1 || die "could not fetch Keycloak, see $LOGS/keycloak-fetch.log"
  unzip -q -o "$LOCAL/downloads/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$LOCAL"
fi
if alive "$RUN/keycloak.pid" keycloak; then
  say "Keycloak already running on port $KC_PORT"
else
  say "Starting Keycloak on port $KC_PORT (dev mode, realm dcjk imported)"
  mkdir -p "$KC_HOME/data/import"
  cp "$ROOT/deploy/keycloak/dcjk-realm.json" "$KC_HOME/data/import/dcjk-realm.json"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$KC_HOME/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-management-port=$((KC_PORT + 10)) \
    --hostname="http://127.0.0.1:$KC_PORT" --import-realm > "$LOGS/keycloak.log" 2>&1 < /dev/null &
  echo $! > "$RUN/keycloak.pid"
fi
wait_http "http://127.0.0.1:$KC_PORT/realms/dcjk/.well-known/openid-configuration" 180 "Keycloak"

# --- the four services ----------------------------------------------------------------------
export OIDC_AUTH_SERVER_URL="http://127.0.0.1:$KC_PORT/realms/dcjk"
export DB_USER=dcjk DB_PASSWORD=dcjk JSON_LOGS="${JSON_LOGS:-false}" QUARKUS_HTTP_HOST="${QUARKUS_HTTP_HOST:-127.0.0.1}"
export PLANS_URL=http://127.0.0.1:8081 INSPECTIONS_URL=http://127.0.0.1:8082 ACCOUNTABILITY_URL=http://127.0.0.1:8083
# The key of the gateway's admission stamps, shared with the services (article 27's binding); made once.
if [ ! -s "$ROOT/.local/admission.key" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 > "$ROOT/.local/admission.key")
fi
DCJK_ADMISSION_KEY="$(cat "$ROOT/.local/admission.key")"
export DCJK_ADMISSION_KEY
for s in "${SERVICES[@]}"; do
  name=${s%%:*}; port=${s##*:}
  if alive "$RUN/$name.pid" "$name/target/quarkus-app"; then
    say "$name already running on port $port"
    continue
  fi
  db=dcjk_${name%-service}
  say "Starting $name on port $port"
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    setsid java -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" > "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
done
for s in "${SERVICES[@]}"; do
  wait_http "http://127.0.0.1:${s##*:}/q/health/ready" 120 "${s%%:*}"
done

# --- the whole province (--province) -------------------------------------------------------
if [ "$PROVINCE" = 1 ]; then
  say "Loading Shandong's whole directory into the units directory"
  rm -rf "$LOCAL/province" && mkdir -p "$LOCAL/province"
  java -cp "$ROOT/plans-service/target/classes" cn.dcjk.plans.unit.province.ProvinceTree --chunks "$LOCAL/province" \
    || die "could not generate the province's tree"
  token=$(curl -fsS -d grant_type=password -d client_id=dcjk-dev -d username=admin -d password=demo \
    "http://127.0.0.1:$KC_PORT/realms/dcjk/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/') \
    || die "could not get a token for admin"
  created=0 unchanged=0 updated=0
  for f in "$LOCAL"/province/units-*.json; do
    answer=$(curl -sS -o "$LOCAL/province/answer.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data-binary "@$f" http://127.0.0.1:8081/api/v1/units/import) \
      || die "plans-service did not answer the import of $f"
    [ "$answer" = 200 ] || die "the import of $f was refused ($answer): $(head -c 2000 "$LOCAL/province/answer.json")"
    n() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$LOCAL/province/answer.json"; }
    created=$((created + $(n created))) updated=$((updated + $(n updated))) unchanged=$((unchanged + $(n unchanged)))
  done
  say "Province loaded: $created units created, $updated updated, $unchanged unchanged"
fi

cat <<MSG

dcjk is up.
  gateway (the only entry)   http://127.0.0.1:8080          Swagger UI http://127.0.0.1:8080/q/swagger-ui
  console                    http://127.0.0.1:8080/         (sign in with a demo user below)
  plans-service              http://127.0.0.1:8081/q/swagger-ui
  inspections-service        http://127.0.0.1:8082/q/swagger-ui
  accountability-service     http://127.0.0.1:8083/q/swagger-ui
  Keycloak (admin / admin)   http://127.0.0.1:$KC_PORT/admin   realm dcjk
  PostgreSQL                 127.0.0.1:$PG_PORT  (user dcjk, password dcjk)
  logs                       $LOGS

Demo users (password: demo): planner, office-reviewer, party-office, committee-approver, inspection-team,
dispatching-unit, inspected-unit, discipline-officer, complaint-handler, auditor, admin
(README.md, "The console", says who does which step)

List units through the gateway as planner:
  TOKEN=\$(curl -s -d grant_type=password -d client_id=dcjk-dev -d username=planner -d password=demo \\
    http://127.0.0.1:$KC_PORT/realms/dcjk/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8080/api/v1/units?level=CITY'

Stop everything: deploy/local/down.sh
MSG
