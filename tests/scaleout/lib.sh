# Shared by the scale-out fault tests: a NATS server with JetStream of their own
# on a loopback port with a temporary store directory, databases of their own on
# the tests' throwaway PostgreSQL, workers in the background, and comparisons of
# two stores. Everything started here is stopped on exit, whatever happens.
# Sourced as: . lib.sh EPIWIRE ROOT
set -euo pipefail

EPIWIRE=$1
ROOT=$2
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

command -v psql >/dev/null || { echo "SKIP: no psql"; exit 77; }
if [ -z "${NO_NATS:-}" ]; then
  command -v nats-server >/dev/null || { echo "SKIP: no nats-server (apt-get install nats-server)"; exit 77; }
  "$EPIWIRE" publish --help >/dev/null 2>&1 || { echo "SKIP: epiwire built without the queue commands"; exit 77; }
fi

WORK=$(mktemp -d /tmp/epiwire-scaleout.XXXXXX)
chmod 0755 "$WORK"
NATS_PID=""
NATS_PORT=""
BACKGROUND=()
DATABASES=()

# A test run without a server of its own starts one in its work directory, stopped
# when the test ends (tests run side by side: none stops another's).
PG_STARTED=""
if [ -z "${EPIWIRE_TEST_POSTGRES_URL:-}" ]; then
  export EPIWIRE_PG_DIR="$WORK/pg"
  EPIWIRE_TEST_POSTGRES_URL=$("$ROOT/scripts/start_postgres.sh")
  PG_STARTED=1
fi
# The server's URL with another database name: postgresql://user@/NAME?host=...
pg_url() {
  python3 - "$EPIWIRE_TEST_POSTGRES_URL" "$1" <<'PY'
import sys, urllib.parse
url = urllib.parse.urlsplit(sys.argv[1])
print(urllib.parse.urlunsplit(url._replace(path="/" + sys.argv[2])))
PY
}
PG_ADMIN=$(pg_url postgres)

cleanup() {
  local status=$?
  set +e
  for pid in "${BACKGROUND[@]}"; do kill -9 "$pid" 2>/dev/null; done
  [ -n "$NATS_PID" ] && kill "$NATS_PID" 2>/dev/null
  wait 2>/dev/null
  for db in "${DATABASES[@]}"; do
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  done
  [ -n "$PG_STARTED" ] && "$ROOT/scripts/start_postgres.sh" --stop >/dev/null 2>&1
  if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
    for log in "$WORK"/*.log; do
      [ -f "$log" ] || continue
      echo "--- $(basename "$log") (last lines)"
      tail -15 "$log"
    done
  fi
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT

fail() { echo "FAIL: $*"; exit 1; }

# Starts nats-server with JetStream on a free loopback port (the same port and
# store again when called a second time).
start_nats() {
  if [ -z "$NATS_PORT" ]; then
    NATS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  fi
  nats-server -js -a 127.0.0.1 -p "$NATS_PORT" -sd "$WORK/nats-store" >>"$WORK/nats.log" 2>&1 &
  NATS_PID=$!
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT") 2>/dev/null; then
      NATS="nats://127.0.0.1:$NATS_PORT"
      return 0
    fi
    sleep 0.1
  done
  fail "nats-server did not start"
}

stop_nats() {
  kill "$NATS_PID"
  wait "$NATS_PID" 2>/dev/null || true
  NATS_PID=""
}

# A new empty database; prints its URL.
new_db() {
  local name="scaleout_${1}_$$"
  psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1
  psql "$PG_ADMIN" -qc "CREATE DATABASE $name" >/dev/null
  DATABASES+=("$name")
  pg_url "$name"
}

# start_worker NAME ARGS...: a worker in the background, its log in $WORK/NAME.log,
# its pid in WORKER_PID.
start_worker() {
  local name=$1
  shift
  "$EPIWIRE" worker --nats "$NATS" --report-every 2 "$@" >"$WORK/$name.log" 2>&1 &
  WORKER_PID=$!
  BACKGROUND+=("$WORKER_PID")
}

# One value of `epiwire status --format json` (empty when absent).
status_value() {
  local key=$1
  shift
  "$EPIWIRE" status --nats "$NATS" --format json "$@" 2>/dev/null |
    python3 -c "import json,sys; d=json.load(sys.stdin); print(d.get('$key', ''))"
}

# wait_until SECONDS COMMAND...: polls COMMAND twice a second.
wait_until() {
  local seconds=$1
  shift
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

# The stream has nothing left to deliver nor to acknowledge.
drained() {
  local json
  json=$("$EPIWIRE" status --nats "$NATS" --format json 2>/dev/null) || return 1
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d.get('consumer_pending') == 0 and d.get('consumer_ack_pending') == 0 else 1)" "$json"
}

stored_documents() { psql "$1" -tAc "SELECT COUNT(*) FROM documents"; }

# dump_store URL PREFIX: what must be equal between two stores, without the ids
# that depend on the order of writing: documents, events, facts with their
# representative, conflict flag and sources.
dump_store() {
  psql "$1" -tA -F '|' -c "SELECT id, text_hash FROM documents ORDER BY id" >"$2.documents"
  psql "$1" -tA -F '|' -c "SELECT document_id, event_index, type, disease, status, host, count,
      qualifier, aggregation, imported, place_geonameid, place_name, place_country,
      origin_country, period_start, period_end, published, event_date, evidence_start,
      evidence_end, evidence_quote, measure, action, target_country, detail
    FROM events ORDER BY document_id, event_index" >"$2.events"
  psql "$1" -tA -F '|' -c "SELECT f.key, f.count, f.source_count, f.host, f.event_date,
      r.document_id, r.event_index,
      (SELECT COUNT(*) FROM facts AS o WHERE o.key = f.key) > 1 AS conflict
    FROM facts AS f LEFT JOIN events AS r ON r.id = f.representative_event_id
    ORDER BY f.key, f.count" >"$2.facts"
  psql "$1" -tA -F '|' -c "SELECT f.key, f.count, e.document_id, e.event_index
    FROM facts AS f JOIN events AS e ON e.fact_id = f.id
    ORDER BY f.key, f.count, e.document_id, e.event_index" >"$2.sources"
}

# same_stores URL_A URL_B: fails naming the first difference.
same_stores() {
  dump_store "$1" "$WORK/a"
  dump_store "$2" "$WORK/b"
  local part
  for part in documents events facts sources; do
    if ! cmp -s "$WORK/a.$part" "$WORK/b.$part"; then
      diff "$WORK/a.$part" "$WORK/b.$part" | head -10
      fail "the stores differ in their $part"
    fi
  done
  echo "same documents ($(wc -l <"$WORK/a.documents")), events ($(wc -l <"$WORK/a.events")), facts ($(wc -l <"$WORK/a.facts")) and fact sources ($(wc -l <"$WORK/a.sources"))"
}

# The value of KEY=... on the worker's closing "counts" line in LOG (0 if none).
worker_count() {
  sed -n "s/.*epiwire worker: counts .*\b$2=\([0-9]*\).*/\1/p" "$1" | tail -1 | grep . || echo 0
}
