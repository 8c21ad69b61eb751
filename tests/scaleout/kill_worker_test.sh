#!/usr/bin/env bash
# Kill a worker: three workers take 20,000 documents from the stream; one is
# killed with SIGKILL in the middle of its work and a new one started. Once the
# stream has drained, every document is stored exactly once, and the events and
# facts equal those of one `epiwire ingest` of the same documents.
#   kill_worker_test.sh EPIWIRE ROOT
# With $EPIWIRE_SCALEOUT_REPORT set, the counts are appended to that file.
. "$(dirname "$0")/lib.sh"

COUNT=${EPIWIRE_SCALEOUT_DOCUMENTS:-20000}
python3 "$HERE/make_documents.py" "$COUNT" "$WORK/docs.jsonl"
start_nats
DB=$(new_db kill)
REFERENCE=$(new_db kill_reference)

"$EPIWIRE" publish --nats "$NATS" "$WORK/docs.jsonl" 2>"$WORK/publish.log" ||
  fail "publish failed: $(cat "$WORK/publish.log")"
published=$(status_value stream_messages)
[ "$published" = "$COUNT" ] || fail "the stream holds $published documents, not $COUNT"

# Short waits, so that the killed worker's documents come back soon.
worker_args=(--db "$DB" -j 1 --batch 64 --ack-wait 5)
start_worker w1 "${worker_args[@]}"; w1=$WORKER_PID
start_worker w2 "${worker_args[@]}"; w2=$WORKER_PID
start_worker w3 "${worker_args[@]}"; w3=$WORKER_PID

some_stored() { [ "$(stored_documents "$DB")" -ge $((COUNT / 4)) ]; }
wait_until 300 some_stored || fail "the workers stored too little"
# w2 has a batch in hand: it stored before and the stream is far from empty.
wait_until 30 grep -q "documents stored" "$WORK/w2.log" || fail "w2 stored nothing"
kill -9 "$w2"
wait "$w2" 2>/dev/null || true
stored_at_kill=$(stored_documents "$DB")
echo "killed worker w2 (SIGKILL) with $stored_at_kill of $COUNT documents stored"
start_worker w4 "${worker_args[@]}"; w4=$WORKER_PID

wait_until 600 drained || fail "the stream did not drain"
for pid in "$w1" "$w3" "$w4"; do
  kill -TERM "$pid"
  wait "$pid" || fail "a worker did not stop cleanly on SIGTERM"
done

stored=$(stored_documents "$DB")
doubled=$(psql "$DB" -tAc "SELECT COUNT(*) - COUNT(DISTINCT (document_id, event_index)) FROM events")
lost=$((COUNT - stored))
redelivered=0
for log in w1 w3 w4; do
  redelivered=$((redelivered + $(worker_count "$WORK/$log.log" redelivered)))
done
dead=$(status_value dead_letters)
echo "published $published, stored $stored, redelivered $redelivered, dead-lettered $dead, doubled $doubled, lost $lost"
for log in w1 w3 w4; do grep "documents stored in" "$WORK/$log.log" || true; done
[ "$lost" -eq 0 ] || fail "$lost documents lost"
[ "$doubled" -eq 0 ] || fail "$doubled events stored twice"
[ "$dead" = "0" ] || fail "$dead dead letters"
[ "$redelivered" -gt 0 ] || fail "the killed worker's documents were never redelivered"

# The same documents by one process.
"$EPIWIRE" ingest -q --db "$REFERENCE" "$WORK/docs.jsonl" || fail "the reference ingest failed"
same_stores "$DB" "$REFERENCE"

if [ -n "${EPIWIRE_SCALEOUT_REPORT:-}" ]; then
  {
    echo "kill test: published $published, stored $stored, redelivered $redelivered, dead-lettered $dead, doubled $doubled, lost $lost (w2 killed at $stored_at_kill stored)"
    for log in w1 w3 w4; do grep "documents stored in" "$WORK/$log.log" | sed "s/^/  $log: /"; done
  } >>"$EPIWIRE_SCALEOUT_REPORT"
fi
echo "PASS: kill a worker"
