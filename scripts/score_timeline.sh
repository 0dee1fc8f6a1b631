#!/usr/bin/env bash
# Entity timelines (issue #4, SemEval-2015 Task 4): builds one graph from a
# prepared timeline corpus (raw text, one article a file) and scores it
# against the gold timelines with ../shared/tools/timeline_eval.py (main mode:
# order and dates; ordering-only mode). From the repo top:
#
#   bash scripts/score_timeline.sh                       # the trial corpus
#   CORPUS=/path/to/prepared bash scripts/score_timeline.sh
#   KEEP=/tmp/tl bash scripts/score_timeline.sh          # keep the timelines written
#
# Skips (exit 0, with a message) when the shared corpora are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
ANNALS=${ANNALS:-build/annals}
SHARED=${SHARED:-../shared}
CORPUS=${CORPUS:-$SHARED/corpora/timeline-trial/prepared}
EVAL=$SHARED/tools/timeline_eval.py

if [ ! -f "$EVAL" ] || [ ! -d "$CORPUS/txt" ]; then
  echo "score_timeline.sh: $EVAL or $CORPUS/txt absent: nothing to score (skipped)" >&2
  exit 0
fi
[ -x "$ANNALS" ] || { echo "score_timeline.sh: no $ANNALS (build it first, or set ANNALS=)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/score-timeline.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$ANNALS" build "$CORPUS"/txt/*.txt -o "$work/graph.json"
python3 "$EVAL" "$work/graph.json" "$CORPUS" ${KEEP:+--keep "$KEEP"}
