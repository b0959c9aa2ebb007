"""Real mail clients against the built-in fakes (`conformance fake smtp pop3
imap`), over plain, STARTTLS and implicit TLS: each client does its normal
job and the fake's transcript shows what it sent. Only loopback is used.

    interop_test.py CONFORMANCE_BINARY
"""
import imaplib
import os
import poplib
import shutil
import signal
import smtplib
import ssl
import subprocess
import sys
import tempfile
import unittest
from email.message import EmailMessage

BINARY = None


class Fakes:
    """One `conformance fake` process: SMTP, POP3 and IMAP over one store by default."""

    def __init__(self, *extra, protocols=("smtp", "pop3", "imap")):
        self.dir = tempfile.mkdtemp(prefix="conformance-interop-")
        self.ca = os.path.join(self.dir, "ca.pem")
        self.log_path = os.path.join(self.dir, "fake.log")
        self.log = open(self.log_path, "w+")
        self.process = subprocess.Popen([BINARY, "fake", *protocols, "--ca-out", self.ca, *extra],
                                        stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.ports = {}
        for line in self.process.stdout:
            words = line.split()
            if words and words[0] == "listening":
                self.ports[words[1]] = int(words[2].rsplit(":", 1)[1])
            if line.startswith("ready"):
                break
        if not self.ports:
            raise RuntimeError("the fake did not start: " + open(self.log_path).read())

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        rest, _ = self.process.communicate(timeout=20)
        self.output = rest
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        return self.process.returncode

    def context(self):
        return ssl.create_default_context(cafile=self.ca)


def sample_message(subject):
    message = EmailMessage()
    message["From"] = "alice@example.test"
    message["To"] = "bob@example.test"
    message["Subject"] = subject
    message.set_content("Hello Bob,\n.\nA line with a single dot above.\n")
    return message


class InteropTest(unittest.TestCase):
    def setUp(self):
        self.fakes = Fakes()

    def tearDown(self):
        if self.fakes.process.poll() is None:
            self.fakes.stop()

    def finish(self):
        code = self.fakes.stop()
        self.assertEqual(code, 0)
        self.assertNotIn("alice-pw", self.fakes.output, "a password reached the fake's log")
        self.assertNotIn("bob-pw", self.fakes.output)
        return self.fakes.output

    def test_smtplib_submission_starttls_auth_then_pop3_and_imap_see_the_message(self):
        with smtplib.SMTP("127.0.0.1", self.fakes.ports["submission"], timeout=10) as client:
            client.starttls(context=self.fakes.context())
            client.login("alice", "alice-pw")
            client.send_message(sample_message("via smtplib"))
        pop = poplib.POP3("127.0.0.1", self.fakes.ports["pop3"], timeout=10)
        pop.stls(context=self.fakes.context())
        pop.user("bob")
        pop.pass_("bob-pw")
        count, _ = pop.stat()
        self.assertEqual(count, 1)
        lines = pop.retr(1)[1]
        self.assertIn(b"Subject: via smtplib", lines)
        # poplib removes the byte-stuffing: the body's lone "." comes back as sent.
        self.assertIn(b".", lines)
        pop.dele(1)
        pop.quit()
        imap = imaplib.IMAP4_SSL("127.0.0.1", self.fakes.ports["imaps"], ssl_context=self.fakes.context())
        imap.login("bob", "bob-pw")
        status, data = imap.select("INBOX")
        self.assertEqual(status, "OK")
        self.assertEqual(int(data[0]), 0, "POP3 QUIT after DELE removed the message")
        imap.logout()
        log = self.finish()
        # smtplib writes verbs in lower case and picks CRAM-MD5 when offered.
        before_tls, _, after_tls = log.partition("C: STARTTLS")
        self.assertRegex(before_tls, r"(?i)C: ehlo ")
        self.assertNotRegex(before_tls, r"(?i)C: auth ")
        self.assertRegex(after_tls, r"(?i)C: auth [A-Z0-9-]+")
        self.assertIn("C: <redacted>", after_tls)
        self.assertRegex(after_tls, r"(?i)C: mail FROM:<alice@example.test>")
        self.assertIn("C: PASS <redacted>", log)

    def test_smtplib_implicit_tls_and_imaplib_starttls_fetch_store_expunge(self):
        with smtplib.SMTP_SSL("127.0.0.1", self.fakes.ports["submissions"], context=self.fakes.context(),
                              timeout=10) as client:
            client.login("alice", "alice-pw")
            client.send_message(sample_message("via SMTP_SSL"))
        imap = imaplib.IMAP4("127.0.0.1", self.fakes.ports["imap"])
        self.assertIn("LOGINDISABLED", imap.capabilities)
        imap.starttls(ssl_context=self.fakes.context())
        imap.login("bob", "bob-pw")
        imap.select("INBOX")
        status, found = imap.search(None, "SUBJECT", '"via SMTP_SSL"')
        self.assertEqual(found[0], b"1")
        status, data = imap.fetch("1", "(ENVELOPE BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        self.assertEqual(status, "OK")
        self.assertIn(b"via SMTP_SSL", data[0][1])
        imap.store("1", "+FLAGS", "\\Deleted")
        imap.expunge()
        status, data = imap.select("INBOX")
        self.assertEqual(int(data[0]), 0)
        imap.append("INBOX", "(\\Seen)", None, sample_message("appended").as_bytes().replace(b"\n", b"\r\n"))
        status, data = imap.select("INBOX")
        self.assertEqual(int(data[0]), 1)
        imap.logout()
        log = self.finish()
        self.assertIn("LOGIN bob <redacted>", log)

    def test_curl_sends_over_smtp_starttls_and_reads_over_pop3_and_imap(self):
        curl = shutil.which("curl")
        if not curl:
            self.skipTest("curl is not installed")
        message = os.path.join(self.fakes.dir, "message.eml")
        with open(message, "wb") as out:
            out.write(b"From: alice@example.test\r\nTo: bob@example.test\r\nSubject: via curl\r\n\r\nhi\r\n")
        common = [curl, "--silent", "--show-error", "--cacert", self.fakes.ca, "--max-time", "20"]
        subprocess.run(common + ["--ssl-reqd", f"smtp://localhost:{self.fakes.ports['smtp']}",
                                 "--mail-from", "alice@example.test", "--mail-rcpt", "bob@example.test",
                                 "--upload-file", message], check=True)
        listing = subprocess.run(common + ["--ssl-reqd", f"pop3://localhost:{self.fakes.ports['pop3']}/",
                                           "--user", "bob:bob-pw"], check=True, capture_output=True, text=True)
        self.assertRegex(listing.stdout, r"^1 \d+")
        fetched = subprocess.run(common + [f"imaps://localhost:{self.fakes.ports['imaps']}/INBOX;UID=1",
                                           "--user", "bob:bob-pw"], check=True, capture_output=True, text=True)
        self.assertIn("Subject: via curl", fetched.stdout)
        log = self.finish()
        self.assertIn("C: RCPT TO:<bob@example.test>", log)

    def test_swaks_starttls_auth_plain(self):
        swaks = shutil.which("swaks")
        if not swaks:
            self.skipTest("swaks is not installed")
        result = subprocess.run([swaks, "--server", f"127.0.0.1:{self.fakes.ports['submission']}",
                                 "--from", "alice@example.test", "--to", "bob@example.test",
                                 "--tls", "--tls-verify", "--tls-ca-path", self.fakes.ca, "--tls-sni", "localhost",
                                 "--auth", "PLAIN", "--auth-user", "alice", "--auth-password", "alice-pw"],
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        log = self.finish()
        before_tls, _, after_tls = log.partition("C: STARTTLS")
        self.assertNotRegex(before_tls, r"(?i)C: auth ")
        self.assertIn("AUTH PLAIN <redacted>", after_tls)

    def test_msmtp_submits_over_implicit_tls_with_auth(self):
        msmtp = shutil.which("msmtp")
        if not msmtp:
            self.skipTest("msmtp is not installed")
        config = os.path.join(self.fakes.dir, "msmtprc")
        with open(config, "w") as out:
            out.write(f"account fake\nhost 127.0.0.1\nport {self.fakes.ports['submissions']}\n"
                      f"tls on\ntls_starttls off\ntls_trust_file {self.fakes.ca}\ntls_host_override localhost\n"
                      "auth plain\nuser alice\npassword alice-pw\nfrom alice@example.test\n"
                      "account default : fake\n")
        os.chmod(config, 0o600)
        body = b"Subject: via msmtp\r\n\r\nhello\r\n"
        result = subprocess.run([msmtp, "-C", config, "bob@example.test"], input=body, capture_output=True,
                                timeout=30)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        log = self.finish()
        self.assertIn("AUTH PLAIN <redacted>", log)
        self.assertIn("C: RCPT TO:<bob@example.test>", log)
        self.assertIn("C: Subject: via msmtp", log)

    def test_fetchmail_fetches_and_deletes_over_pop3s(self):
        fetchmail = shutil.which("fetchmail")
        if not fetchmail:
            self.skipTest("fetchmail is not installed")
        with smtplib.SMTP_SSL("127.0.0.1", self.fakes.ports["submissions"], context=self.fakes.context(),
                              timeout=10) as client:
            client.login("alice", "alice-pw")
            client.send_message(sample_message("for fetchmail"))
        mbox = os.path.join(self.fakes.dir, "delivered.mbox")
        rc = os.path.join(self.fakes.dir, "fetchmailrc")
        with open(rc, "w") as out:
            out.write(f"poll 127.0.0.1 protocol pop3 port {self.fakes.ports['pop3s']}\n"
                      f"  user bob password bob-pw ssl sslcertck sslcertfile {self.fakes.ca}\n"
                      f"  sslcommonname localhost mda \"cat >> {mbox}\"\n")
        os.chmod(rc, 0o600)
        env = dict(os.environ, HOME=self.fakes.dir, FETCHMAILHOME=self.fakes.dir)
        result = subprocess.run([fetchmail, "-f", rc, "--nodetach", "--nosyslog"], env=env, capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("Subject: for fetchmail", open(mbox).read())
        log = self.finish()
        self.assertIn("C: DELE 1", log)
        self.assertIn("C: QUIT", log)


ZONE = """\
dns:
  zone: example.test
  records:
    - {name: example.test, type: MX, value: "10 mail.example.test"}
    - {name: mail.example.test, type: A, value: 127.0.0.1}
    - {name: nullmx.example.test, type: MX, value: "0 ."}
    - {name: _25._tcp.mail.example.test, type: TLSA, value: "3 1 1 0011223344556677", authenticated: true}
    - {name: www.example.test, type: CNAME, value: mail.example.test}
  behaviour:
    - {name: big.example.test, truncate_udp: true}
    - {name: flaky.example.test, rcode: SERVFAIL, times: 1}
    - {name: slow.example.test, latency: 700ms}
"""


class DigTest(unittest.TestCase):
    """dig (bind9-dnsutils) against `conformance fake dns --config`: UDP, TCP, truncation, faults."""

    def setUp(self):
        if not shutil.which("dig"):
            self.skipTest("dig is not installed")
        self.config = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
        self.config.write(ZONE)
        self.config.close()
        self.fakes = Fakes("--config", self.config.name, protocols=("dns",))
        self.port = self.fakes.ports["dns"]

    def tearDown(self):
        if self.fakes.process.poll() is None:
            self.fakes.stop()
        os.unlink(self.config.name)

    def dig(self, *args):
        result = subprocess.run(["dig", "+tries=1", "+time=3", "@127.0.0.1", "-p", str(self.port), *args],
                                capture_output=True, text=True, timeout=30)
        return result.stdout

    def log(self):
        self.assertEqual(self.fakes.stop(), 0)
        return [line for line in self.fakes.output.splitlines() if line.startswith("dns #")]

    def test_mx_over_udp(self):
        out = self.dig("example.test", "MX")
        self.assertIn("status: NOERROR", out)
        self.assertIn("10 mail.example.test.", out)
        self.assertRegex(self.log()[0], r"^dns #1 udp .* MX example.test -> NOERROR, 1 answer$")

    def test_mx_over_tcp(self):
        out = self.dig("+tcp", "example.test", "MX")
        self.assertIn("10 mail.example.test.", out)
        self.assertIn(" tcp ", self.log()[0])

    def test_truncated_answer_is_retried_over_tcp(self):
        out = self.dig("big.example.test", "A")
        self.assertIn("Truncated, retrying in TCP mode", out)
        log = self.log()
        self.assertRegex(log[0], r" udp .* A big.example.test -> NOERROR, 0 answers, truncated")
        self.assertRegex(log[1], r" tcp .* A big.example.test -> NXDOMAIN")

    def test_nxdomain_and_nodata(self):
        self.assertIn("status: NXDOMAIN", self.dig("nosuch.example.test", "A"))
        nodata = self.dig("mail.example.test", "AAAA")
        self.assertIn("status: NOERROR", nodata)
        self.assertIn("ANSWER: 0, AUTHORITY: 1", nodata)

    def test_servfail_once_then_answer(self):
        self.assertIn("status: SERVFAIL", self.dig("flaky.example.test", "A"))
        self.assertIn("status: NXDOMAIN", self.dig("flaky.example.test", "A"))

    def test_null_mx_cname_and_tlsa_with_ad(self):
        self.assertIn("0 .", self.dig("+short", "nullmx.example.test", "MX"))
        self.assertIn("mail.example.test.\n127.0.0.1", self.dig("+short", "www.example.test", "A"))
        tlsa = self.dig("_25._tcp.mail.example.test", "TLSA")
        self.assertRegex(tlsa, r"flags: qr aa( rd)? ad;")

    def test_latency_is_waited_out(self):
        out = self.dig("slow.example.test", "A")
        match = __import__("re").search(r"Query time: (\d+) msec", out)
        self.assertIsNotNone(match, out)
        self.assertGreaterEqual(int(match.group(1)), 650)


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
