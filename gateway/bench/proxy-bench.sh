#!/usr/bin/env bash
# Speed of the gateway against nginx, on this machine, with wrk, every figure and ratio from one run.
#
#   MODE=proxy  a trivial upstream (nginx answering a fixed JSON body): the same GET directly, through an
#               nginx reverse proxy (one worker, keep-alive upstream), through the gateway on a public
#               route, and through the gateway on an authenticated route (a real RS256 token checked on
#               every request: signature, expiry, issuer, audience dcjk-api); the same authenticated
#               route on a second gateway that remembers no verified token (a signature check per request).
#   MODE=e2e    the real plans-service (GET /api/v1/units/{code}, authenticated end to end): directly,
#               through nginx, through the gateway; and a write of an inspection team under the channel
#               policy (body read, units directory lookup from a warm cache, decision logged, stamped)
#               against the same write sent directly to the upstream.
# Run it once per mode (proxy is the default): each mode routes the plans prefixes to its own upstream.
#
# The realm is local: an RSA key made for the run, its JWKS and OIDC discovery served by nginx, tokens
# signed with it. The gateway's RSS is reported idle and at its peak under load.
# Needs: wrk, nginx, curl, PostgreSQL binaries, a JDK (BenchRealm.java runs with the source launcher); the gateway (and for e2e plans-service) built:
#   ./mvnw -pl gateway,plans-service -am package -DskipTests
# Every proxy is sent the same request (the token included, which nginx passes on unread).
# Knobs: DURATION (10s), WARMUP (5s), CONNECTIONS (50), LIGHT (4: connections of the light-load latency rows), ROUNDS (1), GATEWAY_JAVA_OPTS, JFR=1 (records
# the gateway, file copied next to the log), SMOKE=1 (1 s runs, for a check that it all works).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/local/common.sh"
MODE=${MODE:-proxy}
case "$MODE" in proxy|e2e) ;; *) echo "MODE is proxy or e2e"; exit 1 ;; esac
for t in wrk nginx openssl curl java; do command -v $t >/dev/null || { echo "$t is required (apt-get install wrk nginx-light openssl curl)"; exit 1; }; done
PGBIN=$(find_pg_bin) || { echo "PostgreSQL binaries are required"; exit 1; }
GW_JAR="${GW_JAR:-$ROOT/gateway/target/quarkus-app/quarkus-run.jar}"
PLANS_JAR="$ROOT/plans-service/target/quarkus-app/quarkus-run.jar"
[ -f "$GW_JAR" ] || { echo "build first: ./mvnw -pl gateway,plans-service -am package -DskipTests"; exit 1; }
if [ "$MODE" != proxy ] && [ ! -f "$PLANS_JAR" ]; then echo "build plans-service first (or MODE=proxy)"; exit 1; fi

DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-5s}; CONNECTIONS=${CONNECTIONS:-50}; ROUNDS=${ROUNDS:-1}; LIGHT=${LIGHT:-4}
if [ -n "${SMOKE:-}" ]; then DURATION=1s; WARMUP=1s; ROUNDS=1; fi
UP=18181; REALM=18182; NGINX_PROXY=18190; NGINX_PLANS=18191; GW=18180; GW_NOCACHE=18183; PLANS=18185; PG=18432
# the gateway as deployed: its container's memory limit (768 MiB) sizes the heap, as the JVM would there
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--XX:MaxRAM=768m}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dcjk-bench.XXXXXX")
chmod 755 "$WORK"
OUT="${TMPDIR:-/tmp}"
cleanup() {
  for p in gw gw2 plans; do
    [ -f "$WORK/$p.pid" ] && kill "$(cat "$WORK/$p.pid")" 2>/dev/null || true
  done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  sleep 2
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  cp "$WORK/gateway.log" "$OUT/dcjk-bench-gateway.log" 2>/dev/null || true
  cp "$WORK/gateway-nocache.log" "$OUT/dcjk-bench-gateway-nocache.log" 2>/dev/null || true
  cp "$WORK/plans.log" "$OUT/dcjk-bench-plans.log" 2>/dev/null || true
  cp "$WORK"/*.jfr "$OUT/" 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

# --- the local realm: a key, its JWKS and discovery (served by nginx below), tokens signed with it --
ISSUER="http://127.0.0.1:$REALM/realms/bench"
java "$(dirname "${BASH_SOURCE[0]}")/BenchRealm.java" "$WORK" "$ISSUER" "${FRESH_TOKENS:-5000}"
READER=$(cat "$WORK/reader.token"); TEAM=$(cat "$WORK/team.token"); OTHER_AUDIENCE=$(cat "$WORK/other-audience.token")
WRITE_BODY='{"unitCode":"370000-D-EDU","note":"bench visit"}'
cat > "$WORK/write.lua" <<LUA
wrk.method = "POST"
wrk.body = '$WRITE_BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TEAM"
LUA
sed "s/Bearer $TEAM/Bearer $READER/" "$WORK/write.lua" > "$WORK/write-pass.lua"

# --- nginx: the trivial upstream, the realm's static documents, the reference proxies -------------
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream backend { server 127.0.0.1:$UP; keepalive 64; }
  upstream plans { server 127.0.0.1:$PLANS; keepalive 64; }
  server { listen 127.0.0.1:$UP; location / { default_type application/json; return 200 '{"items":[]}'; } }
  server { listen 127.0.0.1:$REALM; root $WORK/www; default_type application/json; }
  server { listen 127.0.0.1:$NGINX_PROXY;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; } }
  server { listen 127.0.0.1:$NGINX_PLANS;
    location / { proxy_pass http://plans; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$WORK/pg"; else install -d -m 700 "$WORK/pg"; fi
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -o "-p $PG -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
as_postgres psql -h 127.0.0.1 -p $PG -U postgres -qc "CREATE DATABASE gateway" >/dev/null
as_postgres psql -h 127.0.0.1 -p $PG -U postgres -qc "CREATE DATABASE plans" >/dev/null

export OIDC_AUTH_SERVER_URL="$ISSUER" QUARKUS_OIDC_CONNECTION_DELAY=0S JSON_LOGS=false QUARKUS_HTTP_HOST=127.0.0.1 \
  DB_USER=postgres DB_PASSWORD= DCJK_ADMISSION_KEY=$(openssl rand -base64 32)
wait_up() { for _ in $(seq 1 90); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done; echo "$1 did not come up"; exit 1; }
if [ "$MODE" != proxy ]; then
  QUARKUS_HTTP_PORT=$PLANS DB_URL="jdbc:postgresql://127.0.0.1:$PG/plans" QUARKUS_LOG_LEVEL=WARN \
    java ${PLANS_JAVA_OPTS:-} -jar "$PLANS_JAR" > "$WORK/plans.log" 2>&1 &
  echo $! > "$WORK/plans.pid"
  wait_up "http://127.0.0.1:$PLANS/q/health/ready"
  PLANS_TARGET="http://127.0.0.1:$PLANS"
else
  PLANS_TARGET="http://127.0.0.1:$UP"
fi
JFR_OPTS=""
[ -n "${JFR:-}" ] && JFR_OPTS="-XX:StartFlightRecording=filename=$WORK/gateway.jfr,settings=profile"
# plans (and the units directory) at plans-service in e2e; inspections and accountability at the trivial upstream
QUARKUS_HTTP_PORT=$GW QUARKUS_LOG_LEVEL=WARN DB_URL="jdbc:postgresql://127.0.0.1:$PG/gateway" \
  PLANS_URL="$PLANS_TARGET" INSPECTIONS_URL="http://127.0.0.1:$UP" ACCOUNTABILITY_URL="http://127.0.0.1:$UP" \
  DCJK_DIRECTORY_URL="$PLANS_TARGET" RATE_LIMIT_PER_SECOND=10000000 RATE_LIMIT_BURST=10000000 \
  java ${GATEWAY_JAVA_OPTS:-} $JFR_OPTS -jar "$GW_JAR" > "$WORK/gateway.log" 2>&1 &
GW_PID=$!
echo $GW_PID > "$WORK/gw.pid"
if [ "$MODE" != e2e ]; then
  # a second gateway that remembers no verified token: every request's signature is checked afresh
  QUARKUS_HTTP_PORT=$GW_NOCACHE QUARKUS_LOG_LEVEL=WARN DB_URL="jdbc:postgresql://127.0.0.1:$PG/gateway" \
    PLANS_URL="$PLANS_TARGET" INSPECTIONS_URL="http://127.0.0.1:$UP" ACCOUNTABILITY_URL="http://127.0.0.1:$UP" \
    DCJK_DIRECTORY_URL="$PLANS_TARGET" RATE_LIMIT_PER_SECOND=10000000 RATE_LIMIT_BURST=10000000 \
    DCJK_GATEWAY_TOKEN_CACHE_SIZE=0 QUARKUS_FLYWAY_MIGRATE_AT_START=false \
    java ${GATEWAY_JAVA_OPTS:-} -jar "$GW_JAR" > "$WORK/gateway-nocache.log" 2>&1 &
  echo $! > "$WORK/gw2.pid"
  wait_up "http://127.0.0.1:$GW_NOCACHE/q/health/live"
fi
wait_up "http://127.0.0.1:$GW/q/health/live"

rss() { awk '/VmRSS/ {print $2}' "/proc/$GW_PID/status"; }
expect() { # status url [curl args...]
  local want=$1 url=$2; shift 2
  local got
  got=$(curl -s -o "$WORK/answer" -w '%{http_code}' "$@" "$url")
  [ "$got" = "$want" ] || { echo "expected $want from $url, got $got: $(head -c 400 "$WORK/answer")"; exit 1; }
}
UNIT=/api/v1/units/370100-PC
PUBLIC="/api/v1/positive-list?year=2027"
VISIT=/api/v1/inspections/1/visits
# every route answers what it should before it is measured
expect 200 "http://127.0.0.1:$GW$PUBLIC"
expect 200 "http://127.0.0.1:$GW$UNIT" -H "Authorization: Bearer $READER"
expect 401 "http://127.0.0.1:$GW$UNIT"
SIG=${READER##*.}; FLIP=${SIG:20:1}; [ "$FLIP" = A ] && FLIP=B || FLIP=A
expect 401 "http://127.0.0.1:$GW$UNIT" -H "Authorization: Bearer ${READER%.*}.${SIG:0:20}$FLIP${SIG:21}"
expect 401 "http://127.0.0.1:$GW$UNIT" -H "Authorization: Bearer $OTHER_AUDIENCE"
if [ "$MODE" != proxy ]; then
  expect 200 "http://127.0.0.1:$PLANS$UNIT" -H "Authorization: Bearer $READER"
  expect 200 "http://127.0.0.1:$GW$VISIT" -X POST -H "Authorization: Bearer $TEAM" -H 'Content-Type: application/json' --data "$WRITE_BODY"
fi
if [ -n "${HOLD:-}" ]; then # keep everything up for a look (tokens in $WORK/reader.token, $WORK/team.token)
  echo "holding ${HOLD}s: gateway :$GW, nginx proxy :$NGINX_PROXY, upstream :$UP, plans :$PLANS, work $WORK"; sleep "$HOLD"
fi
sleep 2
RSS_IDLE=$(rss)
# the gateways' JIT warms up on every route before anything is measured
WARM=${WARM:-15s}; [ -n "${SMOKE:-}" ] && WARM=1s
wrk -t2 -c"$CONNECTIONS" -d"$WARM" -H "Authorization: Bearer $READER" "http://127.0.0.1:$GW$UNIT" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARM" "http://127.0.0.1:$GW$PUBLIC" >/dev/null
[ "$MODE" != e2e ] && wrk -t2 -c"$CONNECTIONS" -d"$WARM" -s "$WORK/fresh.lua" "http://127.0.0.1:$GW_NOCACHE$UNIT" >/dev/null
[ "$MODE" != proxy ] && wrk -t2 -c"$CONNECTIONS" -d"$WARM" -s "$WORK/write.lua" "http://127.0.0.1:$GW$VISIT" >/dev/null

PEAK=$WORK/rss.peak; echo "$RSS_IDLE" > "$PEAK"
( while kill -0 $GW_PID 2>/dev/null; do r=$(rss || echo 0); [ "${r:-0}" -gt "$(cat "$PEAK")" ] && echo "$r" > "$PEAK"; sleep 0.5; done ) &
SAMPLER=$!

bench() { # name url [wrk args...]: rps and latency percentiles into $WORK/name.*
  local name=$1 url=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" > "$WORK/$name.out"
  awk '/Requests\/sec/ {print $2}' "$WORK/$name.out" > "$WORK/$name.rps"
  awk '$1=="50%" || $1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%s ", v}' \
    "$WORK/$name.out" > "$WORK/$name.lat"
  local errs
  errs=$(awk '/Non-2xx|Socket errors/' "$WORK/$name.out" | tr '\n' ' ')
  read -r p50 p99 < "$WORK/$name.lat" || true
  printf '  %-34s %10s req/s   p50 %7s ms   p99 %7s ms  %s\n' "$name" "$(cat "$WORK/$name.rps")" "$p50" "$p99" "$errs"
}
fig() { cat "$WORK/$1.rps"; }
p99() { awk '{print $2}' "$WORK/$1.lat"; }
ratio() { awk -v a="$(fig "$1")" -v b="$(fig "$2")" 'BEGIN { printf "%.2f", a/b }'; }

echo "wrk -t2 -c$CONNECTIONS, ${WARMUP} warm-up then ${DURATION} per figure, $(nproc) cores shared by wrk, nginx, the services and the gateway"
for round in $(seq 1 "$ROUNDS"); do
  [ "$ROUNDS" -gt 1 ] && echo "round $round"
  if [ "$MODE" != e2e ]; then
    echo " trivial upstream"
    bench direct "http://127.0.0.1:$UP$UNIT"
    bench nginx-proxy "http://127.0.0.1:$NGINX_PROXY$UNIT" -H "Authorization: Bearer $READER"
    bench gateway-public "http://127.0.0.1:$GW$PUBLIC"
    bench gateway-auth "http://127.0.0.1:$GW$UNIT" -H "Authorization: Bearer $READER"
    bench gateway-auth-no-token-cache "http://127.0.0.1:$GW_NOCACHE$UNIT" -s "$WORK/fresh.lua"
    echo "  => public route $(ratio gateway-public nginx-proxy)x nginx; authenticated $(ratio gateway-auth nginx-proxy)x nginx;" \
      "every signature checked afresh $(ratio gateway-auth-no-token-cache nginx-proxy)x nginx (nginx keeps $(ratio nginx-proxy direct) of direct)"
  fi
  if [ "$MODE" != proxy ]; then
    echo " plans-service, GET $UNIT with a token"
    bench e2e-direct "http://127.0.0.1:$PLANS$UNIT" -H "Authorization: Bearer $READER"
    bench e2e-nginx "http://127.0.0.1:$NGINX_PLANS$UNIT" -H "Authorization: Bearer $READER"
    bench e2e-gateway "http://127.0.0.1:$GW$UNIT" -H "Authorization: Bearer $READER"
    awk -v g="$(fig e2e-gateway)" -v n="$(fig e2e-nginx)" -v d="$(p99 e2e-direct)" -v pn="$(p99 e2e-nginx)" -v pg="$(p99 e2e-gateway)" \
      'BEGIN { printf "  => gateway %.2fx nginx; p99 added over direct at saturation: nginx %.2f ms, gateway %.2f ms (%+.2f ms)\n", g/n, pn-d, pg-d, (pg-d)-(pn-d) }'
    # the latency a proxy adds, measured at a load all three carry (at saturation p99 is mostly queueing)
    echo " the same GET at a light load (wrk -t1 -c$LIGHT): the latency each proxy adds"
    for name in direct nginx gateway; do
      case $name in direct) port=$PLANS ;; nginx) port=$NGINX_PLANS ;; gateway) port=$GW ;; esac
      bench "light-$name" "http://127.0.0.1:$port$UNIT" -H "Authorization: Bearer $READER" -t1 -c"$LIGHT"
    done
    awk -v d="$(p99 light-direct)" -v pn="$(p99 light-nginx)" -v pg="$(p99 light-gateway)" \
      'BEGIN { printf "  => p99 added over direct at a light load: nginx %.2f ms, gateway %.2f ms (%+.2f ms)\n", pn-d, pg-d, (pg-d)-(pn-d) }'
    echo " a team's write under the channel policy (POST $VISIT, directory from a warm cache, decision logged)"
    bench write-direct "http://127.0.0.1:$UP$VISIT" -s "$WORK/write.lua"
    bench write-gateway-not-a-team "http://127.0.0.1:$GW$VISIT" -s "$WORK/write-pass.lua"
    bench write-gateway "http://127.0.0.1:$GW$VISIT" -s "$WORK/write.lua"
    awk -v g="$(fig write-gateway)" -v d="$(fig write-direct)" -v pd="$(p99 write-direct)" -v pg="$(p99 write-gateway)" \
      -v n="$(fig write-gateway-not-a-team)" -v pn="$(p99 write-gateway-not-a-team)" \
      'BEGIN { printf "  => the gateway keeps %.2f of the direct write rate (p99 %.2f ms against %.2f ms direct); the team write under the policy keeps %.2f of a write the policy lets pass unread (p99 %.2f ms)\n", g/d, pg, pd, g/n, pn }'
  fi
done
kill $SAMPLER 2>/dev/null || true
awk -v i="$RSS_IDLE" -v p="$(cat "$PEAK")" 'BEGIN { printf "gateway RSS: idle %d MiB, peak under load %d MiB (%.2fx idle)\n", i/1024, p/1024, p/i }'
