#!/usr/bin/env bash
# Restart the broker: two workers take 4,000 documents; nats-server is stopped in
# the middle of the stream and started again on the same port and store. The
# workers reconnect by themselves, and once the stream has drained every
# document is stored, with the events a plain extraction finds.
#   broker_restart_test.sh EPIWIRE ROOT
. "$(dirname "$0")/lib.sh"

COUNT=4000
python3 "$HERE/make_documents.py" "$COUNT" "$WORK/docs.jsonl"
start_nats
DB=$(new_db restart)
"$EPIWIRE" publish -q --nats "$NATS" "$WORK/docs.jsonl" || fail "publish failed"

start_worker w1 --db "$DB" -j 1 --batch 32 --ack-wait 3; w1=$WORKER_PID
start_worker w2 --db "$DB" -j 1 --batch 32 --ack-wait 3; w2=$WORKER_PID
some_stored() { [ "$(stored_documents "$DB")" -ge $((COUNT / 5)) ]; }
wait_until 120 some_stored || fail "the workers stored too little"
stop_nats
echo "stopped nats-server with $(stored_documents "$DB") of $COUNT documents stored"
sleep 2
start_nats
echo "started nats-server again"

wait_until 300 drained || fail "the stream did not drain after the restart"
for pid in "$w1" "$w2"; do
  kill -0 "$pid" 2>/dev/null || fail "a worker died with the broker"
  kill -TERM "$pid"
  wait "$pid" || fail "a worker did not stop cleanly on SIGTERM"
done
grep -q "NATS connection back" "$WORK/w1.log" || fail "w1 never reconnected"

stored=$(stored_documents "$DB")
[ "$stored" -eq "$COUNT" ] || fail "$stored documents stored, want $COUNT: $((COUNT - stored)) lost"
events=$(psql "$DB" -tAc "SELECT COUNT(*) FROM events")
distinct=$(psql "$DB" -tAc "SELECT COUNT(DISTINCT (document_id, event_index)) FROM events")
[ "$events" -eq "$distinct" ] || fail "$((events - distinct)) events stored twice"
# What one extraction of the same documents finds.
want=$("$EPIWIRE" extract -q "$WORK/docs.jsonl" |
  python3 -c "import json,sys; print(sum(len(json.loads(line)['events']) for line in sys.stdin))")
[ "$events" -eq "$want" ] || fail "$events events stored, an extraction finds $want"
echo "PASS: broker restart ($stored documents, $events events, redelivered $(( $(worker_count "$WORK/w1.log" redelivered) + $(worker_count "$WORK/w2.log" redelivered) )))"
