#!/usr/bin/env python3
"""Prints MB/s per benchmark and its ratio to the memchr floor of the same
program and buffer. A floor is a benchmark whose name mentions "memchr" or
"floor"; a
parser benchmark is paired with the floor whose name shares the longest
prefix with its own (so a program with two buffers gets two floors)."""
import json
import re
import os
import sys


def words(name):
    """BM_ImapFetchListing_Decoder -> {"bm", "imap", "fetch", "listing", "decoder"}"""
    return {w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)}


def shared_words(a, b):
    return len(words(a) & words(b))


def main(paths):
    print(f"{'benchmark':<58} {'MB/s':>10} {'floor MB/s':>11} {'of floor':>9}")
    for path in paths:
        with open(path) as f:
            runs = [b for b in json.load(f)["benchmarks"] if b.get("run_type", "iteration") == "iteration"]
        floors = [b for b in runs if "memchr" in b["name"].lower() or "floor" in b["name"].lower()]
        program = os.path.basename(path).removesuffix(".json")
        for b in runs:
            rate = b.get("bytes_per_second")
            if rate is None or b in floors:
                continue
            floor = max(floors, key=lambda f: shared_words(f["name"], b["name"]), default=None)
            name = f"{program}/{b['name']}"
            if floor:
                fr = floor["bytes_per_second"]
                print(f"{name:<58} {rate / 1e6:>10.1f} {fr / 1e6:>11.1f} {rate / fr:>8.1%}")
            else:
                print(f"{name:<58} {rate / 1e6:>10.1f} {'-':>11} {'-':>9}")


if __name__ == "__main__":
    main(sys.argv[1:])
