#!/usr/bin/env bash
# The main job: the example articles in examples/csto/ turned into a graph,
# a timeline and a graph drawing in examples/csto/out/, and a timeline
# printed to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
out=examples/csto/out
mkdir -p "$out"
build/annals build examples/csto/*.txt -o "$out/graph.json"
build/annals render "$out/graph.json" --view timeline --format svg -o "$out/timeline.svg"
build/annals render "$out/graph.json" --view graph --format svg -o "$out/graph.svg"
build/annals query "$out/graph.json" events
echo
echo "Wrote $out/graph.json, $out/timeline.svg and $out/graph.svg"
