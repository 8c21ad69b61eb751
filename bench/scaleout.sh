#!/usr/bin/env bash
# Scale-out throughput: documents per second through NATS JetStream into one
# PostgreSQL database, with one and two workers on this machine, and per worker;
# single-process `epiwire ingest` into the same PostgreSQL for comparison.
#   bench/scaleout.sh [BUILD_DIR] [DOCUMENTS]      (default build/release, 20000)
# Starts its own nats-server on a loopback port and uses the tests' throwaway
# PostgreSQL (scripts/start_postgres.sh); stops and removes everything after.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/release}
COUNT=${2:-20000}
. "$ROOT/tests/scaleout/lib.sh" "$BUILD/epiwire" "$ROOT"

python3 "$HERE/make_documents.py" "$COUNT" "$WORK/docs.jsonl"
start_nats
cores=$(nproc)
echo "epiwire scale-out bench: $COUNT documents ($(du -m "$WORK/docs.jsonl" | cut -f1) MB), $cores cores"
printf '%-34s %10s %12s %s\n' "run" "seconds" "docs/s" "per worker: docs/s (time in the store)"

# run_workers NAME WORKERS JOBS: publish to a stream of its own, then time the
# workers from their start until the last has found the stream drained.
run_workers() {
  local name=$1 workers=$2 jobs=$3
  local db stream="BENCH_$name"
  db=$(new_db "bench_$name")
  "$EPIWIRE" publish -q --nats "$NATS" --stream "$stream" "$WORK/docs.jsonl"
  # The schema exists before the clock starts.
  "$EPIWIRE" status --nats "$NATS" --stream "$stream" --db "$db" >/dev/null
  local pids=() started ended
  started=$(date +%s.%N)
  for w in $(seq "$workers"); do
    "$EPIWIRE" worker --nats "$NATS" --stream "$stream" --db "$db" -j "$jobs" --until-empty \
      --report-every 3600 >"$WORK/$name.$w.log" 2>&1 &
    pids+=($!)
    BACKGROUND+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  ended=$(date +%s.%N)
  [ "$(stored_documents "$db")" -eq "$COUNT" ] || fail "$name stored $(stored_documents "$db")"
  # Per worker: its docs/s, and the share of its time its writer spent in the
  # store's transactions (near 100%: the worker waits on PostgreSQL).
  local per=""
  for w in $(seq "$workers"); do
    per+=" $(python3 - "$WORK/$name.$w.log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rate = re.search(r"stored in [0-9.]+ s \(([0-9.]+) docs/s", text).group(1)
seconds = float(re.search(r" seconds=([0-9.]+)", text).group(1))
write = float(re.search(r" write_seconds=([0-9.]+)", text).group(1))
print("%s (writing %.0f%%)" % (rate, 100 * write / seconds if seconds else 0))
PY
)"
  done
  # The workers' own clocks include the last empty wait for the drain (about 1 s).
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print('%-34s %10.1f %12.0f %s' % (sys.argv[3], s, int(sys.argv[4])/s, sys.argv[5]))" \
    "$started" "$ended" "$workers worker(s) x $jobs thread(s)" "$COUNT" "$per"
}

run_ingest() {
  local name=$1 db=$2 jobs=$3
  local started ended
  started=$(date +%s.%N)
  "$EPIWIRE" ingest -q --db "$db" -j "$jobs" "$WORK/docs.jsonl"
  ended=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print('%-34s %10.1f %12.0f' % (sys.argv[3], s, int(sys.argv[4])/s))" \
    "$started" "$ended" "$name" "$COUNT"
}

run_ingest "ingest, PostgreSQL, $cores threads" "$(new_db bench_ingest)" "$cores"
run_ingest "ingest, SQLite, $cores threads" "$WORK/bench.db" "$cores"
run_workers w1j1 1 1
run_workers w1j2 1 2
run_workers w2j1 2 1
