#!/usr/bin/env bash
# Proxy throughput of the gateway against nginx, on this machine, with wrk.
# An nginx answers a fixed JSON body (the upstream); the same request goes directly, through an nginx
# reverse proxy (keep-alive upstream), and through the gateway on a public route (request id, path
# reading, routing, public-route check, rate limit and forwarding all included; no token check,
# which needs Keycloak: see the note printed at the end). Needs: wrk, nginx, PostgreSQL binaries,
# the gateway built (./mvnw -pl gateway -am package -DskipTests).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/local/common.sh"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 1; }
command -v nginx >/dev/null || { echo "nginx is required (apt-get install nginx-light)"; exit 1; }
PGBIN=$(find_pg_bin) || { echo "PostgreSQL binaries are required"; exit 1; }
JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || { echo "build the gateway first: ./mvnw -pl gateway -am package -DskipTests"; exit 1; }

WORK=$(mktemp -d /tmp/dcjk-bench.XXXXXX)
chmod 755 "$WORK"
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
UP=18181; NGINX_PROXY=18190; GW=18180; PG=18432
cleanup() {
  [ -f "$WORK/gw.pid" ] && kill "$(cat "$WORK/gw.pid")" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  sleep 1
  cp "$WORK/gateway.log" "${TMPDIR:-/tmp}/dcjk-bench-gateway.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream backend { server 127.0.0.1:$UP; keepalive 64; }
  server { listen 127.0.0.1:$UP; location / { default_type application/json; return 200 '{"items":[]}'; } }
  server { listen 127.0.0.1:$NGINX_PROXY;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$WORK/pg"; else install -d -m 700 "$WORK/pg"; fi
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -o "-p $PG -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
as_postgres psql -h 127.0.0.1 -p $PG -U postgres -qc "CREATE DATABASE bench" >/dev/null

QUARKUS_HTTP_PORT=$GW QUARKUS_HTTP_HOST=127.0.0.1 JSON_LOGS=false QUARKUS_LOG_LEVEL=WARN \
  DB_URL="jdbc:postgresql://127.0.0.1:$PG/bench" DB_USER=postgres DB_PASSWORD= \
  PLANS_URL="http://127.0.0.1:$UP" INSPECTIONS_URL="http://127.0.0.1:$UP" ACCOUNTABILITY_URL="http://127.0.0.1:$UP" \
  RATE_LIMIT_PER_SECOND=10000000 RATE_LIMIT_BURST=10000000 QUARKUS_OIDC_CONNECTION_DELAY=0S \
  java ${JAVA_BENCH_OPTS:-} -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
echo $! > "$WORK/gw.pid"
for i in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$GW/q/health/live" && break; sleep 1; done

run() { # name url
  wrk -t2 -c"$CONNECTIONS" -d5s "$2" >/dev/null          # warm-up (JIT, pools)
  local rps
  rps=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$2" | awk '/Requests\/sec/ {print $2}')
  printf '%-28s %12s req/s\n' "$1" "$rps"
  echo "$rps" > "$WORK/$1.rps"
}
PATH_Q="/api/v1/positive-list?year=2027"
echo "wrk -t2 -c$CONNECTIONS -d$DURATION, one machine (2 cores shared by wrk, proxy and upstream)"
run direct "http://127.0.0.1:$UP$PATH_Q"
run nginx-proxy "http://127.0.0.1:$NGINX_PROXY$PATH_Q"
run gateway "http://127.0.0.1:$GW$PATH_Q"
[ -n "${EXTRA:-}" ] && { run gateway-404 "http://127.0.0.1:$GW/api/v1/nowhere"; run gateway-live "http://127.0.0.1:$GW/q/health/live"; }
awk -v d="$(cat "$WORK/direct.rps")" -v n="$(cat "$WORK/nginx-proxy.rps")" -v g="$(cat "$WORK/gateway.rps")" \
  'BEGIN { printf "nginx keeps %.2f of direct; the gateway keeps %.2f of direct, %.2f of nginx\n", n/d, g/d, g/n }'
echo "(token validation is not in this route; it adds a cached signature check per request)"
