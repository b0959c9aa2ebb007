// The fake SMTP server: ESMTP (RFC 5321) with PIPELINING, SIZE, 8BITMIME,
// SMTPUTF8, ENHANCEDSTATUSCODES, STARTTLS, AUTH, CHUNKING and DSN, on the
// relay, submission and submissions ports. It records every transaction
// (envelope and the exact DATA/BDAT bytes) for assertions, and delivers mail
// for the store's users to their INBOX. docs/fakes/smtp.md.
#pragma once

#include "fakes/common/tcp_fake.hpp"
#include "fakes/store/mail_store.hpp"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conformance::fakes::smtp {

struct Recipient {
  std::string address;     // "" for <Postmaster>
  std::string parameters;  // as written after the path (NOTIFY=..., ORCPT=...)
};

// One mail transaction the fake saw through to the end of its data.
struct Transaction {
  std::uint32_t connection = 0;
  std::string service;
  std::string helo;             // the EHLO/HELO argument
  bool tls = false;
  std::string authenticated;    // the SASL authcid, if any
  std::string mail_from;        // "" for <>
  std::string mail_parameters;  // as written after the path
  std::vector<Recipient> recipients;
  bool chunked = false;         // BDAT rather than DATA
  // DATA: the bytes after the 354 reply up to (not including) the final
  // CRLF.CRLF, dot-stuffed as sent. BDAT: the chunks concatenated.
  std::string raw_data;
  std::string message;          // unstuffed (what a recipient gets)
  int reply_code = 0;           // the reply to the end of data
};

// The fake's record, bounded: the newest `limit` transactions are kept.
class ReceivedMail {
 public:
  explicit ReceivedMail(std::size_t limit = 1000) : limit_(limit) {}
  void add(Transaction transaction);
  const std::deque<Transaction>& transactions() const { return kept_; }
  std::uint64_t total() const { return total_; }

 private:
  std::size_t limit_;
  std::deque<Transaction> kept_;
  std::uint64_t total_ = 0;
};

struct SmtpFakeConfig {
  TcpFakeOptions server;
  std::string hostname = "localhost";  // greeting and EHLO domain
  std::uint64_t max_message_size = 10 * 1024 * 1024;  // SIZE (RFC 1870)
  std::size_t max_recipients = 1000;   // RFC 5321 §4.5.3.1.8 asks for at least 100
  // Command lines longer than this (CRLF included) get 500 5.5.2 and are
  // skipped. RFC 5321 §4.5.3.1.4 sets 512 as the minimum a server must
  // take; longer ones are accepted, as §4.5.3.1 encourages.
  std::size_t max_command_line = 8192;
  std::size_t max_errors = 20;          // then 421 and close
  // Accept mail for any recipient (standalone default) instead of the
  // store's users only, with relaying refused unless authenticated.
  bool accept_any_recipient = false;
  std::vector<std::string> auth_mechanisms = {"PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-256"};
  // AUTH only over TLS (RFC 4954 §4 and RFC 8314: PLAIN and LOGIN must not
  // travel in the clear).
  bool auth_requires_tls = true;
  std::shared_ptr<ReceivedMail> received;  // created when null
};

// Fills config.server.listen with smtp, submission and submissions on
// 127.0.0.1 (ephemeral ports) when it is empty.
Expected<std::shared_ptr<TcpFake>, std::string> start_smtp_fake(const boost::asio::any_io_executor& executor,
                                                                SmtpFakeConfig config,
                                                                std::shared_ptr<store::MailStore> store,
                                                                std::shared_ptr<FakeCertificates> certificates);

}  // namespace conformance::fakes::smtp
