#!/usr/bin/env bash
# Checks that two annals binaries give the same output on real text: for
# work that must not change what annals finds (speed, refactoring).
#
#   bash scripts/same_output.sh OLD_BINARY NEW_BINARY
#
# Compares, file by file, `annotate --format json` (times, events, actors)
# over the examples, the TempEval-3 TimeBank and AQUAINT texts (with their
# DCTs) and the SemEval-2015 trial articles, and `build` graph JSON (merged
# events, relations) over the examples and the trial articles. Prints the
# differing files and exits 1 if any; the corpora in ../shared are skipped,
# with a message, when absent. KEEP=DIR keeps the outputs.
set -euo pipefail
(( $# == 2 )) || { echo "usage: same_output.sh OLD_BINARY NEW_BINARY" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
old=$(realpath "$1") new=$(realpath "$2")
shared=${SHARED:-$root/../shared}
work=${KEEP:-$(mktemp -d)}
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

inputs=()  # NAME:DIR:DCT_OPTION
inputs+=("examples:$root/examples/csto:")
if [[ -d $shared/corpora/tempeval3-tbaq ]]; then
  for corpus in TimeBank AQUAINT; do
    mkdir -p "$work/in/$corpus"
    python3 "$shared/tools/te3_input_text.py" "$shared/corpora/tempeval3-tbaq/$corpus" "$work/in/$corpus" >/dev/null
    inputs+=("$corpus:$work/in/$corpus:--dct-sibling")
  done
else
  echo "same_output: $shared/corpora/tempeval3-tbaq absent: TempEval texts skipped" >&2
fi
trial=$shared/corpora/timeline-trial/prepared/txt
if [[ -d $trial ]]; then
  inputs+=("trial:$trial:")
else
  echo "same_output: $trial absent: SemEval trial skipped" >&2
fi

status=0
for input in "${inputs[@]}"; do
  IFS=: read -r name dir dct <<<"$input"
  for which in old new; do
    binary=${!which}
    out=$work/$which/$name
    mkdir -p "$out/json"
    "$binary" annotate --format json $dct --out-dir "$out/json" "$dir"/*.txt
    [[ $name == examples || $name == trial ]] && "$binary" build "$dir"/*.txt -o "$out/graph.json"
  done
  if diff -rq "$work/old/$name" "$work/new/$name"; then
    echo "same_output: $name: same ($(ls "$work/new/$name/json" | wc -l) articles)"
  else
    status=1
  fi
done
exit $status
