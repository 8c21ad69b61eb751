#!/usr/bin/env python3
"""Writes N short news documents as JSON Lines for the scale-out tests and bench.

They are the project's own example articles (data/examples) with their figures
and dates varied by document number, so that many documents report the same
figure (facts with several sources), some report rival counts for one figure
(conflicts), and each has an id and text of its own. Deterministic.

  make_documents.py COUNT OUT.jsonl [--examples DIR] [--marker I=TEXT ...]

--marker I=TEXT appends TEXT to document I's text (the fault tests' poisoned
documents).
"""
import argparse
import datetime
import json
import pathlib
import re

NUMBER = re.compile(r"(?<![-\w])\d+\b")


def load_examples(directory):
    examples = []
    for path in sorted(pathlib.Path(directory).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        # The article itself: the headline and the sentences, without the date line
        # (the date travels in "published") and the page furniture at the end.
        body = [line for line in lines[:7] if not line.startswith("Published:")]
        examples.append("\n".join(body))
    return examples


def vary(text, shift):
    def bump(match):
        value = int(match.group(0))
        if value >= 1900:  # years stay
            return match.group(0)
        return str(value + shift)
    return NUMBER.sub(bump, text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    here = pathlib.Path(__file__).resolve().parent
    parser.add_argument("--examples", default=str(here.parent.parent / "data" / "examples"))
    parser.add_argument("--marker", action="append", default=[])
    args = parser.parse_args()
    markers = {}
    for item in args.marker:
        index, text = item.split("=", 1)
        markers[int(index)] = text
    examples = load_examples(args.examples)
    base = datetime.date(2021, 3, 1)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            variant = i // len(examples)
            text = vary(examples[i % len(examples)], variant % 40)
            if i in markers:
                text += "\n" + markers[i]
            published = base + datetime.timedelta(days=variant % 30)
            record = {"id": "scale-%06d" % i, "text": text, "published": published.isoformat()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
