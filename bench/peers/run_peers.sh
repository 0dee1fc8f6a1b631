#!/usr/bin/env bash
# annals beside two date taggers, on the same text in the same run:
#   chrono-node (npm, installed into $PEERS_DIR, outside the repo)
#   dateparser  (Debian python3-dateparser, dateparser.search.search_dates)
# Long-ish (dateparser alone takes ~10 s per run on TimeBank); not in ctest.
#
#   bash bench/peers/run_peers.sh            # 3 runs, medians and ratios
#   RUNS=5 SCORE=1 bash bench/peers/run_peers.sh   # also TempEval-3 scores
#
# Text: TimeBank (183 docs) via ../shared/tools/te3_input_text.py. Each run
# measures, one after the other:
#   annals annotate   one process over all files (as scripts/score_tempeval.sh),
#                     --format timeml --dct-sibling --out-dir: wall and CPU
#   annals build      one process over all files: the full pipeline + merge
#   chrono-node       one node process; chrono.parse CPU time alone, and the
#                     whole process (startup, reading, parsing)
#   dateparser        the same in /usr/bin/python3
# Ratios are annals/peer throughput (MB per CPU-second) from the same run.
# With SCORE=1, each peer also writes TimeML (a rough type/value mapping, see
# the peer scripts) scored with ../shared/tools/te3_score.py beside annals.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
ANNALS=$(realpath "${ANNALS:-build/annals}")
SHARED=${SHARED:-$REPO/../shared}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/annals-bench}
PEERS_DIR=${PEERS_DIR:-${TMPDIR:-/tmp}/annals-peers}
RUNS=${RUNS:-3}
SCORE=${SCORE:-0}

[ -x "$ANNALS" ] || { echo "run_peers.sh: no $ANNALS (build it first, or set ANNALS=)" >&2; exit 1; }
GOLD=$SHARED/corpora/tempeval3-tbaq/TimeBank
if [ ! -d "$GOLD" ]; then echo "run_peers.sh: $GOLD absent: skipped" >&2; exit 0; fi
if [ ! -x /usr/bin/time ]; then apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }; fi
if ! /usr/bin/python3 -c 'import dateparser' 2>/dev/null; then
  echo "run_peers.sh: installing python3-dateparser" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y python3-dateparser >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y python3-dateparser >/dev/null; }
fi
if [ ! -d "$PEERS_DIR/node_modules/chrono-node" ]; then
  echo "run_peers.sh: installing chrono-node into $PEERS_DIR" >&2
  mkdir -p "$PEERS_DIR"; npm install --silent --prefix "$PEERS_DIR" chrono-node >&2
fi
export NODE_PATH=$PEERS_DIR/node_modules
chrono_version=$(node -p "require('$PEERS_DIR/node_modules/chrono-node/package.json').version")
dp_version=$(/usr/bin/python3 -c 'import dateparser; print(dateparser.__version__)')

tb=$BENCH_DIR/timebank
if [ ! -f "$tb/.done" ]; then
  mkdir -p "$tb"; python3 "$SHARED/tools/te3_input_text.py" "$GOLD" "$tb" >/dev/null; touch "$tb/.done"
