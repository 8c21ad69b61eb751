#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The evaluation harness on the mainland China province file (default seed): the
# alerts (rises) find at least 80% of the known surges, at least 80% of them are on
# known events, the median delay is at most 2 days and there are fewer than 1 false
# alert per 1,000 quiet place-days; the surges of imported cases into Heilongjiang
# (April 2020), Inner Mongolia and Guangdong (March 2020) and Heilongjiang's first
# imported case are found within five days.
# Usage: evaluate_signals_test.sh EPIWIRE_BINARY SHARED_DIR. Exit 77 (skip) without the file.
set -uo pipefail
bin=${1:?usage: evaluate_signals_test.sh EPIWIRE_BINARY SHARED_DIR}
file=${2:?usage: evaluate_signals_test.sh EPIWIRE_BINARY SHARED_DIR}/data/official/china_province_and_imported_daily.csv
if [ ! -f "$file" ]; then
  echo "evaluate_signals_test: skipped: $file is absent"
  exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/epiwire-evaluate.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}

# One run: that a seed gives the same stream is checked by evaluation_test.
"$bin" evaluate-signals "$file" --format markdown --show-truth >"$work/one.txt" 2>"$work/err.txt"
check "evaluate-signals exits 0" test $? -eq 0
sed -n '1,14p' "$work/one.txt"
check "alerts: precision and recall >= 0.8, delay <= 2, < 1 false per 1,000 quiet days" python3 - "$work/one.txt" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 14 and cells[0] not in ("alerts of", "---"):
        rows[cells[0]] = cells
merged = rows["merged"]
precision, recall, delay, per_1000 = (float(merged[i]) for i in (5, 9, 10, 13))
print("  merged: precision %.2f, recall %.2f, median delay %.1f days, "
      "false per 1,000 quiet place-days %.2f" % (precision, recall, delay, per_1000))
assert precision >= 0.8 and recall >= 0.8 and delay <= 2 and per_1000 < 1.0
# Every aberration an alert (the methods' own view) is far less precise.
assert float(rows["any method"][5]) < precision
assert set(rows) >= {"ears_c1", "ears_c2", "ears_c3", "cusum", "epitweetr", "any method",
                     "merged", "first imported case", "all alerts"}
PY
for event in "surge +CN-HL +all +2020-04-01" "surge +CN-NM +all +2020-03-24" \
             "surge +CN-GD +all +2020-03-14" "first_imported_case +CN-HL +imported +2020-03-19"; do
  check "found within 5 days: $event" python3 - "$work/one.txt" "$event" <<'PY'
import re, sys
pattern = re.compile(r"\s+" + sys.argv[2].replace(" +", r"\s+") + r" to \S+\s+found \S+ \((-?\d+) days\)")
delays = [int(m.group(1)) for m in map(pattern.match, open(sys.argv[1])) if m]
print("  delay:", delays)
assert delays and delays[0] <= 5
PY
done
echo "$failures failed"
test "$failures" -eq 0
