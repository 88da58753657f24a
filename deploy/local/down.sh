#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the process ids it recorded; data stays in .local/.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

stop_group() { # name
  local pidfile="$RUN/$1.pid" pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if alive "$pidfile"; then
    echo "Stopping $1 (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 30; i++)); do
      alive "$pidfile" || break
      sleep 1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

for s in gateway accountability-service inspections-service plans-service keycloak; do
  stop_group "$s"
done
if PGBIN=$(find_pg_bin) && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
  echo "Stopping PostgreSQL"
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop > /dev/null 2>&1 || true
fi
echo "Stopped. Data and logs stay in $LOCAL (delete it to start afresh)."
