#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and migration diffs: Debian's binaries, initdb + pg_ctl as an unprivileged
# user in a temporary folder, on 127.0.0.1 and a free port, trust auth (loopback only).
#   source scripts/pg-cluster.sh; pg_cluster_start; ... "$PG_CLUSTER_URL" ...; pg_cluster_stop
pg_cluster_start() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ ! -x "$bin/initdb" ]; then
    [ "$(id -u)" = 0 ] || { echo "[pg] PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
    echo "[pg] installing PostgreSQL" >&2
    apt-get install -y --no-install-recommends postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  PG_CLUSTER_BIN="$bin"
  PG_CLUSTER_DIR="$(mktemp -d /tmp/portal-pg.XXXXXX)"
  # initdb refuses to run as root.
  PG_CLUSTER_AS=()
  if [ "$(id -u)" = 0 ]; then chown nobody:nogroup "$PG_CLUSTER_DIR"; PG_CLUSTER_AS=(runuser -u nobody --); fi
  local port
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')"
  "${PG_CLUSTER_AS[@]}" "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U portal --auth=trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
  "${PG_CLUSTER_AS[@]}" "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/log" -w -s \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_CLUSTER_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start
  PG_CLUSTER_PORT="$port"
  PG_CLUSTER_URL="postgresql://portal@127.0.0.1:$port/postgres"
  export PG_CLUSTER_URL PG_CLUSTER_PORT
}

# A new, empty database on the running cluster; prints its URL.
pg_cluster_createdb() {
  "$PG_CLUSTER_BIN/createdb" -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U portal "$1"
  echo "postgresql://portal@127.0.0.1:$PG_CLUSTER_PORT/$1"
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
  "${PG_CLUSTER_AS[@]}" "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m fast -w -s stop || true
  rm -rf "$PG_CLUSTER_DIR"
  PG_CLUSTER_DIR=""
}
