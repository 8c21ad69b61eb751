#!/usr/bin/env bash
# Runs epiwire on the dev corpus and checks the scorer's figures against the
# targets: cases.strict F1 >= 0.9, measures F1 >= 0.8, cleaning keep/drop >= 0.9.
# Exits 77 (skipped) when shared/ or python3 is not there.
set -euo pipefail
bin=$1
shared=$2
dev=$shared/corpus/dev
if [ ! -f "$dev/docs.jsonl" ] || [ ! -f "$shared/tools/score.py" ]; then
  echo "no dev corpus at $dev: skipped"; exit 77
fi
command -v python3 >/dev/null || { echo "no python3: skipped"; exit 77; }
out=$(mktemp)
report=$(mktemp)
trap 'rm -f "$out" "$report"' EXIT
"$bin" extract --quiet "$dev/docs.jsonl" >"$out"
python3 "$shared/tools/score.py" "$dev/gold.jsonl" "$out" "$dev/docs.jsonl" --show-errors
python3 "$shared/tools/score.py" "$dev/gold.jsonl" "$out" "$dev/docs.jsonl" --json >"$report"
head -n 1 "$report" | python3 -c '
import json, sys
r = json.load(sys.stdin)
checks = {
    "cases.strict.f1": (r["cases.strict"]["f1"], 0.9),
    "measures.f1": (r["measures"]["f1"], 0.8),
    "cleaning.keep": (r["cleaning.keep"] or 0, 0.9),
    "cleaning.drop": (r["cleaning.drop"] or 0, 0.9),
    "relevance.accuracy": (r["relevance.accuracy"] or 0, 0.9),
}
failed = [k for k, (got, want) in checks.items() if got < want]
for k, (got, want) in checks.items():
    print("%-20s %.3f (target %.2f)%s" % (k, got, want, "  FAILED" if k in failed else ""))
sys.exit(1 if failed else 0)
'
