#!/usr/bin/env bash
# Configures and builds one CMake preset (default: release) with both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
# A build directory configured with another compiler than the one its preset names (the
# release preset builds with clang) is configured afresh: CMake, seeing the compiler change,
# would drop the preset's other settings.
cache="build/$preset/CMakeCache.txt"
if [[ -f $cache ]]; then
  wanted=$(python3 -c '
import json, sys
presets = {p["name"]: p for p in json.load(open("CMakePresets.json"))["configurePresets"]}
name, compiler = sys.argv[1], ""
while name and not compiler:
    preset = presets.get(name, {})
    compiler = preset.get("cacheVariables", {}).get("CMAKE_CXX_COMPILER", "")
    parent = preset.get("inherits", "")
    name = parent[0] if isinstance(parent, list) else parent
print(compiler)' "$preset")
  cached=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache")
  if [[ -n $wanted && $(basename "$cached") != "$(basename "$wanted")" ]]; then
    echo "build/$preset was configured with $cached, the preset asks for $wanted: configuring it afresh" >&2
    rm -rf "build/$preset/CMakeCache.txt" "build/$preset/CMakeFiles"
  fi
fi
# The release build is laid out by a profile of its own extractions (clang's
# profile-guided optimisation: scripts/profile.sh), unless EPIWIRE_PROFILE=0.
settings=()
if [[ $preset == release ]]; then
  if [[ ${EPIWIRE_PROFILE:-1} != 0 ]]; then
    scripts/profile.sh
    settings+=(-DEPIWIRE_PROFILE_USE="$PWD/build/release-profile/epiwire.profdata")
  else
    settings+=(-DEPIWIRE_PROFILE_USE=)
  fi
fi
cmake --preset "$preset" "${settings[@]}" >/dev/null
cmake --build --preset "$preset"
