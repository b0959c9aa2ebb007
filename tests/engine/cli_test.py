#!/usr/bin/env python3
"""The `conformance` command's contract: exit codes and file:line:col diagnostics.

usage: cli_test.py CONFORMANCE_BINARY SCENARIO_DIR
"""
import os
import re
import socket
import subprocess
import sys
import tempfile

BAD_FILES = {
    # name: (content, expected diagnostic line:col and message fragment)
    "yaml-error.yaml": ('id: imap.bad\ntitle: [x\nprotocol: imap\n', r":\d+:\d+: YAML syntax"),
    "unknown-step.yaml": ('id: imap.bad.step\ntitle: x\nprotocol: imap\nrfc: "RFC 9051 §6"\nsteps:\n'
                          '  - connect: {}\n  - sned: "a1 NOOP"\n', r":7:5: unknown step 'sned'"),
    "bad-regex.yaml": ('id: imap.bad.regex\ntitle: x\nprotocol: imap\nrfc: "RFC 9051 §6"\nsteps:\n'
                       '  - connect: {}\n  - expect: {tagged: {status: OK, text: "(unclosed"}}\n',
                       r":7:\d+: .*bad regex"),
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(binary, *args):
    return subprocess.run([binary, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=300)


def main():
    binary, scenarios = sys.argv[1], sys.argv[2]

    shipped = run(binary, "validate", scenarios)
    check(shipped.returncode == 0, f"validate of the shipped scenarios: {shipped.returncode} {shipped.stderr}")

    with tempfile.TemporaryDirectory() as tmp:
        for name, (content, pattern) in BAD_FILES.items():
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write(content)
            for command in (["validate", path], ["run", path, "--target", "imap://127.0.0.1:1"]):
                result = run(binary, *command)
                check(result.returncode == 2, f"{command[0]} {name}: exit {result.returncode}, expected 2")
                check(re.search(re.escape(path) + pattern, result.stderr) is not None,
                      f"{command[0]} {name}: no '{pattern}' diagnostic in: {result.stderr!r}")

    check(run(binary, "--version").stdout.startswith("conformance "), "--version")
    check(run(binary, "run").returncode == 2, "run without a path is a usage error")
    # Without a target the built-in fakes are the server under test, and pass.
    embedded = run(binary, "run", os.path.join(scenarios, "smtp"))
    check(embedded.returncode == 0, f"run without a target (built-in fakes): exit {embedded.returncode}")
    check("built-in fakes" in embedded.stderr, "run without a target says it uses the built-in fakes")
    check(run(binary, "run", scenarios, "--user", "u", "--password-env", "HOME").returncode == 2,
          "--user without a target is a usage error")
    check(run(binary, "run", scenarios, "--target", "imap://u:pw@127.0.0.1").returncode == 2,
          "a password in a URL is refused")
    check(run(binary, "run", scenarios, "--target", "imap://127.0.0.1:1", "--shard", "3/2").returncode == 2,
          "a bad shard is a usage error")

    # Nothing listens: every connection is refused, so the target is unreachable (3).
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    unreachable = run(binary, "run", os.path.join(scenarios, "imap"), "--target", f"imap://127.0.0.1:{port}",
                      "--timeout", "1")
    check(unreachable.returncode == 3, f"unreachable target: exit {unreachable.returncode}, expected 3")

    listed = run(binary, "list", scenarios, "--filter", "imap.*", "--json")
    check(listed.returncode == 0 and '"rfc"' in listed.stdout, "list --json")

    for failure in failures:
        print("FAIL", failure)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
