#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to epiwire's main job on the embedded
# default: set up, build, read the bundled example articles (data/examples), show
# what was extracted, and store it all in a SQLite database (build/example.db).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
bin=build/release/epiwire
echo "== epiwire extract data/examples (JSON Lines in build/example.jsonl)"
"$bin" extract --format table data/examples
"$bin" extract --quiet data/examples >build/example.jsonl
echo "== epiwire ingest data/examples --db build/example.db"
rm -f build/example.db
"$bin" ingest --db build/example.db data/examples
if "$bin" series --help >/dev/null 2>&1; then
  echo "== epiwire series --db build/example.db"
  "$bin" series --db build/example.db
fi
if "$bin" signals --help >/dev/null 2>&1; then
  echo "== epiwire signals --db build/example.db"
  "$bin" signals --db build/example.db
fi
if "$bin" serve --help >/dev/null 2>&1; then
  echo "== to browse it: $bin serve --db build/example.db   (then open http://127.0.0.1:8080)"
fi
