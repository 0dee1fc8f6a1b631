#!/usr/bin/env bash
# Installs what annals needs from Debian 12 packages (only when missing) and
# builds it into build/. Safe to run again. Run as root (or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libhowardhinnant-date-dev libgraphviz-dev graphviz
  libgtest-dev googletest libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libicu-dev libre2-dev libsqlite3-dev
  iso-codes librsvg2-bin chromium python3 python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
echo "setup: built build/annals"
