#!/usr/bin/env python3
"""Writes COUNT documents as JSON Lines made from the real pages in ../shared, for
the ingest benchmarks (`epiwire ingest` end to end, bench_ingest).

The pages of corpus/dev, corpus/real and corpus/multilingual (and any seed article
not among them) are repeated in turn, each copy with an id of its own
("E01~17"). With --vary N (default 50) copy r has every figure below 1900 raised
by r % N, so that copies report new figures (new facts) as well as figures other
copies gave (facts with many sources); --vary 0 repeats the texts unchanged.
Deterministic.

  bench/real_documents.py COUNT OUT.jsonl [--shared DIR] [--vary N]
"""
import argparse
import json
import pathlib
import re
import sys

NUMBER = re.compile(r"(?<![-\w])\d+\b")


def load_pages(shared):
    pages = []
    ids = set()
    for corpus in ("dev", "real", "multilingual"):
        path = shared / "corpus" / corpus / "docs.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                page = json.loads(line)
                pages.append(page)
                ids.add(page["id"])
    for path in sorted((shared / "seeds").glob("*.txt")):
        if path.stem not in ids:
            pages.append({"id": path.stem, "format": "text",
                          "text": path.read_text(encoding="utf-8")})
    return pages


def shifted(text, shift):
    def bump(match):
        value = int(match.group(0))
        return match.group(0) if value >= 1900 else str(value + shift)
    return NUMBER.sub(bump, text) if shift else text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    here = pathlib.Path(__file__).resolve().parent
    parser.add_argument("--shared", default=str(here.parent.parent / "shared"))
    parser.add_argument("--vary", type=int, default=50)
    args = parser.parse_args()
    pages = load_pages(pathlib.Path(args.shared))
    if not pages:
        sys.exit("real_documents.py: no pages under %s" % args.shared)
    size = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            copy, page = divmod(i, len(pages))
            record = dict(pages[page])
            record["id"] = "%s~%d" % (record["id"], copy)
            record["text"] = shifted(record["text"], copy % args.vary if args.vary > 0 else 0)
            size += len(record["text"].encode("utf-8"))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("real_documents.py: %d documents from %d pages, %.1f MB of text" %
          (args.count, len(pages), size / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
