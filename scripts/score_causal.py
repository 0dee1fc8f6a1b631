#!/usr/bin/env python3
"""Scores annals' causal links on Causal-TimeBank (318 gold CLINKs).

    scripts/score_causal.py [--split dev|test|all] [--errors] [--json]

Each document's text and date (via ../shared/tools/te3_input_text.py) goes
through `annals build`; every `causes` relation of the graph is matched to
gold EVENTs by character offsets (the trigger of the mention nearest the
link's cue must overlap the gold EVENT's span) and scored against the gold
CLINKs (eventInstanceID causes relatedToEventInstance):

  directed    the system's cause and effect are the gold cause and effect
  undirected  the same two events, in either direction

Split: documents in name order, every third one (index % 3 == 2) is `test`,
held out — look at its scores, never tune on its errors; the rest is `dev`.

Environment: ANNALS (binary, default build/annals), SHARED (default
../shared). Without the corpus it says so and exits 0 (nothing to score).
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
ANNALS = os.environ.get("ANNALS", os.path.join(ROOT, "build", "annals"))
CORPUS = os.path.join(SHARED, "corpora", "causal-timebank")
TO_TEXT = os.path.join(SHARED, "tools", "te3_input_text.py")

TAG = re.compile(r"<(/?)([A-Za-z0-9_-]+)([^>]*?)(/?)>")
ATTR = re.compile(r'([A-Za-z-]+)="([^"]*)"')


def gold_of(path):
    """The text of <TEXT> (tags removed), gold EVENT spans by eid, and CLINKs
    as (cause eid, effect eid, has a signal)."""
    xml = open(path, encoding="utf-8").read()
    body = xml[xml.index("<TEXT>") + len("<TEXT>"):xml.index("</TEXT>")]
    text, events, pos, open_event = [], {}, 0, None
    last = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[last:m.start()])
        text.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(ATTR.findall(m.group(3)))
        if name == "EVENT" and not closing:
            open_event = (attrs["eid"], pos)
        elif name == "EVENT" and closing and open_event:
            events[open_event[0]] = (open_event[1], pos)
            open_event = None
    text.append(html.unescape(body[last:]))
    instance = {a["eiid"]: a["eventID"] for a in
                (dict(ATTR.findall(t)) for t in re.findall(r"<MAKEINSTANCE[^>]*>", xml))}
    links = []
    for t in re.findall(r"<CLINK[^>]*>", xml):
        a = dict(ATTR.findall(t))
        cause, effect = instance.get(a["eventInstanceID"]), instance.get(a["relatedToEventInstance"])
        if cause and effect:
            links.append((cause, effect, "c-signalID" in a))
    return "".join(text), events, links


def char_offsets(raw):
    """Byte offset → character offset in UTF-8 text."""
    table, chars = {}, 0
    for i, byte in enumerate(raw):
        if byte & 0xC0 != 0x80:
            table[i] = chars
            chars += 1
    table[len(raw)] = chars
    return lambda b: table.get(b, chars)


def system_links(graph, raw):
    """(cause span, effect span, cue) in characters for each `causes` link."""
    to_char = char_offsets(raw)
    events = {e["id"]: e for e in graph["events"]}
    out = []
    for r in graph["relations"]:
        if r["type"] != "causes":
            continue
        cue = r["evidence"]["start"] if r.get("evidence") else 0
        spans = []
        for end in (r["source"], r["target"]):
            mentions = events[end]["mentions"]
            m = min(mentions, key=lambda m: abs(m["start"] - cue))
            spans.append((to_char(m["start"]), to_char(m["end"])))
        out.append((spans[0], spans[1], r["evidence"]["cue"] if r.get("evidence") else ""))
    return out


def gold_event_at(events, span):
    """The gold EVENT whose span overlaps the trigger's, the nearest start first."""
    best = None
    for eid, (start, end) in events.items():
        if start < span[1] and span[0] < end:
            if best is None or abs(start - span[0]) < abs(events[best][0] - span[0]):
                best = eid
    return best


