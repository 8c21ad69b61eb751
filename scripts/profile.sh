#!/usr/bin/env bash
# Makes build/release-profile/epiwire.profdata, the profile the release build is laid
# out by (scripts/build.sh release): builds the release-profile preset (the release
# build, instrumented), has it read texts in each language, and merges the counts
# with llvm-profdata. The texts: scripts/profile_texts (written for this project, one
# a language), the bundled examples, and the corpora of ../shared when they are there.
# A profile changes how fast the program runs, never what it reads.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v llvm-profdata >/dev/null || {
  echo "profile: llvm-profdata not found (Debian package llvm; scripts/setup.sh installs it)" >&2
  exit 1
}
dir=build/release-profile
cmake --preset release-profile >/dev/null
cmake --build --preset release-profile
# A profile newer than the instrumented build is its profile: kept, so that the
# release objects it lays out (all rebuilt when it changes) are not rebuilt for nothing.
if [[ -f $dir/epiwire.profdata && $dir/epiwire.profdata -nt $dir/epiwire ]]; then
  echo "profile: $dir/epiwire.profdata is newer than the instrumented build: kept"
  exit 0
fi
texts=(scripts/profile_texts data/examples)
for corpus in dev real multilingual; do
  [[ -f ../shared/corpus/$corpus/docs.jsonl ]] && texts+=("../shared/corpus/$corpus/docs.jsonl")
done
rm -rf "$dir/counts"
mkdir -p "$dir/counts"
# (Exit status 1: some input was skipped, which a profile can do without.)
status=0
LLVM_PROFILE_FILE="$dir/counts/%p.profraw" "$dir/epiwire" extract --quiet -j1 "${texts[@]}" \
  >/dev/null || status=$?
if ((status > 1)); then
  echo "profile: the instrumented extract failed (exit status $status)" >&2
  exit "$status"
fi
llvm-profdata merge -o "$dir/epiwire.profdata" "$dir"/counts/*.profraw
echo "profile: $dir/epiwire.profdata from ${texts[*]}"
