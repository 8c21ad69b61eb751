#!/usr/bin/env bash
# `epiwire ingest` end to end on a few articles of our own: a first run stores
# them, a second run finds them unchanged and adds nothing, an edited article is
# replaced, bad JSON Lines records are named with file:line, and the exit status
# tells. With EPIWIRE_TEST_POSTGRES_URL set, the same runs go to PostgreSQL too.
set -uo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
check() {  # check "what" command...
  local what=$1; shift
  checks=$((checks + 1))
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}
count() { sqlite3 "$work/store.db" "SELECT COUNT(*) FROM $1"; }

mkdir -p "$work/in"
printf 'Health officials in Ontario reported 12 new cases of measles on Tuesday.\n' >"$work/in/ontario.txt"
printf 'Authorities in Peru confirmed 40 new dengue cases on Monday, the ministry said.\n' >"$work/in/peru.txt"
printf 'Kenya reported 3 new cholera deaths on Sunday in Nairobi.\n' >"$work/in/kenya.txt"
printf '{"id": "feed-1", "published": "2022-06-03", "text": "Chile reported 9 new cases of mpox on Friday."}\n{"id": "broken", "text": \n{"id": "feed-2", "published": "2022-06-08", "text": "Ontario reported 12 new cases of measles on Tuesday."}\n' >"$work/in/feed.jsonl"

"$bin" ingest --published 2022-06-08 -j 2 --db "$work/store.db" "$work/in" 2>"$work/run1.txt"
status=$?
cat "$work/run1.txt"
check "exit status 1 when a record was skipped" test "$status" -eq 1
check "the bad JSON Lines record is named with file:line" grep -q 'feed.jsonl:2' "$work/run1.txt"
check "first run inserts the five good documents" grep -q '5 inserted, 0 unchanged, 0 replaced' "$work/run1.txt"
check "summary counts the skipped record with its reason" grep -q 'skipped 1: invalid JSON' "$work/run1.txt"
docs1=$(count documents); events1=$(count events); facts1=$(count facts)
check "five documents in the database" test "$docs1" -eq 5
check "events were stored" test "$events1" -ge 4
check "the Ontario figure read twice is one fact with two sources" test "$(sqlite3 "$work/store.db" \
  "SELECT source_count FROM facts WHERE disease = 'measles' AND count = 12")" = 2
check "evidence is stored with each event" test "$(sqlite3 "$work/store.db" \
  "SELECT COUNT(*) FROM events WHERE evidence_quote LIKE '%12 new cases%'")" -eq 2
check "the list indexes, built at the end of a load into an empty store, are there" \
  test "$(sqlite3 "$work/store.db" "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND \
  name IN ('events_date', 'events_country_disease', 'events_disease', 'events_id')")" -eq 4

"$bin" ingest --published 2022-06-08 --db "$work/store.db" "$work/in" 2>"$work/run2.txt"
cat "$work/run2.txt"
check "second run finds everything unchanged" grep -q '0 inserted, 5 unchanged, 0 replaced' "$work/run2.txt"
check "second run adds no documents, events or facts" \
  test "$(count documents)/$(count events)/$(count facts)" = "$docs1/$events1/$facts1"

printf 'Health officials in Ontario reported 15 new cases of measles on Tuesday.\n' >"$work/in/ontario.txt"
rm "$work/in/feed.jsonl"
"$bin" ingest --published 2022-06-08 --db "sqlite:$work/store.db" "$work/in" 2>"$work/run3.txt"
status=$?
cat "$work/run3.txt"
check "clean input exits 0" test "$status" -eq 0
check "an edited article is replaced" grep -q '0 inserted, 2 unchanged, 1 replaced' "$work/run3.txt"
check "the replaced figure is read" test "$(sqlite3 "$work/store.db" \
  "SELECT COUNT(*) FROM events WHERE document_id = 'ontario' AND count = 15")" -eq 1
check "the two Ontario figures now conflict" test "$(sqlite3 "$work/store.db" \
  "SELECT COUNT(*) FROM facts WHERE disease = 'measles' AND conflict = 1")" -eq 2

# More documents than a transaction holds and than the workers may run ahead of the
# writer: every one stored, the same store on two workers as on one.
for i in $(seq 1 2500); do  # figures past the years a number could be read as
  printf '{"id": "many-%d", "published": "2022-06-01", "text": "Officials in Peru reported %d new dengue cases on Monday."}\n' "$i" $((10000 + i))
