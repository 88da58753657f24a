# Shared by up.sh and down.sh: where things live and how to find PostgreSQL.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL="${DCJK_LOCAL_DIR:-$ROOT/.local}"
RUN="$LOCAL/run"
LOGS="$LOCAL/logs"
PGDATA_DIR="$LOCAL/pgdata"
PG_PORT="${DCJK_PG_PORT:-5432}"
KC_VERSION=26.5.6
KC_HOME="$LOCAL/keycloak-$KC_VERSION"
KC_PORT="${DCJK_KEYCLOAK_PORT:-8180}"
SERVICES=(plans-service:8081 inspections-service:8082 accountability-service:8083 gateway:8080)

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_pg_bin() {
  local d
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return 0; fi
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

# Whether the process recorded in a pid file runs. kill -0 is not enough: it succeeds on a zombie
# (a process that exited but was not reaped yet), so the process state is read (/proc/PID/stat, or
# ps where there is no /proc): Z (zombie) and X (dead) are not alive. With a second argument, the
# command line must also contain it, so a pid reused by another program is not taken for ours.
alive() { # pidfile [command-line fragment]
  local pid state cmd
  [ -f "$1" ] || return 1
  pid=$(cat "$1" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  if [ -d /proc/self ]; then
    state=$(sed -e 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  else
    state=$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ') || return 1
  fi
  case "$state" in '' | Z* | X* | x*) return 1 ;; esac
  if [ -n "${2:-}" ]; then
    if [ -r "/proc/$pid/cmdline" ]; then
      cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)
    else
      cmd=$(ps -o args= -p "$pid" 2>/dev/null)
    fi
    [[ "$cmd" == *"$2"* ]] || return 1
  fi
  return 0
}
