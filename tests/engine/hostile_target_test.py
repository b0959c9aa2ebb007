#!/usr/bin/env python3
"""Runs `conformance run` against hostile targets on loopback and checks the run survives them.

  stall:  accepts every connection and never sends a byte
  flood:  sends an endless line with no CRLF
  garbage: answers every connection with random binary junk, then closes

For each: every scenario must fail (or be skipped / error) rather than pass, the run must
finish within a bound derived from the step deadline, exit with 1, and the harness's peak
memory (max RSS) must stay bounded. Prints the figures it measured.

usage: hostile_target_test.py CONFORMANCE_BINARY SCENARIO_DIR
"""
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time

STEP_TIMEOUT_S = 1.0
JOBS = 8
MAX_GROWTH_MB = 64  # the line cap is 64 KiB per connection, times --jobs; far below this


def serve(behaviour):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    sent = [0]

    def handle(conn):
        try:
            if behaviour == "stall":
                while conn.recv(65536):
                    pass
            elif behaviour == "flood":
                chunk = b"A" * 65536
                while True:
                    conn.sendall(chunk)
                    sent[0] += len(chunk)
            elif behaviour == "garbage":
                conn.sendall(bytes(random.getrandbits(8) for _ in range(4096)))
        except OSError:
            pass
        finally:
            conn.close()

    def accept_loop():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    return listener, sent


def run_against(binary, scenarios, behaviour):
    listener, sent = serve(behaviour)
    port = listener.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        env = dict(os.environ, HOSTILE_PW="not-a-real-password")
        # The server scenarios: client-under-test ones bring their own fakes.
        server_scenarios = [os.path.join(scenarios, p) for p in ("smtp", "pop3", "imap")]
        command = [binary, "run", *server_scenarios,
                   "--target", f"imap://127.0.0.1:{port}", "--target", f"imaps://127.0.0.1:{port}",
                   "--target", f"pop3://127.0.0.1:{port}", "--target", f"smtp://127.0.0.1:{port}",
                   "--user", "hostile", "--password-env", "HOSTILE_PW", "--insecure",
                   "--timeout", str(STEP_TIMEOUT_S), "--jobs", str(JOBS), "--report", f"json={report}"]
        started = time.monotonic()
        with open(os.path.join(tmp, "stdout"), "w+b") as out, open(os.path.join(tmp, "stderr"), "w+b") as err:
            child = subprocess.Popen(command, stdout=out, stderr=err, env=env)
            # wait4 gives this child's own peak RSS (RUSAGE_CHILDREN is the max over every run).
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            stderr = err.read()
        elapsed = time.monotonic() - started
        completed = subprocess.CompletedProcess(command, child.returncode, b"", stderr)
        max_rss_mb = usage.ru_maxrss / 1024.0
        listener.close()
        failures = []
        if completed.returncode != 1:
            failures.append(f"exit code {completed.returncode}, expected 1\n{completed.stderr.decode(errors='replace')}")
        results = []
        if os.path.exists(report):
            with open(report) as f:
                results = json.load(f)["scenarios"]
        else:
            failures.append("no JSON report written")
        passed = [r["id"] for r in results if r["verdict"] == "passed"]
        if passed:
            failures.append(f"scenarios passed against a {behaviour} target: {passed}")
        # Each scenario waits at most a few deadlines (connect, greeting, teardown).
        bound = max(30.0, len(results) * 4 * STEP_TIMEOUT_S / JOBS + 20)
        if elapsed > bound:
            failures.append(f"the run took {elapsed:.1f} s, more than {bound:.0f} s")
        verdicts = {}
        for r in results:
            verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
        print(f"{behaviour}: {len(results)} scenarios in {elapsed:.1f} s, verdicts {verdicts}, "
              f"peak RSS {max_rss_mb:.0f} MB, server sent {sent[0] / 1e6:.1f} MB")
        return failures, max_rss_mb


def main():
    binary, scenarios = sys.argv[1], sys.argv[2]
    failures = []
    peaks = {}
    for behaviour in ("stall", "flood", "garbage"):
        found, peaks[behaviour] = run_against(binary, scenarios, behaviour)
        failures += [f"{behaviour}: {f}" for f in found]
    # The stalling target sends nothing, so its peak is the harness's baseline (large under
    # ASan); a flood of hundreds of MB must not raise the peak by more than the caps allow.
    for behaviour in ("flood", "garbage"):
        growth = peaks[behaviour] - peaks["stall"]
        if growth > MAX_GROWTH_MB:
            failures.append(f"{behaviour}: peak RSS {peaks[behaviour]:.0f} MB, {growth:.0f} MB above the "
                            f"silent target's {peaks['stall']:.0f} MB (allowed {MAX_GROWTH_MB} MB)")
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
