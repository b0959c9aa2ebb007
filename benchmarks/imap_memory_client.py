"""The client half of benchmarks/imap_memory: a real IMAP client (Python's
imaplib) selects the big mailbox and fetches from it, timing each command.

    imap_memory_client.py HOST PORT CA_FILE USER PASSWORD EXPECTED_COUNT
"""
import imaplib
import ssl
import sys
import time

host, port, ca_file, user, password, expected = sys.argv[1:7]
context = ssl.create_default_context(cafile=ca_file)
client = imaplib.IMAP4_SSL(host, int(port), ssl_context=context)


def timed(label, function, *args, expected="OK"):
    start = time.monotonic()
    status, data = function(*args)
    elapsed = time.monotonic() - start
    if status != expected:
        sys.exit(f"{label}: {status} {data!r}")
    print(f"{label:<40} {elapsed:8.3f} s")
    return data


timed("LOGIN", client.login, user, password)
data = timed("SELECT INBOX", client.select, "INBOX")
if int(data[0]) != int(expected):
    sys.exit(f"SELECT reported {data[0]!r} messages, expected {expected}")
data = timed("FETCH 1:* (UID FLAGS RFC822.SIZE)", client.fetch, "1:*", "(UID FLAGS RFC822.SIZE)")
if len(data) != int(expected):
    sys.exit(f"FETCH returned {len(data)} responses, expected {expected}")
timed("UID SEARCH UNSEEN", client.uid, "SEARCH", "UNSEEN")
timed("SEARCH SUBJECT invoice", client.search, None, "SUBJECT", "invoice")
timed("FETCH 1:1000 ENVELOPE", client.fetch, "1:1000", "(ENVELOPE)")
timed("FETCH 50000 BODY.PEEK[]", client.fetch, str(min(50000, int(expected))), "(BODY.PEEK[])")
timed("LOGOUT", client.logout, expected="BYE")
