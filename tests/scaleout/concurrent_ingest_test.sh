#!/usr/bin/env bash
# Concurrent ingest: four `epiwire ingest` processes start at once on one new
# PostgreSQL database (so they also race to create its schema) and each stores
# half of 4,000 documents: every document is stored by two processes at the same
# time. None fails, and the documents, events and facts equal those of one
# process.
#   concurrent_ingest_test.sh EPIWIRE ROOT
set -euo pipefail
EPIWIRE=$1
ROOT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
command -v psql >/dev/null || { echo "SKIP: no psql"; exit 77; }
# Only PostgreSQL here: no NATS server is needed.
NO_NATS=1 . "$HERE/lib.sh" "$EPIWIRE" "$ROOT"

COUNT=4000
python3 "$HERE/make_documents.py" "$COUNT" "$WORK/docs.jsonl"
# Shard k holds the documents whose number modulo 4 is k or k+1.
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
lines = open(work + "/docs.jsonl", encoding="utf-8").read().splitlines(keepends=True)
for k in range(4):
    with open("%s/shard%d.jsonl" % (work, k), "w", encoding="utf-8") as out:
        out.writelines(line for i, line in enumerate(lines) if i % 4 in (k, (k + 1) % 4))
PY
DB=$(new_db ingest4)
REFERENCE=$(new_db ingest1)

pids=()
for k in 0 1 2 3; do
  "$EPIWIRE" ingest --db "$DB" -j 1 "$WORK/shard$k.jsonl" >"$WORK/ingest$k.log" 2>&1 &
  pids+=($!)
  BACKGROUND+=($!)
done
for k in 0 1 2 3; do
  wait "${pids[$k]}" || fail "ingest $k failed: $(tail -3 "$WORK/ingest$k.log")"
  grep -q "not stored" "$WORK/ingest$k.log" && fail "ingest $k could not store: $(grep -m1 "not stored" "$WORK/ingest$k.log")"
done
inserted=$(cat "$WORK"/ingest*.log | sed -n 's/.*: \([0-9]*\) inserted, \([0-9]*\) unchanged.*/\1 \2/p' |
  awk '{i += $1; u += $2} END {print i, u}')
echo "four processes: inserted and unchanged: $inserted"
[ "$inserted" = "$COUNT $COUNT" ] || fail "each document must be inserted once and found unchanged once"

"$EPIWIRE" ingest -q --db "$REFERENCE" "$WORK/docs.jsonl" || fail "the reference ingest failed"
same_stores "$DB" "$REFERENCE"
echo "PASS: concurrent ingest"
