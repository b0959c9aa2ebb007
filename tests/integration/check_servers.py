#!/usr/bin/env python3
"""Checks that the bundled servers (scripts/servers/start) are set up as the
suite expects, with Python's own IMAP, POP3 and SMTP clients: TLS with the
throwaway CA, no password before TLS, relay refused, and mail sent to
user8@conformance.test over SMTP arriving over IMAP and POP3. When a scenario
fails, this tells whether the setup or the harness is to blame.

usage: check_servers.py [--dir DIR]   (default $CONFORMANCE_SERVERS_DIR)
Prints one line per check and never the password; exits 1 if a check fails.
"""
import argparse
import base64
import imaplib
import os
import poplib
import smtplib
import socket
import ssl
import sys
import time
import uuid
import warnings

SERVER_NAME = "mail.conformance.test"
DOMAIN = "conformance.test"
TIMEOUT = 15


class Setup:
    def __init__(self, run_dir):
        self.run_dir = run_dir
        ports = {}
        with open(os.path.join(run_dir, "ports"), encoding="ascii") as file:
            for line in file:
                key, _, value = line.strip().partition("=")
                ports[key] = value
        self.dovecot_address = ports["dovecot_address"]
        self.port = {key[: -len("_port")]: int(value) for key, value in ports.items() if key.endswith("_port")}
        with open(os.path.join(run_dir, "password"), encoding="ascii") as file:
            self.password = file.read().strip()

    def tls_context(self, maximum=None):
        warnings.filterwarnings("ignore", category=DeprecationWarning)  # TLSv1_1, on purpose
        context = ssl.create_default_context(cafile=os.path.join(self.run_dir, "ca.pem"))
        if maximum is not None:
            context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
            context.maximum_version = maximum
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
        return context


failures = []


def check(name, function, setup):
    try:
        detail = function(setup)
    except Exception as error:  # every failure is reported, none stops the others
        text = str(error).replace(setup.password, "<redacted>")
        print(f"FAIL {name}: {type(error).__name__}: {text}")
        failures.append(name)
        return
    print(f"ok   {name}" + (f" ({detail})" if detail else ""))


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def imap_plain(setup):
    return imaplib.IMAP4(setup.dovecot_address, setup.port["imap"], timeout=TIMEOUT)


def imap_refuses_login_before_starttls(setup):
    with imap_plain(setup) as imap:
        expect("STARTTLS" in imap.capabilities, "no STARTTLS")
        expect("LOGINDISABLED" in imap.capabilities, f"no LOGINDISABLED: {imap.capabilities}")
        try:
            imap.login("user1", setup.password)
        except imaplib.IMAP4.error as error:
            return f"LOGIN refused: {error}"
        raise AssertionError("LOGIN accepted before STARTTLS")


def imap_starttls_login(setup):
    with imap_plain(setup) as imap:
        imap.starttls(setup.tls_context())
        expect("LOGINDISABLED" not in imap.capabilities, "LOGINDISABLED after STARTTLS")
        imap.login("user1", setup.password)
        status, lines = imap.list()
        expect(status == "OK", "LIST failed")
        text = b"\n".join(lines).decode()
        for flag, name in (("\\Drafts", "Drafts"), ("\\Sent", "Sent"), ("\\Trash", "Trash"), ("\\Junk", "Junk")):
            expect(flag in text and name in text, f"no {name} with {flag} in LIST: {text}")
        expect('"/"' in text, f"hierarchy separator is not /: {text}")
        version = imap.sock.version()
        imap.logout()
        return f"{version}, special-use mailboxes, separator /"


def imaps_login(setup):
    with imaplib.IMAP4_SSL(setup.dovecot_address, setup.port["imaps"], ssl_context=setup.tls_context(),
                           timeout=TIMEOUT) as imap:
        imap.login("user1", setup.password)
        version = imap.sock.version()
        imap.logout()
        return version


def tls_1_1_refused(setup, service, address):
    context = setup.tls_context(maximum=ssl.TLSVersion.TLSv1_1)
    try:
        with socket.create_connection((address, setup.port[service]), timeout=TIMEOUT) as raw:
            with context.wrap_socket(raw, server_hostname=SERVER_NAME):
                pass
    except (ssl.SSLError, ConnectionError) as error:
        return f"refused: {type(error).__name__}"
    raise AssertionError("a TLS 1.1 handshake succeeded")


