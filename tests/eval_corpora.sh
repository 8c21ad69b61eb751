#!/usr/bin/env bash
# Scores `epiwire extract` on the annotated corpora of ../shared with its scorer and
# checks each figure against a floor. Floors only go up: they are the figures the
# engine reaches, rounded down, so a change that reads less fails here.
#   dev           the two seed articles: cases must stay at 1.0
#   real          42 real pages of COVID-19, other outbreaks, animals and traps
#   multilingual  12 real pages in Chinese, Russian, French and Spanish, scored per
#                 language (zh, ru, fr, es: the documents' `language`)
# Usage: eval_corpora.sh EPIWIRE SHARED_DIR [SET...]. Exits 77 (skipped) when the
# corpora or python3 are not there.
set -euo pipefail
bin=$1
shared=$2
shift 2
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(dev real multilingual)
[ -f "$shared/tools/score.py" ] || { echo "no scorer in $shared/tools: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "no python3: skipped"; exit 77; }

# Floors: a row a figure (names as the scorer's JSON: "section.key", or a path into a
# section: "cases.attributes.period.start.share"), a column a set or language; "-"
# where the set has nothing to score.
FLOORS='
figure                                dev  real  zh   ru   fr   es
cases.strict.f1                       1.0  0.91  1.0  0.85 0.84 0.95
cases.count_status.f1                 1.0  0.96  1.0  0.90 0.88 0.95
measures.f1                           0.9  0.96  1.0  1.0  0.96 1.0
animals.f1                            -    0.88  -    -    -    -
relevance.accuracy                    1.0  1.0   1.0  1.0  1.0  1.0
cleaning.keep                         1.0  1.0   -    -    -    -
cleaning.drop                         1.0  0.97  -    -    -    -
cases.attributes.aggregation.share    1.0  0.97  1.0  0.88 1.0  1.0
cases.attributes.imported.share       1.0  0.66  1.0  -    1.0  -
cases.attributes.origin.country.share 1.0  0.6   0.81 -    1.0  -
cases.attributes.period.start.share   1.0  0.97  0.72 -    1.0  -
cases.attributes.period.end.share     1.0  0.9   1.0  -    1.0  -
cases.attributes.disease.share        1.0  1.0   1.0  1.0  1.0  1.0
'
# The floors of one set: "figure floor" lines.
floors() {
  printf '%s' "$FLOORS" | awk -v set="$1" '
    NF == 0 { next }
    $1 == "figure" { for (i = 2; i <= NF; i++) if ($i == set) column = i; next }
    column && $column != "-" { print $1, $column }'
}

status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The documents and gold of one language of a set, for a score per language.
split_language() {  # DIR LANGUAGE OUT_DIR
  python3 - "$1" "$2" "$3" <<'PY'
import json, os, sys
src, language, out = sys.argv[1:]
os.makedirs(out, exist_ok=True)
ids = set()
with open(os.path.join(out, "docs.jsonl"), "w") as docs:
    for line in open(os.path.join(src, "docs.jsonl"), encoding="utf-8"):
        if json.loads(line).get("language") == language:
            ids.add(json.loads(line)["id"])
            docs.write(line)
with open(os.path.join(out, "gold.jsonl"), "w") as gold:
    for line in open(os.path.join(src, "gold.jsonl"), encoding="utf-8"):
        if json.loads(line)["id"] in ids:
            gold.write(line)
PY
}

targets=()
for set in "${sets[@]}"; do
  dir=$shared/corpus/$set
  if [ ! -f "$dir/docs.jsonl" ]; then
    echo "no corpus $set at $dir: skipped"; exit 77
  fi
  if [ "$set" = multilingual ]; then
    for language in zh ru fr es; do
      split_language "$dir" "$language" "$work/corpus/$language"
      targets+=("$language:$work/corpus/$language")
    done
  else
    targets+=("$set:$dir")
  fi
done

for target in "${targets[@]}"; do
  set=${target%%:*}
  dir=${target#*:}
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


def lookup(value, parts):
    # "relevance.accuracy" is a key of its own, "cases.strict.f1" a key of a section,
    # "cases.attributes.origin.country.share" a path whose keys may hold dots.
    if not parts:
        return value
    for cut in range(len(parts), 0, -1):
        key = ".".join(parts[:cut])
        if isinstance(value, dict) and key in value:
            found = lookup(value[key], parts[cut:])
            if found is not None:
                return found
    return None


failed = False
for line in open(sys.argv[2]):
    name, floor = line.split()
    value = lookup(report, name.split(".")) or 0.0
    bad = value + 1e-9 < float(floor)
    failed |= bad
    print("%-38s %.3f (floor %s)%s" % (name, value, floor, "  FAILED" if bad else ""))
sys.exit(1 if failed else 0)
PY
  then
    status=1
    cat "$work/$set.errors"
  fi
done
exit $status
