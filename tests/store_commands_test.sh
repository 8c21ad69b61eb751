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
check "series CSV has its header" grep -q '^country,subdivision,place,geonameid,disease,status,imported,date,new,cumulative,fact_ids,reported,interpolated$' "$work/series.csv"
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
check "signals name the first imported case from Bavaria into Austria" grep -qi 'first imported case from Bavaria (DE) into Austria (AT)' "$work/signals.txt"
"$bin" signals --db "$db" --format json >"$work/alerts.json"
check "signals JSON gives each alert an id, a severity and its signals" python3 -c '
import json, sys
alerts = json.load(open(sys.argv[1]))
assert alerts and all(len(a["id"]) == 16 and a["severity"] in ("low", "medium", "high") and a["signals"] for a in alerts), alerts
' "$work/alerts.json"
"$bin" signals --db "$db" --format json >"$work/alerts-again.json"
check "alert ids are stable across runs" cmp -s "$work/alerts.json" "$work/alerts-again.json"

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
"$bin" import-series --db "$db" --status confirmed --disease cholera "$work/official.csv" >"$work/cholera.txt" 2>/dev/null
check "import-series compares no COVID-19 news with a cholera file" grep -q '^0 news figures compared' "$work/cholera.txt"
"$bin" import-series --db "$db" "$work/official.csv" >/dev/null 2>"$work/nostatus.err"
check "import-series of a JHU file without --status exits 2" test $? -eq 2
check "and says --status is required" grep -q -- '--status is required' "$work/nostatus.err"

# The mainland China province file (names in Chinese, imported cases as rows of their
# own) against news on imported cases into Heilongjiang.
printf '{"id": "hl-1", "published": "2020-04-08", "text": "Heilongjiang province has reported 87 imported cases of COVID-19 in total, officials said on Wednesday."}\n' >"$work/hl.jsonl"
"$bin" ingest --quiet --db "$db" "$work/hl.jsonl"
{
  echo 'date,country,countryCode,province,provinceCode,city,cityCode,confirmed,suspected,cured,dead'
  printf '2020-04-08,\xe4\xb8\xad\xe5\x9b\xbd,CN,\xe9\xbb\x91\xe9\xbe\x99\xe6\xb1\x9f\xe7\x9c\x81,230000,,,571,0,465,13\n'
  printf '2020-04-08,\xe4\xb8\xad\xe5\x9b\xbd,CN,\xe9\xbb\x91\xe9\xbe\x99\xe6\xb1\x9f\xe7\x9c\x81,230000,\xe5\xa2\x83\xe5\xa4\x96\xe8\xbe\x93\xe5\x85\xa5,,87,0,0,0\n'
} >"$work/china.csv"
"$bin" import-series --db "$db" "$work/china.csv" >"$work/china.txt" 2>"$work/china.err"
check "import-series reads the China province file" test $? -eq 0
check "and imports its statuses" grep -q 'confirmed, deaths, recovered' "$work/china.txt"
check "news on imported cases is compared with the official imported figure" python3 -c '
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"^(\d+) news figures compared with official ones; (\d+) off", text, re.M)
assert m and int(m.group(1)) >= 1 and m.group(2) == "0", text
' "$work/china.txt"

"$bin" series --db "$work/missing.db" >/dev/null 2>&1
check "series on a missing store exits 2" test $? -eq 2
"$bin" signals --db "$db" --method no_such_method >/dev/null 2>&1
check "signals with an unknown method exits 2" test $? -eq 2
"$bin" import-series --db "$db" --status confirmed "$work/nothing.csv" >/dev/null 2>&1
check "import-series of a missing file exits 2" test $? -eq 2

echo "$((checks - failures)) passed, $failures failed"
test "$failures" -eq 0
