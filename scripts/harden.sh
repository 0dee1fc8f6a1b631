#!/usr/bin/env bash
# Hardening run (issue #8): the whole test suite under AddressSanitizer +
# UBSan, then every libFuzzer target in tests/fuzz/ for a bounded time.
# Fails on any test failure, crash, leak, hang or sanitizer report.
#
#   bash scripts/harden.sh                      # what scripts/test.sh (and so CI) runs
#   FUZZ_SECONDS=600 bash scripts/harden.sh     # longer fuzzing by hand
#   HARDEN_SKIP_ASAN=1 bash scripts/harden.sh   # fuzzing only
#
# Build dirs: build-asan (sanitized tests), build-fuzz (fuzz targets), both
# with clang. Crashing inputs are kept in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS="${FUZZ_SECONDS:-45}"   # per target; 6 targets
JOBS="$(nproc)"
# A ctest -E pattern for tests to leave out under ASan. None need to be:
# the slowest, Hostile.TwentyMegabytesOnOneLine, takes ~15 s there.
ASAN_EXCLUDE="${ASAN_EXCLUDE:-}"
export CC="${CC:-clang}" CXX="${CXX:-clang++}"
if ! command -v "$CXX" >/dev/null; then  # scripts/setup.sh does not install clang
  echo "harden: installing clang"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi

step() { echo "harden: $* ($(date +%T))"; }
start=$SECONDS

if [ -z "${HARDEN_SKIP_ASAN:-}" ]; then
  step "building build-asan (ASan + UBSan)"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_SANITIZE=ON -DANNALS_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$JOBS" >/dev/null
  exclude=(); [ -n "$ASAN_EXCLUDE" ] && exclude=(-E "$ASAN_EXCLUDE")
  step "ctest under ASan + UBSan${ASAN_EXCLUDE:+ (excluding: $ASAN_EXCLUDE)}"
  # Full unwinding so that leaks inside Graphviz's and fontconfig's own
  # caches are recognised by tests/fuzz/lsan.supp.
  LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
  ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0:check_initialization_order=1:strict_string_checks=1" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ctest --test-dir build-asan --output-on-failure -j"$JOBS" --timeout 600 "${exclude[@]}"
fi

step "building build-fuzz (libFuzzer targets)"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_FUZZ=ON -DANNALS_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$JOBS" --target annals_fuzz >/dev/null

mkdir -p build-fuzz/artifacts build-fuzz/logs
failed=()
run_target() {
  local name="$1" max_len="$2"
  local work="build-fuzz/corpus/$name"
  mkdir -p "$work"
  step "fuzzing $name for ${FUZZ_SECONDS}s"
  if ! UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
      "build-fuzz/tests/fuzz/fuzz_$name" "$work" "tests/fuzz/corpus/$name" \
      -max_total_time="$FUZZ_SECONDS" -timeout=20 -rss_limit_mb=2560 -max_len="$max_len" \
      -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$name-" \
      >"build-fuzz/logs/$name.log" 2>&1; then
    failed+=("$name")
    echo "harden: fuzz_$name FAILED; last lines of build-fuzz/logs/$name.log:" >&2
    tail -n 40 "build-fuzz/logs/$name.log" >&2
  else
    grep -E "stat::number_of_executed_units|cov:" "build-fuzz/logs/$name.log" | tail -n 2 | sed 's/^/  /'
  fi
}
# The fuzzers run one after another: each is single-threaded, and the two
# cores are better spent not sharing caches with a second one.
run_target document 65536
run_target timex 16384
run_target graph_json 65536
run_target alias_file 8192
run_target store 131072
run_target pipeline 16384

if ((${#failed[@]})); then
  echo "harden: failed: ${failed[*]} (inputs in build-fuzz/artifacts/)" >&2
  exit 1
fi
step "done in $((SECONDS - start)) s"
