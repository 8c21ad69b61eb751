#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a passing test run: set up, build
# with AddressSanitizer and UBSan (preset dev) and run every test, then build the
# release binary and run the integration tests (dev-set evaluation included) with it,
# then run each fuzz target for 6 s (FUZZ_SECONDS; preset fuzz: libFuzzer, ASan,
# UBSan; about 80 s for the nine).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# A PostgreSQL server of this run's own for the store tests (EPIWIRE_TEST_POSTGRES_URL),
# in a directory of its own, stopped and removed when the run ends, however it ends.
if [ -x scripts/start_postgres.sh ]; then
  EPIWIRE_PG_DIR=$(mktemp -d /tmp/epiwire-test-pg.XXXXXX)
  export EPIWIRE_PG_DIR
  trap 'scripts/start_postgres.sh --stop >/dev/null 2>&1 || true' EXIT
  EPIWIRE_TEST_POSTGRES_URL=$(scripts/start_postgres.sh)
  export EPIWIRE_TEST_POSTGRES_URL
fi
scripts/build.sh dev
ctest --preset dev -j2
scripts/build.sh release
ctest --preset release -L integration
scripts/fuzz.sh "${FUZZ_SECONDS:-6}"