fi
ls "$tb"/*.txt > "$BENCH_DIR/timebank.list"
mb=$(cat "$tb"/*.txt | wc -c | awk '{ printf "%.6f", $1 / 1e6 }')
mkdir -p "$BENCH_DIR/results"
RESULTS=$BENCH_DIR/results/peers.tsv
echo -e "run\twhat\twall_s\tcpu_s\tmb" > "$RESULTS"

wall_cpu() {  # wall and user+sys seconds from a /usr/bin/time -v log
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; w = s }
    /User time/ { c += $2 } /System time/ { c += $2 } END { printf "%.3f\t%.3f\n", w, c }' "$1"
}
json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

for r in $(seq 1 "$RUNS"); do
  out=$(mktemp -d "$BENCH_DIR/peers-XXXXXX")
  mkdir "$out/tml"
  /usr/bin/time -v -o "$out/annotate.time" "$ANNALS" annotate --format timeml --dct-sibling --out-dir "$out/tml" "$tb"/*.txt
  echo -e "$r\tannals annotate (one process)\t$(wall_cpu "$out/annotate.time")\t$mb" >> "$RESULTS"
  /usr/bin/time -v -o "$out/build.time" "$ANNALS" build -o "$out/graph.json" "$tb"/*.txt 2>/dev/null
  echo -e "$r\tannals build (one process)\t$(wall_cpu "$out/build.time")\t$mb" >> "$RESULTS"
  line=$(/usr/bin/time -v -o "$out/chrono.time" node bench/peers/chrono_peer.js "$BENCH_DIR/timebank.list")
  echo -e "$r\tchrono-node parse only\t$(json_field "$line" parse_seconds)\t$(json_field "$line" parse_cpu_seconds)\t$mb" >> "$RESULTS"
  echo -e "$r\tchrono-node (whole process)\t$(wall_cpu "$out/chrono.time")\t$mb" >> "$RESULTS"
  line=$(/usr/bin/time -v -o "$out/dp.time" /usr/bin/python3 bench/peers/dateparser_peer.py "$BENCH_DIR/timebank.list")
  echo -e "$r\tdateparser search_dates only\t$(json_field "$line" parse_seconds)\t$(json_field "$line" parse_cpu_seconds)\t$mb" >> "$RESULTS"
  echo -e "$r\tdateparser (whole process)\t$(wall_cpu "$out/dp.time")\t$mb" >> "$RESULTS"
  echo "run_peers.sh: run $r done" >&2
  rm -rf "$out"
done

echo "TimeBank: $(wc -l < "$BENCH_DIR/timebank.list") files, $mb MB; chrono-node $chrono_version, dateparser $dp_version; $RUNS runs"
python3 - "$RESULTS" <<'PYEOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
whats = list(dict.fromkeys(r["what"] for r in rows))
runs = sorted(set(r["run"] for r in rows))
rate = {(r["run"], r["what"]): float(r["mb"]) / max(float(r["cpu_s"]), 1e-9) for r in rows}
wall = {(r["run"], r["what"]): float(r["mb"]) / max(float(r["wall_s"]), 1e-9) for r in rows}
print("| what | MB/s per CPU-s (median) | MB/s wall (median) |")
print("|---|---|---|")
for w in whats:
    print("| %s | %.3f | %.3f |" % (w, statistics.median(rate[(r, w)] for r in runs),
                                  statistics.median(wall[(r, w)] for r in runs)))
pairs = [("annals annotate (one process)", "chrono-node (whole process)"),
         ("annals annotate (one process)", "chrono-node parse only"),
         ("annals build (one process)", "chrono-node (whole process)"),
         ("annals build (one process)", "chrono-node parse only"),
         ("annals annotate (one process)", "dateparser (whole process)"),
         ("annals build (one process)", "dateparser (whole process)"),
         ("annals build (one process)", "dateparser search_dates only")]
print()
print("| ratio (CPU throughput, same run) | median | per run |")
print("|---|---|---|")
for a, b in pairs:
    per = [rate[(r, a)] / rate[(r, b)] for r in runs]
    print("| %s / %s | %.2f | %s |" % (a, b, statistics.median(per), ", ".join("%.2f" % x for x in per)))
PYEOF

if [ "$SCORE" = 1 ]; then
  s=$(mktemp -d "$BENCH_DIR/score-XXXXXX")
  mkdir -p "$s/annals"
  "$ANNALS" annotate --format timeml --dct-sibling --out-dir "$s/annals" "$tb"/*.txt
  node bench/peers/chrono_peer.js "$BENCH_DIR/timebank.list" --timeml "$s/chrono" >/dev/null
  /usr/bin/python3 bench/peers/dateparser_peer.py "$BENCH_DIR/timebank.list" --timeml "$s/dateparser" >/dev/null
  echo
  echo "| TimeBank timex | strict F1 | relaxed F1 | value F1 | type F1 |"
  echo "|---|---|---|---|---|"
  for sys in annals chrono dateparser; do
    python3 "$SHARED/tools/te3_score.py" "$GOLD" "$s/$sys" --json | python3 -c '
import json, sys
t = json.load(sys.stdin)["timex"]
print("| %s | %.2f | %.2f | %.2f | %.2f |" % (sys.argv[1], *(100 * t[k]["F1"] for k in ("strict", "relaxed", "value", "type"))))
' "$sys"
  done
  rm -rf "$s"
fi
