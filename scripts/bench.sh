#!/usr/bin/env bash
# Whole-corpus throughput and memory of `annals build`, plus `annals annotate`
# over the TimeBank texts (one process, --dct-sibling --out-dir). Long: not part of ctest or CI. From the repo top:
#
#   bash scripts/bench.sh                      # 1, 10, 100 MB; 3 runs each (100 MB: 1)
#   SIZES="1 10" RUNS=5 bash scripts/bench.sh
#   ANNALS=build-bench/annals bash scripts/bench.sh
#
# Corpora come from bench/corpus/make_corpus.py (made once, in $BENCH_DIR/corpus;
# one article a file, a "Posted: DD.MM.YYYY" first line, so no --dct). File
# names are given through xargs; if they do not fit in one command line, xargs
# runs several `annals build` (batches) and the report says how many, with wall
# times summed and peak RSS the largest of them. Peak RSS from /usr/bin/time -v
# (Debian package `time`, installed here if missing).
# Results: $BENCH_DIR/results/corpus.tsv (every run) and the medians on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
ANNALS=$(realpath "${ANNALS:-build/annals}")
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/annals-bench}
SIZES=${SIZES:-1 10 100}
RUNS=${RUNS:-3}
RUNS_BIG=${RUNS_BIG:-1}   # runs of sizes >= 100 MB
SHARED=${SHARED:-$REPO/../shared}
PY=python3

[ -x "$ANNALS" ] || { echo "bench.sh: no $ANNALS (build it first, or set ANNALS=)" >&2; exit 1; }
if [ ! -d "$SHARED/corpora/tempeval3-tbaq/TimeBank" ]; then
  echo "bench.sh: $SHARED/corpora/tempeval3-tbaq absent: nothing to measure (skipped)" >&2; exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench.sh: installing the 'time' package for /usr/bin/time -v" >&2
  apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
mkdir -p "$BENCH_DIR/results"
RESULTS=$BENCH_DIR/results/corpus.tsv
echo -e "what\tsize\trun\tdocs\tbytes\tbatches\twall_s\tcpu_s\tpeak_rss_kb\tevents" > "$RESULTS"

sizes_csv=$(echo $SIZES | tr ' ' ',')
need=0; for s in $SIZES; do [ -f "$BENCH_DIR/corpus/${s}mb/files.txt" ] || need=1; done
if [ $need = 1 ]; then
  $PY bench/corpus/make_corpus.py --sizes "$sizes_csv" "$BENCH_DIR/corpus" >&2
fi

# Room for arguments in one command line: ARG_MAX less the environment and a margin.
arg_room=$(( $(getconf ARG_MAX) - $(env | wc -c) - 65536 ))

# sum of wall, of user+sys, max RSS over the /usr/bin/time -v logs given
sum_time_logs() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall += s }
    /User time \(seconds\)/ { cpu += $2 } /System time \(seconds\)/ { cpu += $2 }
    /Maximum resident set size/ { if ($2 > rss) rss = $2 }
    END { printf "%.3f\t%.3f\t%d\n", wall, cpu, rss }' "$@"
}

count_events() {  # events in the graph JSONs given
  $PY -c 'import json,sys; print(sum(len(json.load(open(f)).get("events", [])) for f in sys.argv[1:]))' "$@"
}

for s in $SIZES; do
  dir=$BENCH_DIR/corpus/${s}mb
  docs=$(wc -l < "$dir/files.txt")
  bytes=$(awk -F'\t' 'NR > 1 { b += $4 } END { print b }' "$dir/manifest.tsv")
  runs=$RUNS; [ "${s%.*}" -ge 100 ] 2>/dev/null && runs=$RUNS_BIG
  for r in $(seq 1 "$runs"); do
    out=$(mktemp -d "$BENCH_DIR/build-XXXXXX")
    # each batch: its own graph and time log (sh gets $0=out dir, $1=annals, then the files)
    (cd "$dir" && xargs -a files.txt -s "$arg_room" sh -c '
        b=$(mktemp "$0/batch-XXXXXX"); a=$1; shift
        /usr/bin/time -v -o "$b.time" "$a" build -o "$b.json" "$@" 2> "$b.err" || { cat "$b.err" >&2; exit 255; }
      ' "$out" "$ANNALS") || { echo "bench.sh: annals build failed on ${s}mb" >&2; exit 1; }
    batches=$(ls "$out"/*.time 2>/dev/null | wc -l)
    read -r wall cpu rss < <(sum_time_logs "$out"/*.time)
    events=$(count_events "$out"/*.json)
    echo -e "build\t${s}mb\t$r\t$docs\t$bytes\t$batches\t$wall\t$cpu\t$rss\t$events" >> "$RESULTS"
    echo "build ${s}mb run $r: $docs docs, $batches batch(es), ${wall}s wall, ${cpu}s cpu, peak RSS ${rss} kB, $events events" >&2
    rm -rf "$out"
  done
done

# annotate: one process over the TimeBank files, as scripts/score_tempeval.sh runs it
tb=$BENCH_DIR/timebank
if [ ! -f "$tb/.done" ]; then
  mkdir -p "$tb"; $PY "$SHARED/tools/te3_input_text.py" "$SHARED/corpora/tempeval3-tbaq/TimeBank" "$tb" >/dev/null
  touch "$tb/.done"
fi
tb_docs=$(ls "$tb"/*.txt | wc -l); tb_bytes=$(cat "$tb"/*.txt | wc -c)
for r in $(seq 1 "$RUNS"); do
  out=$(mktemp -d "$BENCH_DIR/annotate-XXXXXX")
  /usr/bin/time -v -o "$out/all.time" "$ANNALS" annotate --format timeml --dct-sibling --out-dir "$out" "$tb"/*.txt
  read -r wall cpu rss < <(sum_time_logs "$out/all.time")
  echo -e "annotate\ttimebank\t$r\t$tb_docs\t$tb_bytes\t1\t$wall\t$cpu\t$rss\t-" >> "$RESULTS"
  echo "annotate timebank run $r: ${wall}s wall, ${cpu}s cpu" >&2
  rm -rf "$out"
done

# medians
$PY - "$RESULTS" <<'PYEOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
groups = {}
for r in rows:
    groups.setdefault((r["what"], r["size"]), []).append(r)
print("| run | docs | MB | runs | batches | wall s (median) | MB/s | docs/s | MB/s per CPU-s | peak RSS MB | events |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for (what, size), rs in groups.items():
    med = lambda k: statistics.median(float(r[k]) for r in rs)
    mb = float(rs[0]["bytes"]) / 1e6
    wall, cpu = med("wall_s"), med("cpu_s")
    print("| %s %s | %s | %.2f | %d | %s | %.2f | %.2f | %.0f | %.2f | %.0f | %s |" % (
        what, size, rs[0]["docs"], mb, len(rs), rs[0]["batches"], wall, mb / wall,
        float(rs[0]["docs"]) / wall, mb / cpu, max(float(r["peak_rss_kb"]) for r in rs) / 1024,
        rs[0]["events"]))
PYEOF