def pop3_refuses_user_before_stls(setup):
    pop = poplib.POP3(setup.dovecot_address, setup.port["pop3"], timeout=TIMEOUT)
    try:
        capabilities = pop.capa()
        expect("STLS" in capabilities, f"no STLS in CAPA: {capabilities}")
        try:
            pop.user("user1")
            pop.pass_(setup.password)
        except poplib.error_proto as error:
            return f"refused: {error}"
        raise AssertionError("USER/PASS accepted before STLS")
    finally:
        pop.close()


def pop3_stls_login(setup):
    pop = poplib.POP3(setup.dovecot_address, setup.port["pop3"], timeout=TIMEOUT)
    pop.stls(setup.tls_context())
    pop.user("user1")
    pop.pass_(setup.password)
    count, _ = pop.stat()
    pop.quit()
    return f"{count} messages"


def pop3s_login(setup):
    pop = poplib.POP3_SSL(setup.dovecot_address, setup.port["pop3s"], context=setup.tls_context(), timeout=TIMEOUT)
    pop.user("user1")
    pop.pass_(setup.password)
    pop.quit()


def smtp_starttls_without_auth(setup):
    with smtplib.SMTP("127.0.0.1", setup.port["smtp"], local_hostname="client.example", timeout=TIMEOUT) as smtp:
        smtp.ehlo()
        expect(smtp.has_extn("starttls"), "no STARTTLS in EHLO")
        smtp.starttls(context=setup.tls_context())
        smtp.ehlo()
        expect(not smtp.has_extn("auth"), "AUTH offered on port 25's stand-in")
        expect(smtp.has_extn("size") and smtp.esmtp_features["size"] == "10485760", "SIZE is not 10485760")
        return smtp.sock.version()


def smtp_refuses_relay_and_unknown_users(setup):
    with smtplib.SMTP("127.0.0.1", setup.port["smtp"], local_hostname="client.example", timeout=TIMEOUT) as smtp:
        smtp.ehlo()
        expect(smtp.mail("sender@example.org")[0] == 250, "MAIL refused")
        relay = smtp.rcpt("someone@example.com")
        expect(relay[0] == 554, f"relay not refused with 554: {relay}")
        unknown = smtp.rcpt(f"nobody@{DOMAIN}")
        expect(unknown[0] == 550, f"unknown user not refused with 550: {unknown}")
        for postmaster in (f"postmaster@{DOMAIN}", "Postmaster"):
            reply = smtp.rcpt(postmaster)
            expect(reply[0] == 250, f"{postmaster} refused: {reply}")
        smtp.rset()
        return f"relay {relay[0]}, unknown user {unknown[0]}, postmaster 250"


def delivery_reaches_imap_and_pop3(setup):
    subject = f"conformance check {uuid.uuid4().hex}"
    message = f"From: <sender@example.org>\r\nTo: <user8@{DOMAIN}>\r\nSubject: {subject}\r\n\r\nhello\r\n"
    with smtplib.SMTP("127.0.0.1", setup.port["smtp"], local_hostname="client.example", timeout=TIMEOUT) as smtp:
        smtp.sendmail("sender@example.org", [f"user8@{DOMAIN}"], message)

    imap = imaplib.IMAP4_SSL(setup.dovecot_address, setup.port["imaps"], ssl_context=setup.tls_context(),
                             timeout=TIMEOUT)
    imap.login("user8", setup.password)
    deadline = time.monotonic() + 20
    found = []
    while not found and time.monotonic() < deadline:
        imap.select("INBOX")
        _, data = imap.search(None, "SUBJECT", f'"{subject}"')
        found = data[0].split()
        if not found:
            time.sleep(0.5)
    expect(found, "the message did not arrive over IMAP within 20 s")

    pop = poplib.POP3_SSL(setup.dovecot_address, setup.port["pop3s"], context=setup.tls_context(), timeout=TIMEOUT)
    pop.user("user8")
    pop.pass_(setup.password)
    count, _ = pop.stat()
    seen_over_pop3 = any(
        subject.encode() in b"\n".join(pop.top(number, 0)[1]) for number in range(1, count + 1))
    uidl = pop.uidl(1).decode() if count else ""
    pop.quit()
    expect(seen_over_pop3, "the message is not visible over POP3")

    imap.store(b",".join(found).decode(), "+FLAGS", "\\Deleted")
    imap.expunge()
    imap.logout()
    return f"IMAP and POP3 see it; POP3 {uidl.split()[-1] if uidl else ''}"


