#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to epiwire's main job: set up,
# build, and extract events from the bundled example articles (data/examples).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
echo "== epiwire extract data/examples (as a table; JSON Lines in build/example.jsonl)"
build/release/epiwire extract --format table data/examples
build/release/epiwire extract --quiet data/examples >build/example.jsonl
