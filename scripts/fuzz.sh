#!/usr/bin/env bash
# Runs every fuzz target for a fixed time: scripts/fuzz.sh [SECONDS] [TARGET...]
# (default 20 s each, all targets). With clang's libFuzzer (the fuzz preset:
# ASan + UBSan, coverage-guided) when clang++ and libclang-rt are there; else
# the dev preset's replay programs with random mutations of the seeds (much
# weaker: no coverage feedback; said so in the output). Each target starts from
# a copy of its seed corpus (fuzz/corpus/<name>) and saved crashes
# (fuzz/regressions/<name>) with its dictionary; a crash leaves its input in
# build/fuzz/artifacts/<name>/ and makes the script fail. Prints one line a
# target: runs, seconds, crashes.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(html jsonl published_date dates quantity gazetteer pipeline jhu_csv api_query)
fi

libfuzzer=no
if command -v clang++ >/dev/null && \
   ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  libfuzzer=yes
fi
if [ "$libfuzzer" = yes ]; then
  cmake --preset fuzz >/dev/null && cmake --build --preset fuzz >/dev/null || exit 1
  bin=build/fuzz/fuzz
else
  echo "fuzz: no clang libFuzzer here: random mutations of the seeds instead (no coverage feedback)"
  cmake --preset dev >/dev/null && cmake --build build/dev --target fuzzers >/dev/null || exit 1
  bin=build/dev/fuzz
fi

export EPIWIRE_DATA_DIR=${EPIWIRE_DATA_DIR:-$PWD/data}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
total_runs=0
for name in "${targets[@]}"; do
  program=$bin/fuzz_$name
  if [ ! -x "$program" ]; then
    echo "fuzz_$name: not built"; failed=1; continue
  fi
  corpus=$work/$name
  mkdir -p "$corpus" "build/fuzz/artifacts/$name"
  cp -r fuzz/corpus/$name/. "$corpus/"
  [ -d fuzz/regressions/$name ] && cp -r fuzz/regressions/$name/. "$corpus/"
  rm -f "$corpus/README.md"
  log=$work/$name.log
  started=$(date +%s%N)
  if [ "$libfuzzer" = yes ]; then
    dict=()
    [ -f fuzz/dict/$name.dict ] && dict=(-dict=fuzz/dict/$name.dict)
    "$program" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name/" \
      >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  else
    "$program" "$corpus" --seconds "$seconds" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/.* inputs replayed, \([0-9]*\) mutations run.*/\1/p' "$log" | tail -1)
  fi
  elapsed=$(( ($(date +%s%N) - started) / 1000000000 ))
  runs=${runs:-0}
  total_runs=$((total_runs + runs))
  if [ $status -ne 0 ]; then
    failed=1
    echo "fuzz_$name: CRASH after $runs runs in ${elapsed} s (input in build/fuzz/artifacts/$name/)"
    grep -E "ERROR|invariant broken|runtime error|SUMMARY" "$log" | head -5
  else
    echo "fuzz_$name: $runs runs in ${elapsed} s, 0 crashes"
  fi
done
echo "fuzz: ${#targets[@]} targets, $total_runs runs, $([ $failed -eq 0 ] && echo 0 || echo some) crashes"
exit $failed