def submission_refuses_before_starttls(setup):
    with smtplib.SMTP("127.0.0.1", setup.port["submission"], local_hostname="client.example",
                      timeout=TIMEOUT) as smtp:
        smtp.ehlo()
        expect(smtp.has_extn("starttls"), "no STARTTLS")
        expect(not smtp.has_extn("auth"), "AUTH offered before STARTTLS")
        auth = smtp.docmd("AUTH", "PLAIN " + base64.b64encode(f"\0user1\0{setup.password}".encode()).decode())
        expect(auth[0] >= 500, f"AUTH before STARTTLS not refused: {auth[0]}")
        mail = smtp.mail("user1@" + DOMAIN)
        expect(mail[0] == 530, f"MAIL before STARTTLS not refused with 530: {mail}")
        return f"AUTH {auth[0]}, MAIL {mail[0]}"


def submission_auth_after_starttls(setup):
    with smtplib.SMTP("127.0.0.1", setup.port["submission"], local_hostname="client.example",
                      timeout=TIMEOUT) as smtp:
        smtp.starttls(context=setup.tls_context())
        smtp.ehlo()
        mechanisms = smtp.esmtp_features.get("auth", "").split()
        expect("PLAIN" in mechanisms and "LOGIN" in mechanisms, f"AUTH mechanisms: {mechanisms}")
        mail = smtp.mail("user1@" + DOMAIN)
        expect(mail[0] == 530, f"MAIL before AUTH not refused with 530: {mail}")
        smtp.rset()
        smtp.user, smtp.password = "user1", setup.password + "x"
        try:
            smtp.auth("PLAIN", smtp.auth_plain)
            raise AssertionError("a wrong password was accepted")
        except smtplib.SMTPAuthenticationError as error:
            wrong = error.smtp_code
        smtp.user, smtp.password = "user1", setup.password
        code, _ = smtp.auth("PLAIN", smtp.auth_plain)
        expect(code == 235, f"AUTH PLAIN: {code}")
        expect(smtp.mail("user1@" + DOMAIN)[0] == 250, "MAIL after AUTH refused")
        relay = smtp.rcpt("someone@example.com")
        expect(relay[0] == 250, f"authenticated relay refused: {relay}")
        smtp.rset()
        return f"mechanisms {' '.join(mechanisms)}; MAIL before AUTH 530, wrong password {wrong}, AUTH PLAIN 235"


def submissions_auth(setup):
    with smtplib.SMTP_SSL("127.0.0.1", setup.port["submissions"], local_hostname="client.example",
                          context=setup.tls_context(), timeout=TIMEOUT) as smtp:
        smtp.ehlo()
        smtp.user, smtp.password = "user1", setup.password
        code, _ = smtp.auth("PLAIN", smtp.auth_plain)
        expect(code == 235, f"AUTH PLAIN: {code}")
        return smtp.sock.version()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=os.environ.get("CONFORMANCE_SERVERS_DIR", "/tmp/conformance-servers"))
    setup = Setup(parser.parse_args().dir)
    checks = [
        ("imap: LOGINDISABLED and LOGIN refused before STARTTLS", imap_refuses_login_before_starttls),
        ("imap: STARTTLS with the throwaway CA, LOGIN, LIST", imap_starttls_login),
        ("imaps: implicit TLS and LOGIN", imaps_login),
        ("imaps: TLS 1.1 refused", lambda s: tls_1_1_refused(s, "imaps", s.dovecot_address)),
        ("pop3: STLS in CAPA, USER/PASS refused before STLS", pop3_refuses_user_before_stls),
        ("pop3: STLS and USER/PASS", pop3_stls_login),
        ("pop3s: implicit TLS and USER/PASS", pop3s_login),
        ("smtp: STARTTLS, no AUTH, SIZE 10 MiB", smtp_starttls_without_auth),
        ("smtp: relay and unknown users refused, postmaster accepted", smtp_refuses_relay_and_unknown_users),
        ("smtp: mail to user8 arrives over IMAP and POP3", delivery_reaches_imap_and_pop3),
        ("submission: no AUTH and no MAIL before STARTTLS", submission_refuses_before_starttls),
        ("submission: AUTH after STARTTLS, MAIL needs AUTH", submission_auth_after_starttls),
        ("submissions: implicit TLS and AUTH PLAIN", submissions_auth),
        ("submissions: TLS 1.1 refused", lambda s: tls_1_1_refused(s, "submissions", "127.0.0.1")),
    ]
    for name, function in checks:
        check(name, function, setup)
    print(f"{len(checks) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
