#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Signals on real news: stores the real pages of ../shared/corpus (dev, real and
# multilingual) in a temporary SQLite store with articles of our own (a place reported
# every day with a spike at the end, and one reported on three days only), runs
# `epiwire signals`, and checks that no aberration on case counts stands on fewer
# reported baseline days than the rule allows (5 of 7, or --min-observed), that the
# well-reported spike is an alert, and the sparse one is not.
# Usage: signals_real_test.sh EPIWIRE_BINARY SHARED_DIR. Exit 77 (skip) without the corpus.
set -uo pipefail
bin=${1:?usage: signals_real_test.sh EPIWIRE_BINARY SHARED_DIR}
shared=${2:?usage: signals_real_test.sh EPIWIRE_BINARY SHARED_DIR}
corpus=()
for dir in dev real multilingual; do
  [ -f "$shared/corpus/$dir/docs.jsonl" ] && corpus+=("$shared/corpus/$dir/docs.jsonl")
done
if [ ${#corpus[@]} -eq 0 ]; then
  echo "signals_real_test: skipped: no corpus under $shared/corpus"
  exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/epiwire-signals-real.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}

# Our own articles: Ontario every day from August 1 to 9, 2022 (40 cases on the last
# day); Quebec on August 1, 4 and 7 only, then 50 cases on August 9.
for day in 1 2 3 4 5 6 7 8 9; do
  ontario=$((2 + day % 3)); [ "$day" = 9 ] && ontario=40
  printf '{"id":"own-on-%d","published":"2022-08-0%d","url":"https://paper%d.example/on%d","text":"Measles in Ontario\\n\\nHealth officials in Ontario said %d new cases of measles were confirmed on August %d, 2022."}\n' \
    "$day" "$day" $((day % 3)) "$day" "$ontario" "$day"
  case $day in 1|4|7|9)
    quebec=2; [ "$day" = 9 ] && quebec=50
    printf '{"id":"own-qc-%d","published":"2022-08-0%d","url":"https://paper%d.example/qc%d","text":"Measles in Quebec\\n\\nHealth officials in Quebec said %d new cases of measles were confirmed on August %d, 2022."}\n' \
      "$day" "$day" $((day % 3)) "$day" "$quebec" "$day"
  esac
done > "$work/own.jsonl"

"$bin" ingest --quiet --db "$work/news.db" "${corpus[@]}" "$work/own.jsonl" 2>"$work/ingest.err"
check "ingest stores the pages" test -s "$work/news.db"
for min in 5 3; do
  args=()
  [ "$min" = 5 ] || args=(--min-observed "$min")
  "$bin" signals --db "$work/news.db" --per-method --format json "${args[@]}" >"$work/signals-$min.json"
  check "signals --per-method exits 0 (rule $min of 7)" test $? -eq 0
  check "every aberration stands on at least $min reported baseline days" python3 - "$work/signals-$min.json" "$min" <<'PY'
import json, sys
alerts = json.load(open(sys.argv[1]))
rule = int(sys.argv[2])
signals = [s for a in alerts for s in a["signals"] if s["kind"] == "aberration"]
counts = [s for s in signals if s["measure"] == "cases"]
bad = [s for s in counts if s["baseline_observed"] is None or s["baseline_observed"] < rule]
for s in bad:
    print("  stands on", s["baseline_observed"], "reported days:", s["message"])
print("  %d aberrations on case counts, %d below the rule" % (len(counts), len(bad)))
assert counts and not bad
PY
done
"$bin" signals --db "$work/news.db" --format json >"$work/alerts.json"
check "the daily-reported spike is an alert; the sparse one and zero-filled reports are not" python3 - "$work/alerts.json" <<'PY'
import json, sys
alerts = [a for a in json.load(open(sys.argv[1])) if a["kind"] == "aberration"]
places = {a["place"]["subdivision"] or a["place"]["country"] for a in alerts}
print("  aberration alerts in:", sorted(places))
assert "CA-ON" in places, "Ontario's spike was missed"
assert "CA-QC" not in places, "Quebec stood on three reported days"
for a in alerts:
    assert a["baseline_observed"] is None or a["baseline_observed"] >= 5, a["title"]
PY
echo "$failures failed"
test "$failures" -eq 0
