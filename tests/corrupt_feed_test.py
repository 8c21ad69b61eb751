#!/usr/bin/env python3
"""The corrupt-feed test: a feed of documents of our own, some corrupted in known
ways, through `epiwire extract` and `epiwire ingest`.

Builds --docs documents (JSON Lines files and a few HTML pages) and corrupts 5% of
them: truncated lines, invalid UTF-8, raw NUL bytes, binary blobs, one line over
the size limit, HTML nested 100,000 deep, a JSON line nested 10,000 deep, wrong
field types, duplicate ids, and HTML whose declared charset lies; clean pages in
windows-1251, GBK and Shift_JIS are converted. Then checks that:
  - every corrupted record is reported by file:line (or file), skipped or repaired
    as its kind says, and no clean record is reported;
  - every record is either stored or reported as skipped (lost = 0);
  - the clean records give the same output (extract) and the same stored events
    (ingest) as a run over the clean records alone;
  - peak memory (RSS) of each run stays under --max-rss-mb.
Prints the accounting (read, stored, reported, lost) and the peak RSS.

Usage: corrupt_feed_test.py EPIWIRE [--docs N] [--long-line-mb M] [--max-bytes B]
"""
import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

COUNTRIES = ["Peru", "Kenya", "Chile", "Ontario", "Brazil", "India", "Nigeria", "France",
             "Japan", "Mexico", "Egypt", "Vietnam", "Germany", "Uganda", "Bolivia"]
