#!/usr/bin/env bash
# The store commands end to end on a temporary SQLite store: ingest the bundled
# examples, then series (CSV and JSON), signals (importation signals), and
# import-series with an official CSV written here, whose comparison must flag a
# news figure far from the official one. Bad usage exits 2.
set -uo pipefail
bin=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
check() {  # check "what" command...
  local what=$1; shift
  checks=$((checks + 1))
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}
db="$work/news.db"

"$bin" ingest --quiet --db "$db" "$source_dir/data/examples"
check "ingest stores the examples" test $? -eq 0

"$bin" series --db "$db" >"$work/series.csv"
check "series exits 0" test $? -eq 0
check "series CSV has its header" grep -q '^country,subdivision,place,geonameid,disease,status,imported,date,new,cumulative,fact_ids$' "$work/series.csv"
check "series has the Bavarian measles running total of 230" grep -q '^DE,DE-BY,Bavaria,[0-9]*,measles,confirmed,,2021-03-10,.*,230,' "$work/series.csv"
"$bin" series --db "$db" --format json --disease cholera >"$work/series.json"
check "series JSON is filtered by disease" python3 -c '
import json, sys
series = json.load(open(sys.argv[1]))
series = series["series"] if isinstance(series, dict) else series
assert series and all(s["key"]["disease"] == "cholera" if "key" in s else s["disease"] == "cholera" for s in series), series
' "$work/series.json"

"$bin" signals --db "$db" >"$work/signals.txt"
check "signals exits 0" test $? -eq 0
check "signals name the first imported case from Bavaria into Austria" grep -q 'first imported case from Bavaria (DE) into Austria (AT)' "$work/signals.txt"

# An official series (JHU layout) and a news figure of our own far from it.
printf '{"id": "chile-1", "published": "2020-04-13", "text": "Chile has reported 4,000 confirmed cases of COVID-19 in total, the health ministry said on Monday."}\n' >"$work/chile.jsonl"
"$bin" ingest --quiet --db "$db" "$work/chile.jsonl"
cat >"$work/official.csv" <<'CSV'
Province/State,Country/Region,Lat,Long,4/12/20,4/13/20,4/14/20
,Chile,-35.7,-71.5,6500,7213,7525
,Atlantis,0,0,1,2,3
CSV
"$bin" import-series --db "$db" --status confirmed "$work/official.csv" >"$work/import.txt" 2>"$work/import.err"
check "import-series exits 0" test $? -eq 0
check "import-series names the row of no country" grep -q 'Atlantis' "$work/import.err"
check "import-series flags the news total far from the official one" grep -q '1 off by more than 10%' "$work/import.txt"

"$bin" series --db "$work/missing.db" >/dev/null 2>&1
check "series on a missing store exits 2" test $? -eq 2
"$bin" signals --db "$db" --method no_such_method >/dev/null 2>&1
check "signals with an unknown method exits 2" test $? -eq 2
"$bin" import-series --db "$db" --status confirmed "$work/nothing.csv" >/dev/null 2>&1
check "import-series of a missing file exits 2" test $? -eq 2

echo "$((checks - failures)) passed, $failures failed"
test "$failures" -eq 0
