#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster for the store tests and prints
# ONLY its connection URL on stdout:
#   EPIWIRE_TEST_POSTGRES_URL=$(scripts/start_postgres.sh)
# The cluster lives in $EPIWIRE_PG_DIR (default /tmp/epiwire-postgres-<uid>), listens
# on no TCP port at all, only on a unix socket inside that directory, trusts local
# connections, and holds one database, epiwire_test. As root the server runs as the
# `postgres` user (initdb refuses root). Running it again reuses a running cluster.
# Stop it with: scripts/start_postgres.sh --stop
set -euo pipefail

base=${EPIWIRE_PG_DIR:-/tmp/epiwire-postgres-$(id -u)}
data=$base/data
socket=$base/socket
log=$base/server.log
database=epiwire_test

bindir=${EPIWIRE_PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ]; then bindir=$candidate; break; fi
  done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "start_postgres.sh: no PostgreSQL server binaries (install the postgresql package)" >&2
  exit 1
fi

# Commands run as the cluster's owner: postgres when we are root, else ourselves.
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  owner=$(id -un)
  as_owner() { "$@"; }
fi

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$data/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$data" -m fast stop >&2; fi
  rm -rf "$base"
  exit 0
fi

mkdir -p "$base"
chown "$owner" "$base"
chmod 0755 "$base"
if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data" "$socket"
  as_owner mkdir -p "$data" "$socket"
  as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      >"$base/initdb.log" 2>&1 ||
    as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C \
      >"$base/initdb.log" 2>&1 || {
      echo "start_postgres.sh: initdb failed:" >&2
      cat "$base/initdb.log" >&2
      exit 1
    }
fi
as_owner mkdir -p "$socket"
chmod 0755 "$socket"

if ! as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  rm -f "$data/postmaster.pid" "$log"
  as_owner touch "$log"
  as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$socket' -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >&2 || {
      echo "start_postgres.sh: the server did not start; see $log" >&2
      tail -20 "$log" >&2
      exit 1
    }
fi

psql=("$bindir/psql" -h "$socket" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA)
if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
  "${psql[@]}" -c "CREATE DATABASE $database ENCODING 'UTF8' TEMPLATE template0" >&2
fi

echo "postgresql://postgres@/$database?host=$socket"
