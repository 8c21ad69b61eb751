#!/usr/bin/env python3
"""Compares what two epiwire binaries' clean stage gives on the same pages.

Runs `BIN extract -q -j1` for both binaries on each corpus and compares, document by
document, the `stories` (start, end, relevant, score to 3 decimals) and `removed`
ranges. A change to how the clean stage works, not to what it decides, must give no
difference. With --mutations N, N variants of each page are checked as well: lines
shuffled, pages glued together, lines upper-cased, glued or cut, blank lines added
(our own mutations of the real pages, made with a fixed seed).

Usage: scripts/diff_clean_output.py BASE_BIN NEW_BIN [--shared DIR] [--mutations N]
       [DOCS.jsonl ...]
Prints each difference and the count; exits 1 when there is any, 77 when there are
no corpora.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile


def clean_fields(binary, docs_path):
    out = subprocess.run([binary, "extract", "-q", "-j1", docs_path], check=True,
                         capture_output=True, text=True).stdout
    fields = {}
    for line in out.splitlines():
        doc = json.loads(line)
        stories = [(s["start"], s["end"], s["relevant"], round(s["score"], 3))
                   for s in doc["stories"]]
        removed = [(r["start"], r["end"], r.get("reason")) for r in doc["removed"]]
        fields[doc["id"]] = {"stories": stories, "removed": removed}
    return fields


def mutate(pages, count, seed=8):
    """Variants of the pages that move lines around the rules' edges."""
    rng = random.Random(seed)
    variants = []
    texts = [page["text"] for page in pages]
    for n in range(count):
        for i, text in enumerate(texts):
            lines = text.split("\n")
            kind = (n + i) % 6
            if kind == 0:
                rng.shuffle(lines)
            elif kind == 1:
                lines += rng.choice(texts).split("\n")
            elif kind == 2:
                lines = [l.upper() if rng.random() < 0.3 else l for l in lines]
            elif kind == 3 and len(lines) > 1:  # lines glued to the next
                j = rng.randrange(len(lines) - 1)
                lines[j:j + 2] = [lines[j] + lines[j + 1]]
            elif kind == 4:  # lines cut in two, repeated
                out = []
                for l in lines:
                    cut = rng.randrange(len(l) + 1)
                    out += [l[:cut], l[cut:]] if rng.random() < 0.2 else [l]
                    if rng.random() < 0.1:
                        out.append(l)
                lines = out
            else:
                lines = [l + ("\n" if rng.random() < 0.3 else "") for l in lines]
            variants.append({"id": "m%d_%d" % (n, i), "text": "\n".join(lines)})
    return variants


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("docs", nargs="*")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                         "shared"))
    parser.add_argument("--mutations", type=int, default=0)
    args = parser.parse_args()
    docs = args.docs or [os.path.join(args.shared, "corpus", c, "docs.jsonl")
                         for c in ("dev", "real", "multilingual")]
    docs = [d for d in docs if os.path.exists(d)]
    if not docs:
        print("no corpora: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        if args.mutations:
            pages = [json.loads(l) for d in docs for l in open(d, encoding="utf-8") if l.strip()]
            mutated = os.path.join(tmp, "mutated.jsonl")
            with open(mutated, "w", encoding="utf-8") as out:
                for page in mutate(pages, args.mutations):
                    out.write(json.dumps(page, ensure_ascii=False) + "\n")
            docs = docs + [mutated]
        differences = 0
        documents = 0
        for path in docs:
            base = clean_fields(args.base, path)
            new = clean_fields(args.new, path)
            for doc_id in sorted(set(base) | set(new)):
                documents += 1
                for field in ("stories", "removed"):
                    a = base.get(doc_id, {}).get(field)
                    b = new.get(doc_id, {}).get(field)
                    if a != b:
                        differences += 1
                        print("%s %s %s:\n  base %s\n  new  %s" % (os.path.basename(path), doc_id,
                                                                  field, a, b))
    print("%d documents, %d differences" % (documents, differences))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
