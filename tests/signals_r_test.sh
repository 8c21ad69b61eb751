#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks that our EARS C1, C2 and C3 raise alarms on exactly the days R's
# surveillance::earsC does, on a few series of our own (spikes, slow rises, zero
# baselines where R's statistics are Inf or NaN).
# Usage: signals_r_test.sh PATH/TO/signals_detect_tool
# Exit 0 on agreement, 1 on a difference, 77 (skip) without Rscript or surveillance.
set -u
tool="${1:?usage: signals_r_test.sh PATH/TO/signals_detect_tool}"
if ! command -v Rscript > /dev/null 2>&1; then
  echo "SKIP: Rscript not found"
  exit 77
fi
if ! Rscript -e 'suppressMessages(library(surveillance))' > /dev/null 2>&1; then
  echo "SKIP: the R package surveillance is not installed"
  exit 77
fi

here="$(cd "$(dirname "$0")" && pwd)"
reference="$here/r/ears_reference.R"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Our own numbers.
echo "2 3 2 4 3 2 3 3 20 3 2 3 2 2 4 3" > "$work/spike.txt"
echo "1,0,2,1,0,1,2,1,0,1,1,2,9,12,14,3,1,0,2,1,1,0" > "$work/rise.txt"
echo "0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 3 0 0" > "$work/zeros.txt"
echo "12 15 11 14 18 13 12 16 15 14 19 25 31 40 38 22 17 15 14 13 30 12 11 14 16" \
  > "$work/weekly.txt"

failures=0
checks=0
for series in spike rise zeros weekly; do
  for spec in "C1 0.001" "C2 0.001" "C3 0.025" "C1 0.05" "C2 0.05" "C3 0.001"; do
    set -- $spec
    method="$1"
    alpha="$2"
    ours_name="ears_$(echo "$method" | tr 'C' 'c')"
    if ! ours="$("$tool" "$ours_name" "$work/$series.txt" "$alpha" | tr '\n' ' ')"; then
      echo "FAIL: $tool $ours_name $series.txt $alpha did not run"
      failures=$((failures + 1))
      continue
    fi
    if ! theirs="$(Rscript "$reference" "$work/$series.txt" "$method" "$alpha" 2> "$work/r.err" \
                   | tr '\n' ' ')"; then
      echo "FAIL: R failed on $series $method $alpha:"
      cat "$work/r.err"
      failures=$((failures + 1))
      continue
    fi
    checks=$((checks + 1))
    if [ "$ours" != "$theirs" ]; then
      echo "FAIL: $series $method alpha $alpha: ours [$ours] R [$theirs]"
      failures=$((failures + 1))
    else
      echo "ok: $series $method alpha $alpha: alarm days [$ours]"
    fi
  done
done
echo "$checks comparisons, $failures failures"
[ "$failures" -eq 0 ] && [ "$checks" -gt 0 ]
