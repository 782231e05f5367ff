#!/usr/bin/env python3
"""Builds the training folders of Lantern's translators from ../shared/data (and Debian's Ding dictionary).

    python3 translator/scripts/make-corpus.py [--data ../shared/data] [--out translator/target/corpus]
                                              [--copies multi30k=2,news=2]

Writes, for each pair folder (en-de serves EN->DE and DE->EN, en-fr serves EN->FR), the line-aligned gzip files that
TrainTranslator --data reads:
  train.{en,de}.gz / train.{en,fr}.gz  Multi30k train, Tatoeba (the short 50k/18k files and the everyday
                                       test-union train set, twice), WMT/TICO news, and for DE the Ding
                                       dictionary's entries whose English words are everyday words
  train.<third>.gz                     the third language's training text, unaligned: only for the joint BPE
  val.*.gz                             the dev mix that picks the best epoch: Multi30k val, Tatoeba dev, FLORES dev
  dev-{multi30k,tatoeba,flores}.*.gz   the same three dev sets apart, for EvaluateTranslator
Nothing from a dev set is trained on. Deterministic: the same inputs give the same files.
"""
import argparse
import random
import gzip
import os
import re

DING = "/usr/share/trans/de-en"  # apt-get install trans-de-en
# How many times each part appears in train.*: the everyday pairs are the closest to what people type, and the fewest.
COPIES = {"multi30k": 1, "tatoeba-short": 1, "tatoeba-everyday": 2, "news": 1, "ding": 1}
DING_PAIRS = 40000  # about a sixth of the pairs, a tenth of the tokens: words, not sentences, are what it adds


def lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [line.rstrip("\n").strip() for line in f]


def tsv(path, columns=2):
    pairs = []
    for line in lines(path):
        parts = line.split("\t")
        if len(parts) >= columns and all(p.strip() for p in parts[:columns]):
            pairs.append(tuple(p.strip() for p in parts[:columns]))
    return pairs


def write(folder, name, language, texts):
    with gzip.open(os.path.join(folder, f"{name}.{language}.gz"), "wt", encoding="utf-8", compresslevel=6) as f:
        for text in texts:
            f.write(text.replace("\n", " ") + "\n")


ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>")


def ding_pairs(everyday_english):
    """German-English entries of the Ding dictionary whose English side is made of everyday words (so that rare
    technical senses do not crowd the data); one pair per aligned sub-entry, first alternative of each side."""
    pairs = []
    if not os.path.exists(DING):
        print(f"no {DING} (apt-get install trans-de-en): EN-DE trains without the dictionary")
        return pairs
    with open(DING, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or " :: " not in line:
                continue
            german, english = line.rstrip("\n").split(" :: ", 1)
            for de, en in zip(german.split(" | "), english.split(" | ")):
                de = " ".join(ANNOTATION.sub(" ", de.split("; ")[0]).split())
                en = " ".join(ANNOTATION.sub(" ", en.split("; ")[0]).split())
                if not de or not en or len(de.split()) > 8 or len(en.split()) > 8 or "/" in de + en:
                    continue
                words = re.findall(r"[a-z']+", en.lower())
                if words and all(w in everyday_english for w in words):
                    pairs.append((en, de))
    pairs = sorted(set(pairs))
    return sorted(random.Random(1).sample(pairs, min(DING_PAIRS, len(pairs))))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(here, "../../../shared/data"))
    parser.add_argument("--out", default=os.path.join(here, "../target/corpus"))
    parser.add_argument("--copies", default="", help="PART=N,... overrides " + str(COPIES))
    args = parser.parse_args()
    copies = dict(COPIES)
    for setting in filter(None, args.copies.split(",")):
        part, _, n = setting.partition("=")
        if part not in copies or not n.isdigit():
            parser.error(f"--copies: '{setting}' is not PART=N with PART one of {', '.join(copies)}")
        copies[part] = int(n)
    d = args.data
    m30k = {lang: lines(f"{d}/multi30k/train.{lang}.gz") for lang in ("en", "de", "fr")}
    m30k_val = {lang: lines(f"{d}/multi30k/val.{lang}.gz") for lang in ("en", "de", "fr")}
    flores = tsv(f"{d}/flores/flores200-dev-eng-deu-fra.tsv.gz", 3)
    sources = {
        "de": {
            "short": tsv(f"{d}/tatoeba/eng-deu-50k.tsv"),
            "everyday": tsv(f"{d}/tatoeba/eng-deu-test-union-train.tsv.gz"),
            "dev": tsv(f"{d}/tatoeba/eng-deu-test-union-dev.tsv.gz"),
            "news": tsv(f"{d}/news/eng-deu-wmt-newstest2008-2018.tsv.gz"),
            "flores": [(e, g) for e, g, _ in flores],
        },
        "fr": {
            "short": tsv(f"{d}/tatoeba/eng-fra-18k.tsv"),
            "everyday": tsv(f"{d}/tatoeba/eng-fra-test-union-train.tsv.gz"),
            "dev": tsv(f"{d}/tatoeba/eng-fra-test-union-dev.tsv.gz"),
            "news": tsv(f"{d}/news/eng-fra-wmt-newstest2008-2014-tico19.tsv.gz"),
            "flores": [(e, f) for e, _, f in flores],
        },
    }
    dev_sentences = set(m30k_val["en"]) | {e for s in sources.values() for e, _ in s["dev"] + s["flores"]}
    everyday_english = {}
    for lang in sources:
        for en, _ in sources[lang]["short"] + sources[lang]["everyday"]:
            for w in re.findall(r"[a-z']+", en.lower()):
                everyday_english[w] = everyday_english.get(w, 0) + 1
    for en in m30k["en"]:
        for w in re.findall(r"[a-z']+", en.lower()):
            everyday_english[w] = everyday_english.get(w, 0) + 1
    everyday_english = {w for w, n in everyday_english.items() if n >= 3}

    for other, third in (("de", "fr"), ("fr", "de")):
        s = sources[other]
        parts = {
            "multi30k": list(zip(m30k["en"], m30k[other])),
            "tatoeba-short": s["short"],
            "tatoeba-everyday": s["everyday"],
            "news": s["news"],
        }
        if other == "de":
            parts["ding"] = ding_pairs(everyday_english)
        parts = {f"{name} x{copies[name]}" if copies[name] != 1 else name: pairs * copies[name]
                 for name, pairs in parts.items()}
        train = [(e, o) for part in parts.values() for e, o in part if e not in dev_sentences]
        folder = os.path.join(args.out, f"en-{other}")
        os.makedirs(folder, exist_ok=True)
        write(folder, "train", "en", [e for e, _ in train])
        write(folder, "train", other, [o for _, o in train])
        write(folder, "train", third, m30k[third] + [o for _, o in sources[third]["news"]])
        devs = {
            "multi30k": list(zip(m30k_val["en"], m30k_val[other])),
            "tatoeba": s["dev"],
            "flores": s["flores"],
        }
        for name, pairs in devs.items():
            write(folder, f"dev-{name}", "en", [e for e, _ in pairs])
            write(folder, f"dev-{name}", other, [o for _, o in pairs])
        val = [p for pairs in devs.values() for p in pairs]
        write(folder, "val", "en", [e for e, _ in val])
        write(folder, "val", other, [o for _, o in val])
        print(f"{folder}: train {len(train)} pairs ("
              + ", ".join(f"{k} {len(v)}" for k, v in parts.items()) + f"), val {len(val)}")


if __name__ == "__main__":
    main()
