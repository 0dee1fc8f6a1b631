#!/usr/bin/env python3
"""Assemble plain-text news corpora of a given size from TimeML files.

    make_corpus.py [--src DIR ...] [--sizes 1,10,100] OUT_DIR

For each size S (in MB, 10^6 bytes) writes OUT_DIR/<S>mb/ with one article per
file, documents kept whole and repeated in order until the directory holds at
least S MB of article text:

    d<NNNNNN>.txt   'Posted: DD.MM.YYYY' then a blank line, then the text of
                    <TEXT> with every tag removed (the line annals' date finder
                    reads, so `annals build` needs no --dct)
    d<NNNNNN>.dct   the same date as YYYY-MM-DD (for tools that take a DCT)

plus OUT_DIR/<S>mb/manifest.tsv (file, source document, copy number, bytes)
and OUT_DIR/<S>mb/files.txt (the .txt names, one a line, for xargs).
Names are short on purpose: 100 MB is ~50,000 files, and a command line that
lists them all must stay under ARG_MAX.

Default sources: TimeBank and AQUAINT of ../shared/corpora/tempeval3-tbaq
(relative to the repository). Python standard library only.
"""
import argparse
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SRC = [os.path.join(REPO, "..", "shared", "corpora", "tempeval3-tbaq", d)
               for d in ("TimeBank", "AQUAINT")]

TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
DCT_RE = re.compile(r"<DCT>.*?value=\"(\d{4})-(\d{2})-(\d{2})", re.S)
TAG_RE = re.compile(r"<[^>]*>")


def read_timeml(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    text = TEXT_RE.search(raw)
    dct = DCT_RE.search(raw)
    if not text or not dct:
        return None
    body = html.unescape(TAG_RE.sub("", text.group(1))).strip("\n")
    return body, (dct.group(1), dct.group(2), dct.group(3))


def load_sources(dirs):
    docs = []
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".tml"):
                got = read_timeml(os.path.join(d, name))
                if got and got[0].strip():
                    docs.append((name[:-4], got[0], got[1]))
    return docs


def write_corpus(docs, out, megabytes):
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):  # start clean: no stale files from a bigger run
        if name.startswith("d") and (name.endswith(".txt") or name.endswith(".dct")):
            os.remove(os.path.join(out, name))
    target = int(megabytes * 1_000_000)
    total = count = 0
    names = []
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as manifest:
        manifest.write("file\tsource\tcopy\tbytes\n")
        while total < target:
            doc_name, body, (y, m, d) = docs[count % len(docs)]
            copy = count // len(docs)
            file = "d%06d.txt" % count
            data = ("Posted: %s.%s.%s\n\n%s\n" % (d, m, y, body)).encode("utf-8")
            with open(os.path.join(out, file), "wb") as f:
                f.write(data)
            with open(os.path.join(out, file[:-4] + ".dct"), "w") as f:
                f.write("%s-%s-%s\n" % (y, m, d))
            manifest.write("%s\t%s\t%d\t%d\n" % (file, doc_name, copy, len(data)))
            names.append(file)
            total += len(data)
            count += 1
    with open(os.path.join(out, "files.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    return count, total


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", help="output directory (gets <S>mb/ subdirectories)")
    p.add_argument("--src", action="append", help="directory of TimeML .tml files (repeatable)")
    p.add_argument("--sizes", default="1,10,100", help="comma-separated sizes in MB (default 1,10,100)")
    a = p.parse_args()
    docs = load_sources(a.src or DEFAULT_SRC)
    if not docs:
        print("make_corpus: no TimeML documents found in %s" % (a.src or DEFAULT_SRC), file=sys.stderr)
        return 1
    for size in a.sizes.split(","):
        mb = float(size)
        label = ("%g" % mb) + "mb"
        count, total = write_corpus(docs, os.path.join(a.out, label), mb)
        print("%s: %d documents (%d distinct), %.2f MB" % (label, count, min(count, len(docs)), total / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
