#!/usr/bin/env bash
# Scores `epiwire extract` on the annotated corpora of ../shared with its scorer and
# checks each figure against a floor. Floors only go up: they are the figures the
# engine reaches, rounded down, so a change that reads less fails here.
#   dev           the two seed articles: cases must stay at 1.0
#   real          42 real pages of COVID-19, other outbreaks, animals and traps
# Usage: eval_corpora.sh EPIWIRE SHARED_DIR [SET...]. Exits 77 (skipped) when the
# corpora or python3 are not there.
set -euo pipefail
bin=$1
shared=$2
shift 2
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(dev real)
[ -f "$shared/tools/score.py" ] || { echo "no scorer in $shared/tools: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "no python3: skipped"; exit 77; }

# figure floor, per set (names as the scorer's JSON: "section.key").
floors() {
  case $1 in
    dev) cat <<'F'
cases.strict.f1 1.0
cases.count_status.f1 1.0
measures.f1 0.9
relevance.accuracy 1.0
cleaning.keep 1.0
cleaning.drop 1.0
F
    ;;
    real) cat <<'F'
cases.strict.f1 0.90
cases.count_status.f1 0.95
measures.f1 0.94
animals.f1 0.85
relevance.accuracy 1.0
cleaning.keep 1.0
cleaning.drop 0.95
F
    ;;
  esac
}

status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for set in "${sets[@]}"; do
  dir=$shared/corpus/$set
  if [ ! -f "$dir/docs.jsonl" ]; then
    echo "no corpus $set at $dir: skipped"; exit 77
  fi
  "$bin" extract --quiet "$dir/docs.jsonl" >"$work/$set.jsonl"
  python3 "$shared/tools/score.py" "$dir/gold.jsonl" "$work/$set.jsonl" "$dir/docs.jsonl" \
    --show-errors >"$work/$set.errors" || true
  python3 "$shared/tools/score.py" "$dir/gold.jsonl" "$work/$set.jsonl" "$dir/docs.jsonl" \
    --json >"$work/$set.json"
  floors "$set" >"$work/$set.floors"
  echo "== $set"
  if ! python3 - "$work/$set.json" "$work/$set.floors" <<'PY'
import json, sys
report = json.loads(open(sys.argv[1]).readline())
failed = False
for line in open(sys.argv[2]):
    name, floor = line.split()
    section, key = name.rsplit(".", 1)
    # "relevance.accuracy" is a key of its own; "cases.strict.f1" a key of a section.
    value = report[name] if name in report else (report.get(section) or {}).get(key)
    value = value or 0.0
    bad = value + 1e-9 < float(floor)
    failed |= bad
    print("%-24s %.3f (floor %s)%s" % (name, value, floor, "  FAILED" if bad else ""))
sys.exit(1 if failed else 0)
PY
  then
    status=1
    cat "$work/$set.errors"
  fi
done
exit $status
