#!/usr/bin/env bash
# Time of `epiwire extract` on one HTML page nested N deep (N = 12,500 .. 100,000
# <div>s around one sentence), wall clock and CPU: the nesting bound keeps it
# linear in the size of the page. The pipeline's data load (about 1 s) is included.
# Usage: bench/html_nesting.sh EPIWIRE [N...]
set -euo pipefail
bin=$1
shift
depths=("$@")
[ ${#depths[@]} -gt 0 ] || depths=(12500 25000 50000 100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${depths[@]}"; do
  python3 -c "
import sys
n = int(sys.argv[1])
sys.stdout.write('<html><body>' + '<div>' * n + 'Kenya reported 3 new cholera deaths on Sunday.' + '</div>' * n + '</body></html>')
" "$n" >"$work/deep$n.html"
  /usr/bin/time -f "%e %U %S" -o "$work/time" \
    "$bin" extract -q --published 2022-06-08 "$work/deep$n.html" >"$work/out.jsonl" 2>/dev/null || true
  read -r wall user sys <"$work/time"
  events=$(grep -o '"count":' "$work/out.jsonl" | wc -l)
  printf '%6d levels, %8d bytes: %6.2f s wall, %6.2f s CPU, %d event(s)\n' "$n" \
    "$(stat -c %s "$work/deep$n.html")" "$wall" "$(awk "BEGIN {print $user + $sys}")" "$events"
done
