#!/usr/bin/env python3
"""Trains the event trigger + class model (an averaged perceptron) on
TempEval-3 TimeBank and a fixed half of AQUAINT, and writes
core/resources/en/events/trigger_model.tsv.

  python3 scripts/train_event_model.py [TIMEBANK_DIR] [--extra AQUAINT_DIR | --no-extra]
                                       [--heldout] [--folds N [--system]] [--eval DIR]

Every word token is one example; its label is NONE or the TimeML class of the
EVENT that starts on it. The features (see features() below) must stay in step
with core/events/trigger_model.cpp, which computes the same strings (as
FNV-1a hashes) on annals' own tokens.

AQUAINT is split by a hash of the file name (training_half()): 35 documents
are trained on (EXTRA_WEIGHT times an epoch), the other 38 stay held out.
--heldout scores the whole system on the held-out half instead of writing
the model: the model goes to a resource directory, annals (ANNALS, default
build/annals) annotates the held-out documents with it, and the official
scorer (../shared/tools) scores them. --heldout-gold DIR links the held-out
half's gold files into DIR (for te3_score.py DIR on annals' output).
--tune-folds N cross-validates the whole system on the training half alone
(for choosing settings without the held-out half). --folds N cross-validates
over every document of both corpora (token level); --folds N --system does
it for the whole system. --no-extra trains on TimeBank alone (as before
session 5).

It also trains a small part-of-speech tagger on UD English EWT (dev + test)
whose tags are features of the event model, and writes it beside the model
as pos_model.tsv (CC BY-SA 4.0, as the treebank).
"""
import argparse
import collections
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EVENTS = os.path.join(ROOT, "core", "resources", "en", "events")
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "tempeval3-tbaq", "TimeBank")
DEFAULT_EXTRA = os.path.join(ROOT, "..", "shared", "corpora", "tempeval3-tbaq", "AQUAINT")


def training_half(name):
    """The fixed half of AQUAINT that is trained on (35 of 73 documents, 2211 of
    4431 events): the CRC-32 of the file name is even. The other half stays
    held out (--heldout scores it through the whole system)."""
    return zlib.crc32(name.encode("utf-8")) % 2 == 0
