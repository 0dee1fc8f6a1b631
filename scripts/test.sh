#!/usr/bin/env bash
# Sets up (if needed), builds and runs the whole test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
# Hardening (sanitizers + fuzzing, scripts/harden.sh, ~12 min): when asked.
# Not yet in CI: it has not been run end to end from a fresh clone.
if [ "${ANNALS_HARDEN:-}" = "1" ]; then
  bash scripts/harden.sh
fi
