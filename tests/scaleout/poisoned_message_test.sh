#!/usr/bin/env bash
# Poisoned messages: among 600 documents, one kills the worker that extracts it
# and one never finishes its extraction (test hooks in the worker, set by
# environment). Two workers, each restarted when it dies as a service manager
# would. Each poisoned document ends in the dead-letter stream after --max-deliver
# tries, with its reason; every other document is stored.
#   poisoned_message_test.sh EPIWIRE ROOT
. "$(dirname "$0")/lib.sh"

COUNT=600
python3 "$HERE/make_documents.py" "$COUNT" "$WORK/docs.jsonl" \
  --marker "100=Poison pill: crash here." --marker "350=Poison pill: stall here."
start_nats
DB=$(new_db poison)
"$EPIWIRE" publish -q --nats "$NATS" "$WORK/docs.jsonl" || fail "publish failed"

# A worker restarted whenever it dies, until $WORK/stop exists.
supervise() {
  local name=$1 run=0
  while [ ! -e "$WORK/stop" ]; do
    run=$((run + 1))
    EPIWIRE_TEST_CRASH_MARKER="crash here" EPIWIRE_TEST_STALL_MARKER="stall here" \
      "$EPIWIRE" worker --nats "$NATS" --db "$DB" -j 1 --batch 32 --max-deliver 3 \
      --extract-timeout 2 --ack-wait 3 >>"$WORK/$name.log" 2>&1 &
    echo $! >"$WORK/$name.pid"
    wait $! && break  # stopped on purpose
    echo "(run $run ended with status $?)" >>"$WORK/$name.log"
  done
}
supervise a & BACKGROUND+=($!)
supervise b & BACKGROUND+=($!)

two_dead() { [ "$(status_value dead_letters)" = "2" ] && drained; }
wait_until 180 two_dead || fail "the poisoned documents did not both reach the dead letters"
touch "$WORK/stop"
for name in a b; do kill -TERM "$(cat "$WORK/$name.pid")" 2>/dev/null || true; done
wait_until 30 bash -c "! kill -0 $(cat "$WORK/a.pid") 2>/dev/null && ! kill -0 $(cat "$WORK/b.pid") 2>/dev/null" ||
  fail "the workers did not stop"

stored=$(stored_documents "$DB")
[ "$stored" -eq $((COUNT - 2)) ] || fail "$stored documents stored, want $((COUNT - 2))"
for id in scale-000100 scale-000350; do
  [ "$(psql "$DB" -tAc "SELECT COUNT(*) FROM documents WHERE id = '$id'")" = "0" ] ||
    fail "$id was stored"
done
crashes=$(grep -c "ended with status" "$WORK/a.log" "$WORK/b.log" | awk -F: '{s += $2} END {print s}')
"$EPIWIRE" status --nats "$NATS" --dead-letters 5 | tee "$WORK/status.txt"
grep -q "scale-000100 (4 deliveries): tried 3 times without being stored" "$WORK/status.txt" ||
  fail "the crashing document's dead letter does not say why"
grep -q "scale-000350 (3 deliveries): extraction took longer than 2.0 s (try 3 of 3)" "$WORK/status.txt" ||
  fail "the stalling document's dead letter does not say why"
[ "$crashes" -eq 3 ] || fail "the crashing document killed $crashes workers, want 3 (its tries)"
echo "PASS: poisoned messages ($crashes worker crashes, 2 dead letters, $stored stored)"