def prf(hits_p, system, hits_r, gold):
    p = hits_p / system if system else 0.0
    r = hits_r / gold if gold else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--errors", action="store_true", help="list missed and spurious links")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(CORPUS):
        print(f"score_causal: skipped: no Causal-TimeBank at {CORPUS} (set SHARED)")
        return 0
    if not os.access(ANNALS, os.X_OK):
        print(f"score_causal: no binary at {ANNALS} (build first or set ANNALS)", file=sys.stderr)
        return 2
    names = sorted(f[:-4] for f in os.listdir(CORPUS) if f.endswith(".tml"))
    split = {n: ("test" if i % 3 == 2 else "dev") for i, n in enumerate(names)}
    names = [n for n in names if args.split in ("all", split[n])]
    totals = {"gold": 0, "gold_signal": 0, "system": 0, "directed": 0, "undirected": 0,
              "recall_directed": 0, "recall_undirected": 0, "recall_signal": 0}
    errors = []
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([sys.executable, TO_TEXT, CORPUS, work], check=True, stdout=subprocess.DEVNULL)
        for name in names:
            text, gold_events, gold = gold_of(os.path.join(CORPUS, name + ".tml"))
            txt = os.path.join(work, name + ".txt")
            raw = open(txt, "rb").read()
            if raw.decode("utf-8") != text:
                print(f"score_causal: {name}: text differs from te3_input_text's; skipped", file=sys.stderr)
                continue
            dct = open(os.path.join(work, name + ".dct")).read().strip()
            run = subprocess.run([ANNALS, "build", "--dct", dct, txt, "-o", "-"], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"score_causal: {name}: annals failed: {run.stderr.strip()}", file=sys.stderr)
                continue
            found = []
            for cause, effect, cue in system_links(json.loads(run.stdout), raw):
                found.append((gold_event_at(gold_events, cause), gold_event_at(gold_events, effect), cue, cause, effect))
            directed = {(c, e) for c, e, _ in gold}
            undirected = directed | {(e, c) for c, e in directed}
            pairs = {(c, e) for c, e, *_ in found if c and e}
            totals["gold"] += len(directed)
            totals["gold_signal"] += sum(1 for *_, s in gold if s)
            totals["system"] += len(found)
            totals["directed"] += sum(1 for c, e, *_ in found if (c, e) in directed)
            totals["undirected"] += sum(1 for c, e, *_ in found if (c, e) in undirected)
            totals["recall_directed"] += sum(1 for c, e in directed if (c, e) in pairs)
            totals["recall_undirected"] += sum(1 for c, e in directed if (c, e) in pairs or (e, c) in pairs)
            totals["recall_signal"] += sum(1 for c, e, s in gold if s and (c, e) in pairs)
            if args.errors:
                quote = lambda span: text[span[0]:span[1]]
                for c, e, cue, cs, es in found:
                    if (c, e) not in directed:
                        kind = "reversed" if (c, e) in undirected else "spurious"
                        errors.append(f"{split[name]}\t{name}\t{kind}\t{quote(cs)} -> {quote(es)}\t({cue})")
                for c, e, s in gold:
                    if (c, e) not in pairs:
                        span = lambda eid: text[gold_events[eid][0]:gold_events[eid][1]] if eid in gold_events else eid
                        errors.append(f"{split[name]}\t{name}\tmissed\t{span(c)} -> {span(e)}"
                                      f"\t{'(signal)' if s else ''}")
    t = totals
    result = {
        "split": args.split, "documents": len(names), "gold_links": t["gold"], "system_links": t["system"],
        "directed": prf(t["directed"], t["system"], t["recall_directed"], t["gold"]),
        "undirected": prf(t["undirected"], t["system"], t["recall_undirected"], t["gold"]),
        "recall_of_signalled_links": t["recall_signal"] / t["gold_signal"] if t["gold_signal"] else 0.0,
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"Causal-TimeBank ({args.split}: {len(names)} documents, {t['gold']} gold links, "
              f"{t['system']} system links)")
        for mode in ("directed", "undirected"):
            s = result[mode]
            print(f"  {mode:<10}  P {s['P']:.3f}  R {s['R']:.3f}  F1 {s['F1']:.3f}")
        print(f"  recall of the {t['gold_signal']} links with a signal: {result['recall_of_signalled_links']:.3f}")
    for line in errors:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
