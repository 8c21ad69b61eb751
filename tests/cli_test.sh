#!/usr/bin/env bash
# The command line on good and bad input: every problem is named with its place,
# the rest is still processed, the summary says what was skipped, and the exit
# status tells. Each check prints what it expected when it fails.
set -uo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}

mkdir -p "$work/in"
printf 'Officials in Ontario reported 12 new cases of measles on Tuesday.\n' >"$work/in/a.txt"
printf '{"id": "good-1", "published": "2022-06-01", "text": "Peru confirmed 40 new dengue cases on Monday."}\n{"id": "bad", "text": \n{"id": "no-text"}\n\n{"id": "good-2", "text": "Nothing to see."}\n' >"$work/in/b.jsonl"
printf 'binary\0data' >"$work/in/c.txt"
: >"$work/in/d.txt"
printf 'Chile reported 9 new cases \xff of mpox on Friday.\n' >"$work/in/e.txt"

"$bin" extract --published 2022-06-08 "$work/in" >"$work/out.jsonl" 2>"$work/err.txt"
status=$?
cat "$work/err.txt"
check "exit status 1 when records were skipped" test "$status" -eq 1
check "one output line per good document (a, good-1, good-2, e)" \
  test "$(wc -l <"$work/out.jsonl")" -eq 4
check "malformed JSON named with file:line" grep -q 'b.jsonl:2' "$work/err.txt"
check "record without text named with file:line" grep -q 'b.jsonl:3' "$work/err.txt"
check "binary file reported" grep -qi 'binary' "$work/err.txt"
check "empty file reported" grep -qi 'empty' "$work/err.txt"
check "invalid UTF-8 reported with its offset" grep -q 'e.txt' "$work/err.txt"
check "summary counts what was skipped" grep -q '4 skipped' "$work/err.txt"
check "every output line is JSON with id and events" python3 -c '
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
assert ids == ["a", "good-1", "good-2", "e"], ids
' "$work/out.jsonl"
check "the measles count is read from the text file" python3 -c '
import json, sys
doc = json.loads(open(sys.argv[1]).readline())
assert any(e["type"] == "cases" and e["count"] == 12 and e["disease"] == "measles" for e in doc["events"]), doc
' "$work/out.jsonl"

"$bin" extract --published 2022-06-08 "$work/in/a.txt" >/dev/null 2>&1
check "exit status 0 on clean input" test $? -eq 0
printf 'Kenya reported 3 new cholera deaths on Sunday.\n' | "$bin" extract --published 2022-06-08 - >"$work/stdin.jsonl" 2>/dev/null
check "reads standard input" grep -q '"count":3' "$work/stdin.jsonl"
"$bin" extract --published not-a-date "$work/in/a.txt" >/dev/null 2>"$work/err2.txt"
check "bad --published is a usage error (2)" test $? -eq 2
"$bin" extract --max-bytes 5000000000 "$work/in/a.txt" >/dev/null 2>"$work/err4.txt"
check "--max-bytes over 4 GiB is a usage error (2)" test $? -eq 2 -a -s "$work/err4.txt"
"$bin" extract /nonexistent/path >/dev/null 2>"$work/err3.txt"
check "missing path is named and exits 1" test $? -eq 1 -a -s "$work/err3.txt"
"$bin" extract --help >"$work/help.txt"
check "extract --help explains the command" grep -q 'JSON Lines' "$work/help.txt"
"$bin" extract --format table --published 2022-06-08 "$work/in/a.txt" >"$work/table.txt" 2>/dev/null
check "table output is for people" grep -q '12 confirmed' "$work/table.txt"

# Many documents on several threads (several times the documents the workers hold
# at once): the same lines, in input order, as on one.
for i in $(seq 1 200); do
  printf '{"id": "doc-%d", "published": "2022-06-01", "text": "Officials in Peru reported %d new dengue cases on Monday."}\n' "$i" "$i"
done >"$work/many.jsonl"
"$bin" extract -q -j1 "$work/many.jsonl" >"$work/one.jsonl"
"$bin" extract -q -j3 "$work/many.jsonl" >"$work/three.jsonl"
check "-j3 writes what -j1 writes, in input order" cmp -s "$work/one.jsonl" "$work/three.jsonl"
check "every document has its own line" test "$(grep -c '"count":' "$work/three.jsonl")" -eq 200

echo "$((19 - failures)) passed, $failures failed"
test "$failures" -eq 0
