#!/usr/bin/env bash
# Screenshots of the example timeline and graph for the README, taken in
# Debian's headless chromium as a reader's browser shows them. Run after
# scripts/examples.sh; writes docs/example-timeline.png and docs/example-graph.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=examples/csto/out
[[ -f $out/graph.json ]] || { echo "screenshots: run scripts/examples.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() {  # view width height png
  build/annals render "$out/graph.json" --view "$1" --format svg --width "$2" -o "$work/$1.svg"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size="$2,$3" --screenshot="$PWD/$4" "file://$work/$1.svg" 2>/dev/null
  echo "screenshots: wrote $4"
}
# Heights: the SVGs' own at these widths (viewBox ratio), so nothing is cut.
height() { python3 -c 'import re,sys; v=re.search(r"viewBox=\"[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)\"", open(sys.argv[1]).read()); print(int(float(sys.argv[2]) * float(v[2]) / float(v[1])) + 1)' "$1" "$2"; }
for view in timeline graph; do
  build/annals render "$out/graph.json" --view "$view" --format svg -o "$work/probe.svg"
  width=$([[ $view == timeline ]] && echo 1400 || echo 1600)
  shoot "$view" "$width" "$(height "$work/probe.svg" "$width")" "docs/example-$view.png"
done