DISEASES = ["measles", "cholera", "dengue", "mpox", "malaria", "typhoid", "yellow fever"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PER_FILE = 1000


def clean_text(rnd, i):
    country, disease = rnd.choice(COUNTRIES), rnd.choice(DISEASES)
    count, deaths = rnd.randint(2, 5000), rnd.randint(1, 40)
    day = rnd.choice(DAYS)
    lines = [
        f"Health officials in {country} reported {count} new cases of {disease} on {day}.",
        f"The ministry said {deaths} people had died since the start of the month (note {i}).",
    ]
    if rnd.random() < 0.3:
        lines.append(f"Schools in {rnd.choice(COUNTRIES)} were closed until further notice.")
    return "\n".join(lines)


def record(doc_id, text, **extra):
    fields = {"id": doc_id, "published": "2022-06-08", "text": text}
    fields.update(extra)
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


class Feed:
    """The corpus, what each record is, and where it sits (file:line)."""

    def __init__(self, root, docs, long_line_bytes):
        self.root = root
        self.clean = {}       # id -> location, for clean records
        self.corrupt = {}     # location -> (kind, expected: "skipped" | "repaired")
        self.read = 0
        self.docs = docs
        self.long_line_bytes = long_line_bytes

    def build(self, with_corrupt=True):
        os.makedirs(self.root)
        rnd = random.Random(7)
        n_corrupt = max(len(KINDS), self.docs // 20)
        n_html = 3  # clean pages in legacy charsets
        n_lines = self.docs - n_html
        # Corrupted records sit at fixed positions, never in the first lines of a file
        # (a NUL there would make the whole file binary).
        slots = [p for p in range(n_lines) if p % PER_FILE >= 10]
        corrupt_at = sorted(rnd.sample(slots, n_corrupt - 2))  # 2 are HTML files
        kinds = {p: KINDS[k % len(KINDS)] for k, p in enumerate(corrupt_at)}
        kinds[corrupt_at[0]] = long_line  # one is enough (50 MB)
        files = {}
        for p in range(n_lines):
            name = f"feed{p // PER_FILE:03d}.jsonl"
            files.setdefault(name, [])
            doc_id = f"doc-{p:06d}"
            kind = kinds.get(p)
            # Each record draws from its own generator, so that leaving out the
            # corrupted ones changes nothing else.
            rnd = random.Random(p)
            if kind is None:
                files[name].append(record(doc_id, clean_text(rnd, p)))
                self.clean[doc_id] = (name, len(files[name]))
            elif with_corrupt:
                line, expected = kind(self, doc_id, files[name], rnd)
                files[name].append(line)
                self.corrupt[f"{name}:{len(files[name])}"] = (kind.__name__, expected)
        for name, lines in files.items():
            with open(os.path.join(self.root, name), "wb") as out:
                out.write(b"\n".join(lines) + b"\n")
            self.read += len(lines)
        for doc_id, (charset, text) in LEGACY_PAGES.items():
            body = f"<p>{text}</p><p>Health officials in Peru reported 40 new cases of dengue on Monday.</p>"
            page = (f'<html><head><meta charset="{charset}"><title>{doc_id}</title></head>'
                    f"<body>{body}</body></html>")
            self.write_html(doc_id, page.encode(charset))
            self.clean[doc_id] = (doc_id + ".html", None)
        if with_corrupt:
            page = ('<html><head><meta charset="windows-1251"></head><body><p>'
                    "\u041c\u043e\u0441\u043a\u0432\u0430 reported 12 new cases of measles on Tuesday."
                    "</p></body></html>")
            self.write_html("lying-charset", page.encode("utf-8"))
            self.corrupt["lying-charset.html"] = ("charset_lies", "repaired")
            deep = "<html><body>" + "<div>" * 100000 + "Kenya reported 3 new cholera deaths on Sunday." + \
                   "</div>" * 100000 + "</body></html>"
            self.write_html("deep-nesting", deep.encode())
            self.corrupt["deep-nesting.html"] = ("html_nested_100000", "repaired")

    def write_html(self, name, data):
        with open(os.path.join(self.root, name + ".html"), "wb") as out:
            out.write(data)
        self.read += 1


LEGACY_PAGES = {
    "legacy-1251": ("windows-1251", "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0437\u0434\u043e\u0440\u043e\u0432\u044c\u044f"),
    "legacy-gbk": ("gbk", "\u536b\u751f\u65b0\u95fb"),
    "legacy-sjis": ("shift_jis", "\u4fdd\u5065\u30cb\u30e5\u30fc\u30b9"),
}


# Each corruption returns (line bytes, what must happen: "skipped" or "repaired").
def truncated(feed, doc_id, lines, rnd):
    full = record(doc_id, clean_text(rnd, 0))
    return full[: len(full) // 2], "skipped"


def invalid_utf8(feed, doc_id, lines, rnd):
    return record(doc_id, "Officials in Peru counted 7 cases.").replace(b"Peru", b"Pe\xff\xferu"), "repaired"


def truncated_utf8(feed, doc_id, lines, rnd):
    text = "Officials in Peru counted 7 cases in \u00c1ncash"
    return record(doc_id, text).replace("\u00c1".encode(), b"\xc3"), "repaired"


def nul_bytes(feed, doc_id, lines, rnd):
    return record(doc_id, "Kenya counted 3 cases.").replace(b"counted", b"coun\x00ted"), "skipped"


def binary_blob(feed, doc_id, lines, rnd):
    blob = bytes(rnd.randrange(256) for _ in range(2000)).replace(b"\n", b"\x01")
    return blob, "skipped"


def long_line(feed, doc_id, lines, rnd):
    return record(doc_id, "w" * feed.long_line_bytes), "skipped"


def json_nested_10000(feed, doc_id, lines, rnd):
    return b'{"id": "%s", "text": "x", "extra": %s%s}' % (doc_id.encode(), b"[" * 10000, b"]" * 10000), "skipped"


def html_nested_record(feed, doc_id, lines, rnd):
    html = "<div>" * 100000 + "Chile reported 9 new cases of mpox on Friday." + "</div>" * 100000
    return record(doc_id, html, format="html"), "repaired"


def text_not_string(feed, doc_id, lines, rnd):
    return b'{"id": "%s", "text": 12345}' % doc_id.encode(), "skipped"


def id_not_string(feed, doc_id, lines, rnd):
    return b'{"id": {"nested": true}, "text": "Mexico reported 4 new cases of dengue."}', "repaired"


def published_not_date(feed, doc_id, lines, rnd):
    return record(doc_id, "Egypt reported 6 new cases of typhoid.").replace(
        b'"2022-06-08"', b'[2022, 6, 8]'), "repaired"


def duplicate_id(feed, doc_id, lines, rnd):
    first = json.loads(lines[0])["id"]
    return record(first, "A second record under the same id."), "skipped"


def not_an_object(feed, doc_id, lines, rnd):
    return b'["an", "array", 1]', "skipped"


KINDS = [truncated, invalid_utf8, truncated_utf8, nul_bytes, binary_blob, json_nested_10000,
         html_nested_record, text_not_string, id_not_string, published_not_date, duplicate_id,
         not_an_object]


def run(argv, stdout_path, stderr_path):
    """Runs one command; returns (exit status, seconds, peak RSS in MB of the child)."""
    started = time.monotonic()
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        child = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
    return os.waitstatus_to_exitcode(status), time.monotonic() - started, usage.ru_maxrss / 1024


PROBLEM = re.compile(r"^epiwire (?:extract|ingest): (.+?): (.*)$")


def problems(stderr_path, root):
    """{location relative to root: [messages]} from a run's standard error."""
    out = {}
    prefix = root.rstrip("/") + "/"
    with open(stderr_path, encoding="utf-8", errors="replace") as err:
        for line in err:
            match = PROBLEM.match(line.rstrip("\n"))
            if not match or not match.group(1).startswith(prefix):
                continue
            out.setdefault(match.group(1)[len(prefix):], []).append(match.group(2))
    return out


def extract_by_id(path):
    out = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            out[doc["id"]] = line
    return out


def stored_events(db):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT document_id, event_index, type, disease, count, evidence_quote "
                       "FROM events ORDER BY document_id, event_index").fetchall()
    docs = {r[0] for r in con.execute("SELECT id FROM documents")}
    con.close()
    events = {}
    for row in rows:
        events.setdefault(row[0], []).append(row[1:])
    return docs, events


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("epiwire")
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--long-line-mb", type=float, default=50)
    parser.add_argument("--max-bytes", type=int, default=32 << 20)
    parser.add_argument("--max-rss-mb", type=float, default=2048)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", help="keep the work directory here")
    args = parser.parse_args()

    work = args.keep or tempfile.mkdtemp(prefix="epiwire_corrupt_")
    if args.keep and os.path.exists(work):
        shutil.rmtree(work)
    failures = []

    def check(what, ok, detail=""):
        print(("ok: " if ok else "FAILED: ") + what + ("" if ok else f" ({detail})"))
        if not ok:
            failures.append(what)

    try:
        corrupt = Feed(os.path.join(work, "corrupt"), args.docs, int(args.long_line_mb * (1 << 20)))
        corrupt.build(with_corrupt=True)
        clean = Feed(os.path.join(work, "clean"), args.docs, 0)
        clean.build(with_corrupt=False)
        print(f"corrupt feed: {corrupt.read} records ({len(corrupt.corrupt)} corrupted, "
              f"{len(corrupt.clean)} clean); clean feed: {clean.read} records")

        common = ["--max-bytes", str(args.max_bytes), "-j", str(args.jobs)]
        results = {}
        for name, feed in (("corrupt", corrupt), ("clean", clean)):
            for command in ("extract", "ingest"):
                argv = [args.epiwire, command, *common, feed.root]
                if command == "ingest":
                    argv += ["--db", os.path.join(work, f"{name}.db")]
                out = os.path.join(work, f"{name}_{command}.out")
                err = os.path.join(work, f"{name}_{command}.err")
                status, seconds, rss = run(argv, out, err)
                results[(name, command)] = (status, out, err)
                print(f"{command} {name}: exit {status}, {seconds:.1f} s, peak RSS {rss:.0f} MB")
                check(f"{command} {name}: peak RSS under {args.max_rss_mb:.0f} MB", rss < args.max_rss_mb, f"{rss:.0f} MB")

        for command in ("extract", "ingest"):
            status, out, err = results[("corrupt", command)]
            check(f"{command} exits 1 on a feed with skipped records", status == 1, f"exit {status}")
            found = problems(err, corrupt.root)
            missed = [loc for loc in corrupt.corrupt if loc not in found]
            check(f"{command} reports every corrupted record by file:line", not missed, f"missed {missed[:5]}")
            wrongly = [loc for loc in found if loc not in corrupt.corrupt]
            check(f"{command} reports no clean record", not wrongly, f"{wrongly[:5]}: {[found[w] for w in wrongly[:2]]}")
            for loc, (kind, expected) in corrupt.corrupt.items():
                messages = found.get(loc, [])
                skipped = any(m.endswith("(skipped)") for m in messages)
                if (expected == "skipped") != skipped:
                    check(f"{command} {kind} at {loc} is {expected}", False, "; ".join(messages))
            status, _, err = results[("clean", command)]
            check(f"{command} on the clean feed exits 0 and reports nothing",
                  status == 0 and not problems(err, clean.root), f"exit {status}")

        # Same results for the clean records.
        corrupt_out = extract_by_id(results[("corrupt", "extract")][1])
        clean_out = extract_by_id(results[("clean", "extract")][1])
        differ = [i for i in corrupt.clean if corrupt_out.get(i) != clean_out.get(i)]
        check("extract: every clean record gives the same output as without the corrupted ones",
              not differ, f"{len(differ)} differ, e.g. {differ[:3]}")
        check("extract: the clean records have events", sum(
            len(json.loads(clean_out[i])["events"]) for i in clean_out) > len(clean_out) // 2)
        for doc_id, (charset, text) in LEGACY_PAGES.items():
            check(f"extract: the {charset} page is read in its charset",
                  text in json.loads(clean_out.get(doc_id, "{}")).get("text", ""), doc_id)

        docs_c, events_c = stored_events(os.path.join(work, "corrupt.db"))
        docs_k, events_k = stored_events(os.path.join(work, "clean.db"))
        missing = [i for i in corrupt.clean if i not in docs_c]
        check("ingest: every clean record is stored", not missing, f"{missing[:5]}")
        differ = [i for i in corrupt.clean if events_c.get(i) != events_k.get(i)]
        check("ingest: the clean records' stored events equal those of the clean-only run",
              not differ, f"{len(differ)} differ")

        # Accounting of the corrupted run.
        found = problems(results[("corrupt", "ingest")][2], corrupt.root)
        skipped = {loc for loc, msgs in found.items() if any(m.endswith("(skipped)") for m in msgs)}
        stored = len(docs_c)
        lost = corrupt.read - stored - len(skipped)
        print(f"accounting: read {corrupt.read}, stored {stored}, reported {len(found)} "
              f"({len(skipped)} skipped, {len(found) - len(skipped)} stored with problems), lost {lost}")
        check("nothing is lost: read = stored + skipped", lost == 0, f"lost {lost}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
