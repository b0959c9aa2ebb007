#include "fakes/store/default_dataset.hpp"

#include <chrono>

namespace conformance::fakes::store {
namespace {

using namespace std::chrono;

constexpr const char* kPlain =
    "Return-Path: <bob@example.test>\r\n"
    "From: Bob Example <bob@example.test>\r\n"
    "To: Alice Example <alice@example.test>\r\n"
    "Subject: Lunch on Thursday?\r\n"
    "Date: Mon, 02 Nov 2026 09:15:00 +0100\r\n"
    "Message-ID: <lunch.1@example.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "Hi Alice,\r\n"
    "\r\n"
    "shall we try the new place on Thursday at noon?\r\n"
    "\r\n"
    "Bob\r\n";

// Subject "Grüße aus Köln" as an RFC 2047 encoded word.
constexpr const char* kUtf8Subject =
    "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.test>\r\n"
    "To: alice@example.test\r\n"
    "Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=\r\n"
    "Date: Tue, 03 Nov 2026 18:30:00 +0100\r\n"
    "Message-ID: <gruesse.2@example.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Hallo Alice, viele Grüße aus Köln!\r\n";

constexpr const char* kMultipart =
    "From: Bob Example <bob@example.test>\r\n"
    "To: Alice Example <alice@example.test>\r\n"
    "Cc: carol@example.test\r\n"
    "Subject: The report, attached\r\n"
    "Date: Wed, 04 Nov 2026 11:00:00 +0000\r\n"
    "Message-ID: <report.3@example.test>\r\n"
    "In-Reply-To: <lunch.1@example.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"=-sample-boundary\"\r\n"
    "\r\n"
    "This is a multi-part message in MIME format.\r\n"
    "--=-sample-boundary\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "The report is attached.\r\n"
    "--=-sample-boundary\r\n"
    "Content-Type: text/csv; name=\"report.csv\"\r\n"
    "Content-Disposition: attachment; filename=\"report.csv\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "bW9udGgsdG90YWwKT2N0b2JlciwxMgpOb3ZlbWJlciwxNwo=\r\n"
    "--=-sample-boundary--\r\n";

system_clock::time_point at(int day, int hour) {
  // 2026-11-<day> <hour>:00 UTC.
  return sys_days{year{2026} / November / day} + hours{hour};
}

}  // namespace

void add_special_use_mailboxes(MailStore& store, std::string_view user) {
  for (auto [name, use] : {std::pair{"Sent", "\\Sent"}, std::pair{"Drafts", "\\Drafts"}, std::pair{"Trash", "\\Trash"},
                           std::pair{"Junk", "\\Junk"}, std::pair{"Archive", "\\Archive"}}) {
    auto created = store.create_mailbox(user, name, use);
    if (created) (void)store.set_subscribed(user, name, true);
  }
  (void)store.set_subscribed(user, "INBOX", true);
}

void load_default_dataset(MailStore& store) {
  store.add_user({"alice", "alice-pw", {"alice@" + store.options().domain}});
  store.add_user({"bob", "bob-pw", {"bob@" + store.options().domain}});
  add_special_use_mailboxes(store, "alice");
  add_special_use_mailboxes(store, "bob");
  (void)store.append("alice", "INBOX", kPlain, {}, at(2, 8));
  (void)store.append("alice", "INBOX", kUtf8Subject, {}, at(3, 17));
  (void)store.append("alice", "INBOX", kMultipart, {"\\Seen"}, at(4, 11));
}

}  // namespace conformance::fakes::store
