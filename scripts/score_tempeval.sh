#!/usr/bin/env bash
# Scores annals' TIMEX3 output on TempEval-3 TBAQ: TimeBank (development)
# and AQUAINT (held out: look at its scores, never tune on its errors).
#
#   scripts/score_tempeval.sh [CORPUS...]     CORPUS: TimeBank, AQUAINT (default both)
#
# Environment: ANNALS (binary, default build/annals), SHARED (default ../shared),
# KEEP=DIR to keep the converted inputs and system outputs, ERRORS=1 to list
# missed/spurious/wrong timexes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
annals=${ANNALS:-$root/build/annals}
shared=${SHARED:-$root/../shared}
tools=$shared/tools
corpora=$shared/corpora/tempeval3-tbaq
[[ -x $annals ]] || { echo "score_tempeval: no binary at $annals (build first or set ANNALS)" >&2; exit 2; }
[[ -d $corpora ]] || { echo "score_tempeval: no corpus at $corpora (set SHARED)" >&2; exit 2; }
work=${KEEP:-$(mktemp -d)}
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$work"' EXIT
(( $# )) || set -- TimeBank AQUAINT
for corpus in "$@"; do
  in=$work/$corpus-in out=$work/$corpus-out
  rm -rf "$in" "$out"; mkdir -p "$in" "$out"
  python3 "$tools/te3_input_text.py" "$corpora/$corpus" "$in" >/dev/null
  # one process for the corpus; each article's DCT from its .dct file
  "$annals" annotate --format timeml --dct-sibling --out-dir "$out" "$in"/*.txt ||
    { echo "score_tempeval: annotate failed on $corpus" >&2; exit 1; }
  echo "== $corpus"
  python3 "$tools/te3_score.py" "$corpora/$corpus" "$out" ${ERRORS:+--errors} |
    sed -n '/=== Timex/,/type F1/p;/errors/,$p' | grep -v "	event	" || true
done