LABELS = ["NONE", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"]
EPOCHS = 8
# The AQUAINT training half is seen this many times an epoch: its annotation
# is the more consistent one, and news is scored as it annotates. Chosen by
# --tune-folds 5 (the training half only): weights 1, 2, 3, 4 gave class F1
# 74.08, 75.06, 75.40, 75.38 (event F1 86.94, 87.62, 87.73, 87.55).
EXTRA_WEIGHT = 3
MIN_FEATURE_COUNT = 2      # features seen fewer times are dropped (keeps the file small)
MIN_WEIGHT = 0.05          # weights smaller than this are written as 0
SEED = 13
# Lowers the NONE score: the perceptron is cautious (precision 0.85, recall
# 0.78 in 5-fold cross-validation on TimeBank); a margin of 3 balances the two
# and gains about a point of event F1 there (--folds 5 --margins prints it).
NONE_MARGIN = 3.0

# Tokens as core/text/segment.cpp makes them: letters and digits joined by
# internal hyphens/apostrophes, single-letter initialisms, clitics split.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['\u2019\u2010-][^\W_]+)*|\S", re.UNICODE)
CLITIC = re.compile(r"^(.+?)(n't|n\u2019t|'s|\u2019s)$")


# ---- the lexicon, as core/events/lexicon.cpp builds it ---------------------------------

def is_vowel(c):
    return c in "aeiou"


def third_person(lemma):
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if len(lemma) > 1 and lemma[-1] == "y" and not is_vowel(lemma[-2]):
        return lemma[:-1] + "ies"
    return lemma + "s"


def past(lemma):
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 1 and lemma[-1] == "y" and not is_vowel(lemma[-2]):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def present_participle(lemma):
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma[:-1] + "ing"
    return lemma + "ing"


def rows(name):
    with open(os.path.join(EVENTS, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


class Lexicon:
    """Single-word verb forms and nouns with their classes; cue kinds."""

    def __init__(self):
        self.verbs = collections.defaultdict(set)   # form -> {(kind, class, lemma)}
        self.nouns = {}                             # form -> (class, lemma)
        self.curated = set()                        # forms of the hand-made lexicons
        self.not_triggers = {r[0].lower() for name in ("not_triggers.tsv", "trained_not_events.tsv")
                             for r in rows(name)}
        self.cues = {r[0].lower(): r[1] for r in rows("cues.tsv")}
        known = set()
        for name in ("verbs.tsv", "wordnet_verbs.tsv"):
            for r in rows(name):
                lemma = r[0].lower()
                if lemma in known or " " in lemma:
                    known.add(lemma)
                    continue
                known.add(lemma)
                listed = [f for f in r[2].lower().split(",") if f] if len(r) > 2 else []
                forms = [(lemma, "base"), (third_person(lemma), "third"), (present_participle(lemma), "ing")]
                has_past = False
                for f in listed:
                    kind = "ing" if f.endswith("ing") else "third" if f == third_person(lemma) else "past"
                    has_past |= kind == "past"
                    forms.append((f, kind))
                if not has_past:
                    forms.append((past(lemma), "past"))
                for form, kind in forms:
                    # Forms listed as not triggers are left out, except for curated verbs.
                    if name == "verbs.tsv" or form not in self.not_triggers:
                        self.verbs[form].add((kind, r[1], lemma))
                    if name == "verbs.tsv":
                        self.curated.add(form)
        for name in ("nouns.tsv", "wordnet_nouns.tsv"):
            for r in rows(name):
                noun = r[0].lower()
                plural = r[2].lower() if len(r) > 2 else third_person(noun)
                for form in (noun, plural):
                    if name == "nouns.tsv" or form not in self.not_triggers:
                        self.nouns.setdefault(form, (r[1], noun))
                    if name == "nouns.tsv":
                        self.curated.add(form)


# ---- documents ----------------------------------------------------------------------------

def tokens_of(text):
    """(start, end, text) per token, clitics split."""
    out = []
    for m in TOKEN.finditer(text):
        word, start = m.group(0), m.start()
        c = CLITIC.match(word) if len(word) > 3 else None
        if c and len(c.group(1)) > 1:
            out.append((start, start + len(c.group(1)), c.group(1)))
            out.append((start + len(c.group(1)), m.end(), c.group(2)))
        else:
            out.append((start, m.end(), word))
    return out


def read_document(path):
    """Sentences of (token text, label, in_timex) from one TimeML file."""
    root = ET.parse(path).getroot()
    text_el = next(el for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "TEXT")
    pieces, events, timexes = [], {}, []

    def walk(el, offset):
        tag = el.tag.rsplit("}", 1)[-1]
        start = offset
        if el.text:
            pieces.append(el.text)
            offset += len(el.text)
        for child in el:
            offset = walk(child, offset)
            if child.tail:
                pieces.append(child.tail)
                offset += len(child.tail)
        if tag == "EVENT":
            events[start] = el.get("class") or "OCCURRENCE"
        elif tag == "TIMEX3":
            timexes.append((start, offset))
        return offset

    walk(text_el, 0)
    text = "".join(pieces)
    sentences, sentence, last_end = [], [], 0
    for start, end, word in tokens_of(text):
        if sentence and "\n\n" in text[last_end:start]:  # a paragraph ends the sentence
            sentences.append(sentence)
            sentence = []
        last_end = end
        in_timex = any(a <= start < b for a, b in timexes)
        sentence.append((word, events.get(start, "NONE"), in_timex))
        if word in (".", "!", "?"):
            sentences.append(sentence)
            sentence = []
    if sentence:
        sentences.append(sentence)
    return sentences


# ---- part-of-speech tagger (mirrored in core/events/trigger_model.cpp) ---------------------
# A greedy averaged perceptron over coarse Penn tags, trained on UD English
# EWT (dev + test, CC BY-SA 4.0); its tags are features of the event model.

UD = os.path.join(ROOT, "..", "shared", "corpora", "ud-english-ewt")
POS_FILES = ("en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu")
POS_EPOCHS = 5
POS_SEED = 7
COARSE = {"NN": "NN", "NNS": "NNS", "NNP": "NNP", "NNPS": "NNP", "VB": "VB", "VBD": "VBD", "VBG": "VBG",
          "VBN": "VBN", "VBP": "VBP", "VBZ": "VBZ", "JJ": "JJ", "JJR": "JJ", "JJS": "JJ", "RB": "RB", "RBR": "RB",
          "RBS": "RB", "IN": "IN", "DT": "DT", "PDT": "DT", "PRP": "PRP", "PRP$": "PRP", "MD": "MD", "CD": "CD",
          "TO": "TO", "CC": "CC", "WDT": "W", "WP": "W", "WRB": "W", "WP$": "W", "POS": "POS", "RP": "RP"}
TAGS = sorted(set(COARSE.values()) | {"X"})


def read_conllu(path):
    sentences, sentence = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    sentences.append(sentence)
                sentence = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sentence.append((cols[1], TAGS.index(COARSE.get(cols[4], "X"))))
    if sentence:
        sentences.append(sentence)
    return sentences


def pos_word(words, j):
    return context_word(words, j)


def pos_features(words, i, t1, t2):
    """t1, t2: the tags (names, "<s>" at the start) of the two words before."""
    w = pos_word(words, i)
    n1 = pos_word(words, i + 1)
    f = ["b", "w=" + w, "cap=%d%d" % (words[i][0].isupper(), i == 0), "t1=" + t1, "t2|t1=" + t2 + "|" + t1,
         "t1|w=" + t1 + "|" + w, "w-1=" + pos_word(words, i - 1), "w+1=" + n1, "w-2=" + pos_word(words, i - 2),
         "w+2=" + pos_word(words, i + 2), "hy=%d" % ("-" in words[i])]
    if w.isascii():
        f += ["s3=" + w[-3:], "s2=" + w[-2:], "s1=" + w[-1:], "pre=" + w[:2]]
    if n1.isascii():
        f.append("s3+1=" + n1[-3:])
    return f


class PosTagger:
    """Integer weights (thousandths), as the model file and the C++ side keep them."""

    def __init__(self, weights):
        self.weights = weights  # feature -> {tag index: int}

    def tag(self, words):
        tags, t1, t2 = [], "<s>", "<s>"
        for i in range(len(words)):
            score = [0] * len(TAGS)
            for f in pos_features(words, i, t1, t2):
                for k, v in self.weights.get(f, {}).items():
                    score[k] += v
            best = max(range(len(TAGS)), key=lambda k: score[k])
            tags.append(best)
            t2, t1 = t1, TAGS[best]
        return tags


def train_pos():
    sentences = []
    for name in POS_FILES:
        sentences += read_conllu(os.path.join(UD, name))
    weights, totals, stamps, step = {}, {}, {}, 0
    counts = collections.Counter()
    rng = random.Random(POS_SEED)
    for epoch in range(POS_EPOCHS):
        rng.shuffle(sentences)
        for sentence in sentences:
            words = [w for w, _ in sentence]
            t1 = t2 = "<s>"
            for i, (_, gold) in enumerate(sentence):
                feats = pos_features(words, i, t1, t2)
                if epoch == 0:
                    counts.update(feats)
                score = [0.0] * len(TAGS)
                for f in feats:
                    for k, v in weights.get(f, {}).items():
                        score[k] += v
                guess = max(range(len(TAGS)), key=lambda k: score[k])
                step += 1
                if guess != gold:
                    for f in feats:
                        w = weights.setdefault(f, {})
                        for k, d in ((gold, 1.0), (guess, -1.0)):
                            key = (f, k)
                            totals[key] = totals.get(key, 0.0) + (step - stamps.get(key, 0)) * w.get(k, 0.0)
                            stamps[key] = step
                            w[k] = w.get(k, 0.0) + d
                t2, t1 = t1, TAGS[gold]
    kept = {}
    for f, w in weights.items():
        if counts[f] < MIN_FEATURE_COUNT:
            continue
        ints = {}
        for k, v in w.items():
            key = (f, k)
            average = (totals.get(key, 0.0) + (step - stamps.get(key, 0)) * v) / step
            if abs(average) >= MIN_WEIGHT:
                ints[k] = max(-32767, min(32767, int(round(average * 1000))))
        if ints:
            kept[f] = ints
    return PosTagger(kept)


def write_pos(tagger, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Purpose: the part-of-speech tagger whose tags are features of the event model\n"
                  "# (trigger_model.tsv): a greedy averaged perceptron over coarse Penn tags.\n"
                  "# Generated by scripts/train_event_model.py from Universal Dependencies English EWT\n"
                  "# (dev and test parts; CC BY-SA 4.0, so is this file: see the corpus LICENSE.txt).\n"
                  "# Do not edit by hand: change the script and run it again.\n"
                  "# Format: FEATURE <TAB> TAG:WEIGHT ... (weights in thousandths; other tags 0)\n")
        out.write("tags\t" + " ".join(TAGS) + "\n")
        for f in sorted(tagger.weights):
            w = tagger.weights[f]
            out.write(f + "\t" + " ".join("%s:%d" % (TAGS[k], w[k]) for k in sorted(w)) + "\n")
    print("wrote %d features to %s (%d bytes)" % (len(tagger.weights), path, os.path.getsize(path)), file=sys.stderr)


# ---- features (mirrored in core/events/trigger_model.cpp) -----------------------------------

def is_word(token):
    return any(c.isalpha() for c in token)


def context_word(words, j):
    if j < 0:
        return "<s>"
    if j >= len(words):
        return "</s>"
    w = words[j]
    if w[0].isdigit():
        return "<num>"
    return w.lower()


def previous_content(lex, folded, i):
    """The word before i, skipping adverbs in -ly and negations."""
    j = i - 1
    while j >= 0 and ((len(folded[j]) > 4 and folded[j].endswith("ly")) or lex.cues.get(folded[j]) == "negation"):
        j -= 1
    return j


def shape(word, i):
    if len(word) >= 2 and word.isupper():
        return "A"
    if word[0].isupper():
        return "F" if i == 0 else "C"
    return "l"


def features(lex, words, folded, i, tags):
    w = folded[i]
    ascii_word = w.isascii()
    p1, p2 = context_word(words, i - 1), context_word(words, i - 2)
    n1, n2 = context_word(words, i + 1), context_word(words, i + 2)
    pc = previous_content(lex, folded, i)
    pc_word = context_word(words, pc)
    pc_kind = lex.cues.get(pc_word, "-")
    f = ["b", "w=" + w, "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2, "sh=" + shape(words[i], i),
         "pc=" + pc_word, "pk=" + pc_kind, "w|n1=" + w + "|" + n1, "p1|w=" + p1 + "|" + w]
    if ascii_word:
        for n in (2, 3, 4):
            f.append("s%d=" % n + w[-n:])
        f.append("pk|s3=" + pc_kind + "|" + w[-3:])
    verb_classes = sorted(lex.verbs.get(w, ()))
    for kind, cls, lemma in verb_classes:
        f.append("lv=" + kind)
        f.append("lc=" + cls)
        f.append("lm=" + lemma)
        f.append("pk|lv=" + pc_kind + "|" + kind)
    if w in lex.nouns:
        cls, lemma = lex.nouns[w]
        f.append("ln=" + cls)
        f.append("lm=" + lemma)
    if not verb_classes and w not in lex.nouns:
        f.append("lex=none")
    if w in lex.curated:
        f.append("cur")
    if w in lex.not_triggers:
        f.append("nt")
    t = TAGS[tags[i]]
    t_p1 = TAGS[tags[i - 1]] if i > 0 else "<s>"
    t_n1 = TAGS[tags[i + 1]] if i + 1 < len(tags) else "</s>"
    f += ["t=" + t, "t-1=" + t_p1, "t+1=" + t_n1, "t|t+1=" + t + "|" + t_n1, "t-1|t=" + t_p1 + "|" + t]
    return list(dict.fromkeys(f))  # each feature once


def examples(lex, tagger, sentences):
    for sentence in sentences:
        words = [t[0] for t in sentence]
        folded = [t.lower() for t in words]
        tags = tagger.tag(words)
        for i, (word, label, in_timex) in enumerate(sentence):
            if in_timex or not is_word(word):
                continue
            yield features(lex, words, folded, i, tags), LABELS.index(label)


# ---- averaged perceptron ---------------------------------------------------------------------

class Perceptron:
    def __init__(self):
        self.weights = collections.defaultdict(lambda: [0.0] * len(LABELS))
        self.totals = collections.defaultdict(lambda: [0.0] * len(LABELS))
        self.stamps = collections.defaultdict(lambda: [0] * len(LABELS))
        self.step = 0

    def scores(self, feats):
        s = [0.0] * len(LABELS)
        for f in feats:
            w = self.weights.get(f)
            if w:
                for k in range(len(LABELS)):
                    s[k] += w[k]
        return s

    def predict(self, feats):
        s = self.scores(feats)
        return max(range(len(LABELS)), key=lambda k: s[k])

    def update(self, feats, gold, guess):
        self.step += 1
        if gold == guess:
            return
        for f in feats:
            w, t, st = self.weights[f], self.totals[f], self.stamps[f]
            for k, delta in ((gold, 1.0), (guess, -1.0)):
                t[k] += (self.step - st[k]) * w[k]
                st[k] = self.step
                w[k] += delta

    def average(self):
        for f, w in self.weights.items():
            t, st = self.totals[f], self.stamps[f]
            for k in range(len(LABELS)):
                t[k] += (self.step - st[k]) * w[k]
                w[k] = t[k] / self.step


def train(data):
    model = Perceptron()
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            feats, gold = data[k]
            model.update(feats, gold, model.predict(feats))
    model.average()
    return model


FUNCTION_CUES = {"negation", "modal", "be", "infinitive", "determiner", "pronoun", "clause"}


def score(model, data, margin=None, lex=None):
    """Token-level event F1 and class F1 (as te3_score: class F1 = correct class / events)."""
    margin = NONE_MARGIN if margin is None else margin
    tp = fp = fn = cls_ok = 0
    for feats, gold in data:
        s = model.scores(feats)
        s[0] -= margin
        guess = max(range(len(LABELS)), key=lambda k: s[k])
        # As trigger_model.cpp: function words ("have", "do" aside) are no events.
        if lex and lex.cues.get(feats[1][2:]) in FUNCTION_CUES:
            guess = 0
        if guess and gold:
            tp += 1
            cls_ok += guess == gold
        elif guess:
            fp += 1
        elif gold:
            fn += 1
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    return f1, f1 * cls_ok / max(tp, 1)


class Doc(list):
    """A document's examples, with the directory and name it came from."""

    def __init__(self, directory, name, items):
        super().__init__(items)
        self.directory, self.name = directory, name


def load(lex, tagger, directory, keep=lambda name: True):
    docs = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".tml") and keep(name):
            docs.append(Doc(directory, name, examples(lex, tagger, read_document(os.path.join(directory, name)))))
    return docs


def write(model, counts, path):
    model.weights["b"][0] -= NONE_MARGIN  # the margin is part of the model
    kept = []
    for f, w in model.weights.items():
        if counts[f] < MIN_FEATURE_COUNT:
            continue
        w = [x if abs(x) >= MIN_WEIGHT else 0.0 for x in w]
        if any(w):
            kept.append((f, w))
    kept.sort()
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Purpose: the event trigger and class model: an averaged perceptron over the\n"
                  "# features of core/events/trigger_model.cpp (word, suffixes, neighbours, cues,\n"
                  "# lexicon classes). A word is an event of the class with the highest score\n"
                  "# (NONE: no event).\n"
                  "# Generated by scripts/train_event_model.py from TempEval-3 TimeBank and the training\n"
                  "# half of AQUAINT (training_half() in the script: CRC-32 of the file name even).\n"
                  "# Do not edit by hand: change the script and run it again.\n"
                  "# Format: FEATURE <TAB> WEIGHTS, one per label: " + " ".join(LABELS) + "\n"
                  "# example: The thrift holding company said it expects to obtain approval. => expects I_STATE\n"
                  "# example: Shareholders approved the acquisition. => acquisition OCCURRENCE\n"
                  "# example: The market was closed. => market none\n")
        out.write("labels\t" + "\t".join(LABELS) + "\n")
        for f, w in kept:
            out.write(f + "\t" + " ".join("%.3g" % x if x else "0" for x in w) + "\n")
    print("wrote %d features to %s (%d bytes)" % (len(kept), path, os.path.getsize(path)), file=sys.stderr)


def system_score(runs, label):
    """Whole-system scores: for each (training docs, held-out docs) of runs, a
    model trained on the first is written to a resource directory, annals
    (ANNALS, default build/annals) annotates the held-out documents with it,
    and the official scorer (../shared/tools) scores them; prints each run and
    the total."""
    import json
    import shutil
    import subprocess
    import tempfile
    annals = os.path.abspath(os.environ.get("ANNALS", os.path.join(ROOT, "build", "annals")))
    tools = os.path.join(ROOT, "..", "shared", "tools")
    work = tempfile.mkdtemp(prefix="annals-event-cv-")
    try:
        plain = {}
        for d in sorted({doc.directory for _, held in runs for doc in held}):
            plain[d] = os.path.join(work, "plain%d" % len(plain))
            subprocess.run(["python3", os.path.join(tools, "te3_input_text.py"), d, plain[d]], check=True,
                           stdout=subprocess.DEVNULL)
        total = collections.Counter()
        for k, (training, held) in enumerate(runs):
            rest = [e for d in training for e in d]
            model = train(rest)
            resources = os.path.join(work, "res%d" % k)
            os.makedirs(os.path.join(resources, "en", "events"))
            write(model, collections.Counter(f for feats, _ in rest for f in feats),
                  os.path.join(resources, "en", "events", "trigger_model.tsv"))
            gold, inputs, out = (os.path.join(work, "%s%d" % (x, k)) for x in ("gold", "in", "out"))
            for d in (gold, inputs, out):
                os.makedirs(d)
            for doc in held:
                os.symlink(os.path.join(os.path.abspath(doc.directory), doc.name), os.path.join(gold, doc.name))
                for ext in (".txt", ".dct"):
                    os.symlink(os.path.join(plain[doc.directory], doc.name[:-4] + ext),
                               os.path.join(inputs, doc.name[:-4] + ext))
            texts = sorted(os.path.join(inputs, n) for n in os.listdir(inputs) if n.endswith(".txt"))
            subprocess.run([annals, "annotate", "--format", "timeml", "--dct-sibling", "--out-dir", out] + texts,
                           check=True, env=dict(os.environ, ANNALS_RESOURCES=resources), stdout=subprocess.DEVNULL)
            scored = subprocess.run(["python3", os.path.join(tools, "te3_score.py"), "--json", gold, out],
                                    check=True, capture_output=True, text=True).stdout
            counts = json.loads(scored)["event"]["counts"]
            total.update(counts)
            p, r = counts["relaxed"] / max(counts["system"], 1), counts["relaxed"] / max(counts["gold"], 1)
            f1 = 2 * p * r / max(p + r, 1e-9)
            print("%s %d: event F1 %.2f class F1 %.2f" % (label, k, 100 * f1,
                                                         100 * f1 * counts["class"] / max(counts["relaxed"], 1)),
                  file=sys.stderr)
        p, r = total["relaxed"] / max(total["system"], 1), total["relaxed"] / max(total["gold"], 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        print("system, %s: event F1 %.2f (P %.2f R %.2f) class F1 %.2f" %
              (label, 100 * f1, 100 * p, 100 * r, 100 * f1 * total["class"] / max(total["relaxed"], 1)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    global EXTRA_WEIGHT, NONE_MARGIN, EPOCHS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--extra", default=DEFAULT_EXTRA,
                        help="a corpus whose fixed training half (training_half()) is trained on too")
    parser.add_argument("--no-extra", action="store_true", help="train on the corpus alone")
    parser.add_argument("--heldout", action="store_true",
                        help="score the whole system on the held-out half of --extra instead of writing")
    parser.add_argument("--heldout-gold", metavar="DIR",
                        help="link the held-out half's gold files into DIR (to score annals' output on them) and stop")
    parser.add_argument("--tune-folds", type=int, default=0,
                        help="cross-validate the whole system on the training half of --extra only (TimeBank "
                             "always trained on): for choosing settings without looking at the held-out half")
    parser.add_argument("--eval", help="a held-out TimeML directory to score on (never trained on)")
    parser.add_argument("--folds", type=int, default=0,
                        help="cross-validate on the corpus and all of --extra instead of writing")
    parser.add_argument("--margins", action="store_true", help="with --folds: score several NONE margins")
    parser.add_argument("--system", action="store_true",
                        help="with --folds: score the whole system (annals + the official scorer) on each fold")
    parser.add_argument("--out", default=os.path.join(EVENTS, "trigger_model.tsv"))
    parser.add_argument("--extra-weight", type=int, default=EXTRA_WEIGHT,
                        help="times the training half of --extra is seen an epoch (default %(default)s)")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="training epochs (default %(default)s)")
    parser.add_argument("--margin", type=float, default=NONE_MARGIN,
                        help="lowers the NONE score (default %(default)s)")
    args = parser.parse_args()
    EXTRA_WEIGHT, NONE_MARGIN, EPOCHS = args.extra_weight, args.margin, args.epochs
    if not os.path.isdir(args.corpus):
        sys.exit("train_event_model: no corpus at %s" % args.corpus)
    if not args.no_extra and not os.path.isdir(args.extra):
        sys.exit("train_event_model: no corpus at %s (or give --no-extra)" % args.extra)
    if args.heldout_gold:
        os.makedirs(args.heldout_gold, exist_ok=True)
        for name in sorted(os.listdir(args.extra)):
            link = os.path.join(args.heldout_gold, name)
            if name.endswith(".tml") and not training_half(name) and not os.path.lexists(link):
                os.symlink(os.path.join(os.path.abspath(args.extra), name), link)
        return
    lex = Lexicon()
    tagger = train_pos()
    docs = load(lex, tagger, args.corpus)
    extra_training = [] if args.no_extra else load(lex, tagger, args.extra, training_half)
    if args.tune_folds:
        n = args.tune_folds
        system_score([(docs + [d for i, d in enumerate(extra_training) if i % n != k] * EXTRA_WEIGHT,
                       [d for i, d in enumerate(extra_training) if i % n == k]) for k in range(n)], "tuning fold")
        return
    if args.heldout:
        held = load(lex, tagger, args.extra, lambda name: not training_half(name))
        system_score([(docs + extra_training * EXTRA_WEIGHT, held)], "held-out half of " + os.path.basename(args.extra))
        return
    if args.folds:
        # Cross-validation over every document (both halves of --extra).
        if not args.no_extra:
            docs = docs + load(lex, tagger, args.extra)
        # The training folds' AQUAINT documents count EXTRA_WEIGHT times, as in the model.
        folds = [([d for i, d in enumerate(docs) if i % args.folds != k for _ in
                   range(EXTRA_WEIGHT if d.directory == args.extra else 1)],
                  [d for i, d in enumerate(docs) if i % args.folds == k]) for k in range(args.folds)]
        if args.system:
            system_score(folds, "fold")
            return
        results = []
        for k, (rest, held) in enumerate(folds):
            rest = [e for d in rest for e in d]
            held = [e for d in held for e in d]
            model = train(rest)
            if args.margins:
                for margin in (0, 1, 2, 3, 4):
                    print("fold %d margin %g: event F1 %.4f class F1 %.4f" % (k, margin, *score(model, held, margin)))
            results.append(score(model, held, lex=lex))
            print("fold %d: event F1 %.4f class F1 %.4f" % (k, *results[-1]), file=sys.stderr)
        print("mean: event F1 %.4f class F1 %.4f" % tuple(sum(x) / len(x) for x in zip(*results)))
        return
    data = [e for d in docs + extra_training * EXTRA_WEIGHT for e in d]
    model = train(data)
    counts = collections.Counter(f for feats, _ in data for f in feats)
    if args.eval:
        held = [e for d in load(lex, tagger, args.eval) for e in d]
        print("held out %s: event F1 %.4f class F1 %.4f" % (args.eval, *score(model, held, lex=lex)))
    write(model, counts, args.out)
    write_pos(tagger, os.path.join(os.path.dirname(args.out), "pos_model.tsv"))


if __name__ == "__main__":
    main()
