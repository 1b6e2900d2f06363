#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for Rutin's tests (CI and local use).
#
#   .ci/postgres.sh start DIR   create a cluster in DIR (missing or empty), start it on
#                               127.0.0.1 with a free port, create the role `rutin` and the
#                               database `rutin_test`, print the URL on stdout
#   .ci/postgres.sh stop DIR    stop the cluster and remove DIR
#
# Locally:
#   dir=$(mktemp -d)
#   export RUTIN_TEST_DATABASE_URL=$(.ci/postgres.sh start "$dir")
#   cargo test --workspace
#   .ci/postgres.sh stop "$dir"
#
# PostgreSQL is installed from the Debian packages when missing (as root only). It refuses
# to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail

say() { echo "postgres.sh: $*" >&2; }

# The directory that holds initdb, pg_ctl and psql, or nothing.
find_bin() {
  local d
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then
      echo "$d"
      return
    fi
  done
}

install_postgres() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "PostgreSQL is not installed; install it (Debian: apt-get install postgresql) and retry"
    exit 1
  fi
  say "installing PostgreSQL from the Debian packages"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! port_in_use "$port"; then
      echo "$port"
      return
    fi
  done
  say "no free port found on 127.0.0.1"
  exit 1
}

start() {
  local dir=$1 bin port password
  bin=$(find_bin)
  if [ -z "$bin" ]; then
    install_postgres
    bin=$(find_bin)
  fi
  [ -n "$bin" ] || { say "initdb and pg_ctl not found after installing PostgreSQL"; exit 1; }
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    say "running as root but there is no 'postgres' user to own the cluster"
    exit 1
  fi
  mkdir -p "$dir"
  [ -z "$(ls -A "$dir")" ] || { say "$dir is not empty"; exit 1; }
  [ "$(id -u)" != 0 ] || chown postgres "$dir"
  chmod 700 "$dir"

  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; say "initdb failed"; exit 1; }

  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >&2 \
    || { cat "$dir/server.log" >&2; say "the server did not start"; exit 1; }

  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE rutin LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE rutin_test OWNER rutin" >&2
  echo "postgres://rutin:$password@127.0.0.1:$port/rutin_test"
}

stop() {
  local dir=$1 bin
  bin=$(find_bin)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || say "pg_ctl stop failed"
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# = 2 ] || { say "usage: $0 start DIR"; exit 2; }; start "$2" ;;
  stop) [ $# = 2 ] || { say "usage: $0 stop DIR"; exit 2; }; stop "$2" ;;
  *) say "usage: $0 start DIR | stop DIR"; exit 2 ;;
esac
