#!/usr/bin/env bash
# Sets up (if needed), builds and runs the whole test suite with ctest, then
# the hardening step (scripts/harden.sh, ~12 min: the suite again under
# ASan + UBSan, and every fuzz target for 45 s). ANNALS_HARDEN=0 skips the
# hardening step for a quick local run; CI always runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
if [ "${ANNALS_HARDEN:-1}" != "0" ]; then
  bash scripts/harden.sh
fi
