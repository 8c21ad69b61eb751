#!/usr/bin/env bash
# Two builds of epiwire on one input, run in turn so that a machine whose speed drifts
# (a shared virtual machine) slows both alike: `epiwire extract -q -jJ` of DOCS by
# binary A, then by B, ROUNDS times; prints each run's seconds and, per binary, the
# median seconds and MB/s of text. Input ids must be unique (a repeated id is skipped).
#   bench/ab.sh A B DOCS.jsonl [ROUNDS=8] [JOBS=1]
set -euo pipefail
if [ $# -lt 3 ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
a=$1; b=$2; docs=$3; rounds=${4:-8}; jobs=${5:-1}
for bin in "$a" "$b"; do
  [ -x "$bin" ] || { echo "ab.sh: $bin is not an executable" >&2; exit 2; }
done
[ -r "$docs" ] || { echo "ab.sh: cannot read $docs" >&2; exit 2; }
mb=$(python3 -c "import json,sys;print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]) if l.strip())/1e6)" "$docs")
# One run each first: caches (the gazetteer snapshot, the phrase database) are made
# by a first start, which the rounds should not time.
"$a" extract -q -j "$jobs" "$docs" >/dev/null
"$b" extract -q -j "$jobs" "$docs" >/dev/null
times=$(mktemp); trap 'rm -f "$times"' EXIT
for round in $(seq "$rounds"); do
  for side in A B; do
    bin=$a; [ "$side" = B ] && bin=$b
    start=$(date +%s.%N)
    "$bin" extract -q -j "$jobs" "$docs" >/dev/null
    end=$(date +%s.%N)
    echo "$side $round $(python3 -c "print(f'{$end-$start:.3f}')")" | tee -a "$times"
  done
done
python3 - "$times" "$mb" "$a" "$b" <<'EOF'
import statistics, sys
path, mb, a, b = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {"A": [], "B": []}
for line in open(path):
    side, _, seconds = line.split()
    runs[side].append(float(seconds))
print(f"input: {mb:.2f} MB of text")
for side, name in (("A", a), ("B", b)):
    median = statistics.median(runs[side])
    print(f"{side} {name}: median {median:.3f} s, {mb / median:.2f} MB/s "
          f"(runs {min(runs[side]):.3f}-{max(runs[side]):.3f} s)")
ratio = statistics.median(runs["A"]) / statistics.median(runs["B"])
print(f"B takes {1 / ratio:.3f} of A's time")
EOF
