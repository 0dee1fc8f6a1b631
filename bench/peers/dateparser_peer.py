#!/usr/bin/python3
"""dateparser.search.search_dates over a list of articles, timed per file.

    /usr/bin/python3 dateparser_peer.py LIST [--timeml OUT_DIR] [--limit N]

LIST: one .txt path a line; X.dct beside X.txt (YYYY-MM-DD) is the
RELATIVE_BASE (else the file's "Posted: DD.MM.YYYY" line). Prints one JSON line:
files, bytes, parse_seconds / parse_cpu_seconds (wall / CPU
time of search_dates only, summed), found. With --timeml
writes OUT_DIR/X.tml with each match as a TIMEX3 (rough mapping: search_dates
gives strings and datetimes, no offsets and no granularity, so each string is
located left to right in the text; type TIME if the datetime has a non-zero
time of day, else DATE with value YYYY-MM-DD). No durations or sets.
"""
import datetime
import warnings
import json
import os
import re
import sys
import time
from xml.sax.saxutils import escape

warnings.filterwarnings("ignore")
from dateparser.search import search_dates  # noqa: E402


def ref_date(path, text):
    dct = path[:-4] + ".dct"
    m = None
    if os.path.exists(dct):
        m = re.search(r"(\d{4})-(\d{2})-(\d{2})", open(dct).read())
    if m:
        return datetime.datetime(int(m[1]), int(m[2]), int(m[3]), 12)
    m = re.match(r"Posted: (\d{2})\.(\d{2})\.(\d{4})", text)
    if m:
        return datetime.datetime(int(m[3]), int(m[2]), int(m[1]), 12)
    return datetime.datetime.now()


def main():
    args = sys.argv[1:]
    files = [l for l in open(args[0]).read().split("\n") if l]
    out_dir = args[args.index("--timeml") + 1] if "--timeml" in args else None
    if "--limit" in args:
        files = files[: int(args[args.index("--limit") + 1])]
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    nbytes = 0
    seconds = 0.0
    cpu = 0.0
    found = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        ref = ref_date(path, text)
        nbytes += len(text.encode("utf-8"))
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            results = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": ref}) or []
        except Exception:  # dateparser raises on some inputs; count as nothing found
            results = []
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0
        found += len(results)
        if out_dir:
            out, at, n = [], 0, 1
            for s, dt in results:
                i = text.find(s, at)
                if i < 0:
                    continue
                out.append(escape(text[at:i]))
                timed = dt.hour or dt.minute
                value = dt.strftime("%Y-%m-%dT%H:%M") if timed else dt.strftime("%Y-%m-%d")
                out.append('<TIMEX3 tid="t%d" type="%s" value="%s">%s</TIMEX3>'
                           % (n, "TIME" if timed else "DATE", value, escape(s)))
                n += 1
                at = i + len(s)
            out.append(escape(text[at:]))
            name = os.path.basename(path)[:-4]
            d = ref.strftime("%Y-%m-%d")
            with open(os.path.join(out_dir, name + ".tml"), "w", encoding="utf-8") as f:
                f.write('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>%s</DOCID>\n<DCT><TIMEX3 tid="t0" '
                        'type="DATE" value="%s" functionInDocument="CREATION_TIME">%s</TIMEX3></DCT>\n'
                        '<TEXT>%s</TEXT>\n</TimeML>\n' % (name, d, d, "".join(out)))
    print(json.dumps({"peer": "dateparser", "files": len(files), "bytes": nbytes,
                      "parse_seconds": seconds,
                      "parse_cpu_seconds": cpu, "found": found}))


if __name__ == "__main__":
    main()
