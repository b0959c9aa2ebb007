#!/usr/bin/env python3
"""Fails when the test users' password shows up in reports, transcripts or
console logs, in clear or in the base64 forms SASL sends it in (PLAIN, LOGIN).

usage: check_no_secrets.py --password-file FILE [--user NAME]... PATH...
Every PATH must exist and be newer than the password file (written by this
run's scripts/servers/start), so a run that wrote no report cannot pass.
Directories are searched recursively. The password itself is never printed.
"""
import argparse
import base64
import os
import sys


def base64_cores(secret):
    """The base64 characters that encode only `secret`'s bytes, for each of the
    three alignments it can have inside a longer base64 text."""
    cores = []
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + secret).decode()
        first_group = -(-offset // 3)
        last_group = (offset + len(secret)) // 3
        core = encoded[first_group * 4:last_group * 4]
        if len(core) >= 8:
            cores.append(core.encode())
    return cores


def needles(password, users):
    secret = password.encode()
    found = {"the password": [secret]}
    found["the password in base64"] = base64_cores(secret)
    for user in users:
        for authzid in ("", user):
            plain = f"{authzid}\0{user}\0{password}".encode()
            found.setdefault("an AUTH PLAIN response", []).append(base64.b64encode(plain))
    return found


def files_under(path):
    if os.path.isfile(path):
        yield path
        return
    for root, _, names in os.walk(path):
        for name in sorted(names):
            yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--user", action="append", default=[f"user{n}" for n in range(1, 9)])
    parser.add_argument("paths", nargs="+")
    arguments = parser.parse_args()

    with open(arguments.password_file, encoding="utf-8") as file:
        password = file.read().strip()
    if len(password) < 8:
        print(f"{arguments.password_file}: the password is too short to search for")
        return 1
    started = os.path.getmtime(arguments.password_file)

    problems = 0
    searched = 0
    patterns = needles(password, arguments.user)
    for path in arguments.paths:
        if not os.path.exists(path):
            print(f"missing: {path} (the run wrote no such report)")
            problems += 1
            continue
        if os.path.getmtime(path) < started:
            print(f"stale: {path} is older than this start of the servers")
            problems += 1
            continue
        for name in files_under(path):
            with open(name, "rb") as file:
                content = file.read()
            searched += 1
            for what, forms in patterns.items():
                if any(form in content for form in forms):
                    print(f"LEAK: {name} contains {what}")
                    problems += 1
    print(f"searched {searched} files for the password: {'no leak' if problems == 0 else f'{problems} problems'}")
    return 1 if problems or searched == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