done >"$work/many.jsonl"
"$bin" ingest -j 2 --db "$work/many2.db" "$work/many.jsonl" 2>"$work/many2.txt"
"$bin" ingest -q -j 1 --db "$work/many1.db" "$work/many.jsonl"
many_rows() {
  sqlite3 "$1" "SELECT d.id, e.event_index, e.count FROM documents d JOIN events e ON e.document_id = d.id ORDER BY d.id, e.event_index"
}
check "two workers store all 2,500 documents" test "$(sqlite3 "$work/many2.db" "SELECT COUNT(*) FROM documents")" -eq 2500
check "two workers store what one stores" test "$(many_rows "$work/many2.db" | md5sum)" = "$(many_rows "$work/many1.db" | md5sum)"
check "each document's figure is stored" test "$(sqlite3 "$work/many2.db" "SELECT COUNT(DISTINCT count) FROM events")" -eq 2500
# SQLite's transactions hold 8,192 documents: the writer waits for a full one while
# extraction goes on, and stores what there is once all that was read is extracted
# (one here; it had stored what was ready each time it woke, dozens).
transactions=$(sed -n 's/.*docs\/s, \([0-9]*\) transactions*).*/\1/p' "$work/many2.txt")
check "2,500 documents go to SQLite in full batches: 1 or 2 transactions (${transactions:-none})" \
  test "${transactions:-0}" -ge 1 -a "${transactions:-0}" -le 2

# A batch is also full at 32 MiB of text: 34 documents of 1.1 MB go in two transactions
# (the writer had waited for the whole window to be extracted, and stored it in one).
mkdir -p "$work/large"
line='Ontario reported 12 new cases of measles on Tuesday, the ministry said today. '
for i in $(seq 1 34); do
  yes "$line" | head -c 1100000 >"$work/large/report-$i.txt"
done
"$bin" ingest -j 2 --db "$work/large.db" "$work/large" 2>"$work/large.txt"
transactions=$(sed -n 's/.*docs\/s, \([0-9]*\) transactions*).*/\1/p' "$work/large.txt")
check "34 documents of 1.1 MB go in two batches (${transactions:-none})" test "${transactions:-0}" -eq 2
check "and all 34 are stored" test "$(sqlite3 "$work/large.db" "SELECT COUNT(*) FROM documents")" -eq 34

"$bin" ingest --db /nonexistent-dir/sub/x.db "$work/in" 2>"$work/err.txt"
check "an unopenable store is a usage error (2) naming the store" \
  test $? -eq 2 -a -n "$(grep 'SQLite store /nonexistent-dir/sub/x.db' "$work/err.txt")"
"$bin" ingest --db "$work/store.db" /nonexistent/path 2>"$work/err2.txt"
check "a missing path is named and exits 1" test $? -eq 1 -a -s "$work/err2.txt"
"$bin" ingest --help >"$work/help.txt"
check "ingest --help explains --db" grep -q 'PostgreSQL URL' "$work/help.txt"

if [ -n "${EPIWIRE_TEST_POSTGRES_URL:-}" ] && command -v psql >/dev/null; then
  schema="ingest_cli_$$_$RANDOM"
  psql "$EPIWIRE_TEST_POSTGRES_URL" -qc "CREATE SCHEMA $schema" >/dev/null
  case "$EPIWIRE_TEST_POSTGRES_URL" in *\?*) sep='&' ;; *) sep='?' ;; esac
  url="$EPIWIRE_TEST_POSTGRES_URL${sep}options=-csearch_path%3D$schema"
  "$bin" ingest --published 2022-06-08 --db "$url" "$work/in" 2>"$work/pg1.txt"
  check "PostgreSQL: first run inserts" grep -q '3 inserted' "$work/pg1.txt"
  "$bin" ingest --published 2022-06-08 --db "$url" "$work/in" 2>"$work/pg2.txt"
  check "PostgreSQL: second run unchanged" grep -q '0 inserted, 3 unchanged' "$work/pg2.txt"
  check "PostgreSQL: same events as SQLite" test "$(psql "$url" -tAc 'SELECT COUNT(*) FROM events')" \
    = "$(sqlite3 "$work/store.db" \
      "SELECT COUNT(*) FROM events WHERE document_id IN ('ontario', 'peru', 'kenya')")"
  psql "$EPIWIRE_TEST_POSTGRES_URL" -qc "DROP SCHEMA $schema CASCADE" >/dev/null
fi

echo "$((checks - failures)) passed, $failures failed"
test "$failures" -eq 0
