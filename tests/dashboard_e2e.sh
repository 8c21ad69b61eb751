#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end test of `epiwire serve` and the dashboard: ingests data/examples plus
# articles of our own (imported cases, non-ASCII text; daily reports with a spike)
# into a temporary SQLite store, serves it and an empty store on free ports, and runs
# dashboard_e2e/dashboard_test.js in headless Chromium.
# Usage: dashboard_e2e.sh EPIWIRE_BINARY [SOURCE_DIR]. Exit 77 (skip) when chromium,
# node, playwright-core or the ingest/serve commands are missing.
set -u
epiwire=${1:?usage: dashboard_e2e.sh EPIWIRE_BINARY [SOURCE_DIR]}
source_dir=${2:-$(cd "$(dirname "$0")/.." && pwd)}
playwright="$source_dir/node_modules/playwright-core"

skip() { echo "dashboard_e2e: skipped: $*"; exit 77; }
[ -x /usr/bin/chromium ] || skip "no /usr/bin/chromium"
command -v node >/dev/null || skip "no node"
[ -f "$playwright/package.json" ] || skip "no playwright-core in $source_dir/node_modules"
"$epiwire" ingest --help >/dev/null 2>&1 || skip "this epiwire has no ingest command"
"$epiwire" serve --help >/dev/null 2>&1 || skip "this epiwire has no serve command"

work=$(mktemp -d "${TMPDIR:-/tmp}/epiwire-e2e.XXXXXX")
cleanup() {
  # Stop the servers this script started (their pids are in $work/pids).
  if [ -f "$work/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null; done < "$work/pids"
    sleep 0.2
  fi
  if [ -n "${EPIWIRE_E2E_KEEP:-}" ]; then cp "$work"/*.png "$EPIWIRE_E2E_KEEP"/ 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/in"
cp "$source_dir"/data/examples/*.txt "$work/in/"
# Our own article: imported cases with an origin (for the map's arrows) and
# non-ASCII text before the evidence (UTF-8 byte offsets vs JS string indices).
{
  printf 'Heilongjiang\xe2\x80\x99s border city reports imported infections\n\n'
  printf 'April 20, 2020\n\n'
  printf 'The caf\xc3\xa9 owners of Suifenhe \xe2\x80\x94 a town on the frontier \xe2\x80\x94 '
  printf 'shut their doors early this week.\n\n'
  printf 'Health officials in Heilongjiang province said on Monday that 12 new imported '
  printf 'cases of COVID-19 had been confirmed, all of them people who arrived from Russia '
  printf 'through the Suifenhe border crossing.\n\n'
  printf 'The province has now counted 386 imported cases from Russia in total.\n'
} > "$work/in/2020-04-20-imported-heilongjiang.txt"

# Our own daily reports from one place with a spike on the last day: an aberration
# alert with its baseline and its evidence.
for day in 1 2 3 4 5 6 7 8 9; do
  cases=$((2 + day % 3)); [ "$day" = 9 ] && cases=40
  printf '{"id":"ontario-%d","published":"2022-08-0%d","url":"https://paper%d.example/%d","text":"Measles in Ontario\\n\\nHealth officials in Ontario said %d new cases of measles were confirmed on August %d, 2022."}\n' \
    "$day" "$day" $((day % 3)) "$day" "$cases" "$day"
done > "$work/in/ontario.jsonl"

"$epiwire" ingest --quiet --db "$work/full.db" "$work/in" || { echo "ingest failed"; exit 1; }

# Starts `epiwire serve` on a free port over store $1 (created empty when
# missing); prints the port.
start_server() {
  local db=$1 log="$work/serve-$(basename "$1").log"
  "$epiwire" serve --db "$db" --port 0 --web-dir "$source_dir/web" \
    --vendor-dir "$source_dir/node_modules" >/dev/null 2>"$log" &
  echo $! >> "$work/pids"
  for _ in $(seq 1 100); do
    local port
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$')
    if [ -n "$port" ]; then echo "$port"; return 0; fi
    sleep 0.1
  done
  echo "serve did not start:" >&2
  cat "$log" >&2
  return 1
}
full_port=$(start_server "$work/full.db") || exit 1
empty_port=$(start_server "$work/empty.db") || exit 1

screenshot=${EPIWIRE_E2E_SCREENSHOT:-$work/dashboard.png}
PLAYWRIGHT_CORE="$playwright" node "$source_dir/tests/dashboard_e2e/dashboard_test.js" \
  "http://127.0.0.1:$full_port/" "http://127.0.0.1:$empty_port/" "$screenshot"
status=$?
if [ "$status" != 0 ]; then
  # What the servers said (errors, slow answers) goes with the failure.
  for log in "$work"/serve-*.log; do echo "--- $(basename "$log")"; tail -n 40 "$log"; done
fi
exit "$status"
