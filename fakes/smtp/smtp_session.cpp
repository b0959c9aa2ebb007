#include "fakes/smtp/smtp_session.hpp"

#include "fakes/common/client_redactor.hpp"
#include "harness/codec/common/base64.hpp"
#include "harness/codec/sasl/factory.hpp"
#include "harness/codec/smtp/command.hpp"
#include "harness/codec/smtp/data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace conformance::fakes::smtp {
namespace {

namespace codec_smtp = codec::smtp;

std::string reply(int code, std::string_view enhanced, std::string_view text) {
  return fmt::format("{} {} {}\r\n", code, enhanced, text);
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The verb of a line the codec could not parse, for fault matching and
// for telling a malformed known command (501) from an unknown one (500).
std::string first_word(std::string_view line) {
  const auto end = line.find(' ');
  return upper(line.substr(0, end));
}

bool known_verb(std::string_view verb) {
  for (std::string_view known : {"HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "VRFY", "EXPN", "HELP", "NOOP",
                                 "QUIT", "STARTTLS", "AUTH"})
    if (verb == known) return true;
  return false;
}

// Bare LF in accepted mail becomes CRLF, as Postfix's
// smtpd_forbid_bare_newline=normalize does: the message is kept whole
// (RFC 5321 §4.1.1.4 forbids taking <LF>.<LF> as its end) but every line
// ends as RFC 5322 §2.3 requires.
std::string normalise_line_ends(std::string_view body) {
  std::string out;
  out.reserve(body.size() + 16);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) out.push_back('\r');
    out.push_back(body[i]);
  }
  return out;
}

// Client lines that carry credentials: AUTH with an initial response.
std::optional<std::string> classify_secret(std::string_view line) {
  if (line.size() < 5 || upper(line.substr(0, 5)) != "AUTH ") return std::nullopt;
  const auto mechanism_end = line.find(' ', 5);
  if (mechanism_end == std::string_view::npos) return std::nullopt;
  return std::string(line.substr(0, mechanism_end + 1)) + redacted_line(line.substr(mechanism_end + 1));
}

class Session {
 public:
  Session(FakeConnection& connection, SessionContext context)
      : connection_(connection), stream_(connection.stream()), context_(context), config_(context.config) {
    redactor_ = ClientRedactor::install(stream_.transcript(), classify_secret);
  }

  net::awaitable<void> run();

 private:
  enum class Next { go_on, close };

  net::awaitable<Next> send(std::string_view verb, std::string bytes);
  net::awaitable<Next> dispatch(const std::string& line);
  net::awaitable<Next> on_ehlo(const std::string& host, bool extended);
  net::awaitable<Next> on_mail(const codec_smtp::MailFrom& mail, std::string_view line);
  net::awaitable<Next> on_rcpt(const codec_smtp::RcptTo& rcpt, std::string_view line);
  net::awaitable<Next> on_data();
  net::awaitable<Next> on_bdat(const codec_smtp::Bdat& bdat);
  net::awaitable<Next> on_starttls();
  net::awaitable<Next> on_auth(const codec_smtp::Auth& auth);
  net::awaitable<Next> on_error(std::string_view verb, std::string bytes);
  net::awaitable<Next> finish_transaction(std::string raw, std::string body, bool chunked, std::string_view verb);

  bool tls() const { return stream_.is_tls(); }
  bool submission() const { return connection_.service() != "smtp"; }
  bool auth_offered() const { return !config_.auth_mechanisms.empty() && (tls() || !config_.auth_requires_tls); }
  bool starttls_advertised() const {
    return !tls() && connection_.tls_settings().starttls != StartTlsPolicy::not_offered;
  }
  void reset_transaction() {
    in_transaction_ = false;
    mail_from_.clear();
    mail_parameters_.clear();
    recipients_.clear();
    chunks_.clear();
    chunking_failed_ = false;
  }

  FakeConnection& connection_;
  net::Stream& stream_;
  SessionContext context_;
  const SmtpFakeConfig& config_;
  std::shared_ptr<ClientRedactor> redactor_;
  std::size_t errors_ = 0;
  std::string helo_;
  bool extended_ = false;
  std::string authenticated_;
  bool in_transaction_ = false;
  std::string mail_from_;
  std::string mail_parameters_;
  bool smtputf8_ = false;
  std::vector<Recipient> recipients_;
  std::string chunks_;
  bool chunking_failed_ = false;
};

net::awaitable<Session::Next> Session::send(std::string_view verb, std::string bytes) {
  const bool go_on = co_await connection_.respond(FaultPoint::command, verb, std::move(bytes));
  co_return go_on ? Next::go_on : Next::close;
}

net::awaitable<Session::Next> Session::on_error(std::string_view verb, std::string bytes) {
  ++errors_;
  if (errors_ >= config_.max_errors) {
    co_await connection_.send(reply(421, "4.7.0", config_.hostname + " Too many errors, closing"), nullptr);
    co_return Next::close;
  }
  auto next = co_await send(verb, std::move(bytes));
  co_return next;
}

net::awaitable<void> Session::run() {
  const std::string_view no_command;
  const bool greeted = co_await connection_.respond(FaultPoint::greeting, no_command,
                                                    fmt::format("220 {} ESMTP conformance fake\r\n", config_.hostname));
  if (!greeted) co_return;
  for (;;) {
    auto line = co_await stream_.read_line(config_.max_command_line, connection_.timeouts().idle);
    if (!line) {
      const auto code = line.error().code;
      if (code == net::ErrorCode::timeout) {
        co_await connection_.send(reply(421, "4.4.2", config_.hostname + " Timeout, closing"), nullptr);
        co_return;
      }
      if (code != net::ErrorCode::line_too_long) co_return;
      // One reply for the whole over-long line (RFC 5321 §4.1.1: every
      // command gets exactly one), then skip to its end.
      bool skipped = false;
      while (!skipped) {
        auto rest = co_await stream_.read_line(config_.max_command_line, connection_.timeouts().idle);
        if (rest) {
          skipped = true;
        } else if (rest.error().code != net::ErrorCode::line_too_long) {
          co_return;
        }
      }
      auto next = co_await on_error("", reply(500, "5.5.2", "Line too long"));
      if (next == Next::close) co_return;
      continue;
    }
    auto next = co_await dispatch(std::string(line->content()));
    if (next == Next::close) co_return;
  }
}

net::awaitable<Session::Next> Session::dispatch(const std::string& line) {
  codec_smtp::CommandOptions options;
  options.max_line_length = config_.max_command_line;
  options.lenient = true;  // a fake is forgiving; the transcript shows what was sent
  options.smtputf8 = smtputf8_;
  auto parsed = codec_smtp::parse_command_line(line, options);
  if (!parsed) {
    const std::string verb = first_word(line);
    if (known_verb(verb)) {
      auto next = co_await on_error(verb, reply(501, "5.5.4", "Syntax error in parameters or arguments"));
      co_return next;
    }
    auto next = co_await on_error(verb, reply(500, "5.5.2", "Syntax error, command unrecognized"));
    co_return next;
  }
  const codec_smtp::Command& command = parsed->command;
  const std::string verb(codec_smtp::verb_of(command));

  if (auto* helo = std::get_if<codec_smtp::Helo>(&command)) {
    auto next = co_await on_ehlo(helo->domain.to_string(), false);
    co_return next;
  }
  if (auto* ehlo = std::get_if<codec_smtp::Ehlo>(&command)) {
    auto next = co_await on_ehlo(ehlo->host.to_string(), true);
    co_return next;
  }
  if (auto* mail = std::get_if<codec_smtp::MailFrom>(&command)) {
    auto next = co_await on_mail(*mail, line);
    co_return next;
  }
  if (auto* rcpt = std::get_if<codec_smtp::RcptTo>(&command)) {
    auto next = co_await on_rcpt(*rcpt, line);
    co_return next;
  }
  if (std::holds_alternative<codec_smtp::Data>(command)) {
    auto next = co_await on_data();
    co_return next;
  }
  if (auto* bdat = std::get_if<codec_smtp::Bdat>(&command)) {
    auto next = co_await on_bdat(*bdat);
    co_return next;
  }
  if (std::holds_alternative<codec_smtp::Rset>(command)) {
    reset_transaction();
    auto next = co_await send(verb, reply(250, "2.0.0", "Ok"));
    co_return next;
  }
  if (auto* vrfy = std::get_if<codec_smtp::Vrfy>(&command)) {
    std::string argument = vrfy->argument;
    if (argument.size() >= 2 && argument.front() == '<' && argument.back() == '>')
      argument = argument.substr(1, argument.size() - 2);
    // RFC 5321 §3.5.3: 252 when the server will not say, and will accept mail.
    const bool local = context_.store.user_for_address(argument).has_value();
    // (Built before the co_await: GCC 12 destroys ?: temporaries in a
    // coroutine call's arguments twice.)
    std::string answer = reply(252, "2.1.5", "Cannot VRFY user, but will accept message");
    if (local) answer = reply(250, "2.1.5", "<" + argument + ">");
    auto next = co_await send(verb, std::move(answer));
    co_return next;
  }
  if (std::holds_alternative<codec_smtp::Expn>(command)) {
    auto next = co_await send(verb, reply(502, "5.5.1", "EXPN not implemented"));
    co_return next;
  }
  if (std::holds_alternative<codec_smtp::Help>(command)) {
    auto next = co_await send(verb, reply(214, "2.0.0", "See RFC 5321"));
    co_return next;
  }
  if (std::holds_alternative<codec_smtp::Noop>(command)) {
    auto next = co_await send(verb, reply(250, "2.0.0", "Ok"));
    co_return next;
  }
  if (std::holds_alternative<codec_smtp::Quit>(command)) {
    co_await send(verb, reply(221, "2.0.0", "Bye"));
    co_return Next::close;
  }
  if (std::holds_alternative<codec_smtp::StartTls>(command)) {
    auto next = co_await on_starttls();
    co_return next;
  }
  if (auto* auth = std::get_if<codec_smtp::Auth>(&command)) {
    auto next = co_await on_auth(*auth);
    co_return next;
  }
  auto next = co_await on_error(verb, reply(500, "5.5.2", "Syntax error, command unrecognized"));
  co_return next;
}

net::awaitable<Session::Next> Session::on_ehlo(const std::string& host, bool extended) {
  // EHLO and HELO reset the transaction (RFC 5321 §4.1.4).
  reset_transaction();
  helo_ = host;
  extended_ = extended;
  if (!extended) {
    auto next = co_await send("HELO", fmt::format("250 {}\r\n", config_.hostname));
    co_return next;
  }
  std::vector<std::string> lines = {config_.hostname + " greets " + host,
                                    "PIPELINING",
                                    fmt::format("SIZE {}", config_.max_message_size),
                                    "8BITMIME",
                                    "SMTPUTF8",
                                    "ENHANCEDSTATUSCODES",
                                    "CHUNKING",
                                    "DSN"};
  if (starttls_advertised()) lines.push_back("STARTTLS");
  if (auth_offered() && authenticated_.empty()) {
    std::string auth = "AUTH";
    for (const auto& mechanism : config_.auth_mechanisms) auth += " " + mechanism;
    lines.push_back(auth);
  }
  std::string bytes;
  for (std::size_t i = 0; i < lines.size(); ++i)
    bytes += fmt::format("250{}{}\r\n", i + 1 == lines.size() ? ' ' : '-', lines[i]);
  auto next = co_await send("EHLO", std::move(bytes));
  co_return next;
}

net::awaitable<Session::Next> Session::on_mail(const codec_smtp::MailFrom& mail, std::string_view line) {
  if (helo_.empty()) {
    auto next = co_await on_error("MAIL", reply(503, "5.5.1", "Send EHLO or HELO first"));
    co_return next;
  }
  if (in_transaction_) {
    auto next = co_await on_error("MAIL", reply(503, "5.5.1", "Nested MAIL command"));
    co_return next;
  }
  if (submission() && authenticated_.empty()) {
    // RFC 6409 §4.3 (submission requires authentication), RFC 4954 §6 (530).
    auto next = co_await on_error("MAIL", reply(530, "5.7.0", "Authentication required"));
    co_return next;
  }
  if (mail.parameters.size && *mail.parameters.size > config_.max_message_size) {
    // RFC 1870 §6.1: the declared size exceeds the fixed maximum.
    auto next = co_await on_error("MAIL", reply(552, "5.3.4", "Message size exceeds fixed maximum message size"));
    co_return next;
  }
  in_transaction_ = true;
  mail_from_ = mail.reverse_path.address();
  const auto close = line.find('>');
  mail_parameters_ = close == std::string_view::npos ? std::string() : std::string(line.substr(close + 1));
  if (!mail_parameters_.empty() && mail_parameters_.front() == ' ') mail_parameters_.erase(0, 1);
  smtputf8_ = mail.parameters.smtputf8;
  auto next = co_await send("MAIL", reply(250, "2.1.0", "Ok"));
  co_return next;
}

net::awaitable<Session::Next> Session::on_rcpt(const codec_smtp::RcptTo& rcpt, std::string_view line) {
  if (!in_transaction_) {
    auto next = co_await on_error("RCPT", reply(503, "5.5.1", "Need MAIL command"));
    co_return next;
  }
  if (recipients_.size() >= config_.max_recipients) {
    auto next = co_await send("RCPT", reply(452, "4.5.3", "Too many recipients"));
    co_return next;
  }
  const std::string address = rcpt.forward_path.address();
  const bool postmaster = rcpt.forward_path.is_postmaster() ||
                          (upper(rcpt.forward_path.local_part_value()) == "POSTMASTER" && rcpt.forward_path.domain &&
                           upper(rcpt.forward_path.domain->value) == upper(context_.store.options().domain));
  const bool local = context_.store.user_for_address(address).has_value();
  // RFC 5321 §4.1.1.3: Postmaster must always be accepted; relaying to
  // other domains only for authenticated clients (RFC 5321 §3.6.1, §7.1).
  if (!postmaster && !local && !config_.accept_any_recipient && authenticated_.empty()) {
    auto next = co_await send("RCPT", reply(554, "5.7.1", "<" + address + ">: Relay access denied"));
    co_return next;
  }
  const auto close = line.find('>');
  std::string parameters = close == std::string_view::npos ? std::string() : std::string(line.substr(close + 1));
  if (!parameters.empty() && parameters.front() == ' ') parameters.erase(0, 1);
  recipients_.push_back({postmaster && address.empty() ? std::string("Postmaster") : address, parameters});
  auto next = co_await send("RCPT", reply(250, "2.1.5", "Ok"));
  co_return next;
}

net::awaitable<Session::Next> Session::on_data() {
  if (!in_transaction_) {
    auto next = co_await on_error("DATA", reply(503, "5.5.1", "Need MAIL command"));
    co_return next;
  }
  if (recipients_.empty()) {
    auto next = co_await on_error("DATA", reply(554, "5.5.1", "No valid recipients"));
    co_return next;
  }
  if (!chunks_.empty()) {
    auto next = co_await on_error("DATA", reply(503, "5.5.1", "DATA after BDAT"));
    co_return next;
  }
  auto next = co_await send("DATA", "354 End data with <CR><LF>.<CR><LF>\r\n");
  if (next == Next::close) co_return next;

  codec_smtp::DataDecoderOptions options;
  options.max_message_size = config_.max_message_size;
  codec_smtp::DataDecoder decoder(options);
  std::size_t fed = 0;
  std::string raw;
  auto progress = [&decoder, &fed, &raw](std::string_view buffered) -> net::DecodeProgress {
    fed += decoder.feed(buffered.substr(fed));
    if (!decoder.finished()) return net::DecodeProgress::need_more();
    // Everything before the final CRLF "." CRLF (its first CRLF belongs to
    // the last line of the message).
    raw.assign(buffered.substr(0, fed >= 3 ? fed - 3 : 0));
    return net::DecodeProgress::done(fed);
  };
  // The raw bytes stay buffered until the end of data: room for a message
  // at the size limit, stuffing and the terminator.
  const std::size_t max_buffered = config_.max_message_size * 2 + 64 * 1024;
  auto consumed = co_await stream_.read_decoded(progress, max_buffered, connection_.timeouts().idle);
  if (!consumed) {
    if (consumed.error().code == net::ErrorCode::message_too_large)
      co_await connection_.send(reply(552, "5.3.4", "Message too big, closing"), nullptr);
    co_return Next::close;
  }
  if (decoder.size_exceeded()) {
    reset_transaction();
    auto refused = co_await send(".", reply(552, "5.3.4", "Message size exceeds fixed maximum message size"));
    co_return refused;
  }
  auto finished = co_await finish_transaction(std::move(raw), decoder.take_body(), false, ".");
  co_return finished;
}

net::awaitable<Session::Next> Session::on_bdat(const codec_smtp::Bdat& bdat) {
  // RFC 3030 §2: the chunk follows the command whatever the reply will be,
  // so it is read (or skipped) first.
  const std::size_t cap = config_.max_message_size + 1;
  const bool too_big = chunks_.size() + bdat.chunk_size > config_.max_message_size;
  std::string chunk;
  if (bdat.chunk_size > 0) {
    if (too_big) {
      std::uint64_t left = bdat.chunk_size;
      while (left > 0) {
        auto part = co_await stream_.read_exactly(static_cast<std::size_t>(std::min<std::uint64_t>(left, 64 * 1024)), cap,
                                                  connection_.timeouts().idle);
        if (!part) co_return Next::close;
        left -= part->size();
      }
    } else {
      auto read = co_await stream_.read_exactly(static_cast<std::size_t>(bdat.chunk_size), cap,
                                                connection_.timeouts().idle);
      if (!read) co_return Next::close;
      chunk = std::move(*read);
    }
  }
  if (!in_transaction_ || recipients_.empty()) {
    std::string answer = reply(503, "5.5.1", "Need MAIL command");
    if (in_transaction_) answer = reply(503, "5.5.1", "No valid recipients");
    auto next = co_await on_error("BDAT", std::move(answer));
    co_return next;
  }
  if (too_big || chunking_failed_) {
    chunking_failed_ = true;
    if (bdat.last) reset_transaction();
    auto next = co_await send("BDAT", reply(552, "5.3.4", "Message size exceeds fixed maximum message size"));
    co_return next;
  }
  chunks_ += chunk;
  if (!bdat.last) {
    auto next = co_await send("BDAT", reply(250, "2.0.0", fmt::format("{} octets received", chunk.size())));
    co_return next;
  }
  std::string message = chunks_;
  auto next = co_await finish_transaction(std::move(chunks_), std::move(message), true, "BDAT");
  co_return next;
}

net::awaitable<Session::Next> Session::finish_transaction(std::string raw, std::string body, bool chunked,
                                                          std::string_view verb) {
  Transaction transaction;
  transaction.connection = connection_.number();
  transaction.service = connection_.service();
  transaction.helo = helo_;
  transaction.tls = tls();
  transaction.authenticated = authenticated_;
  transaction.mail_from = mail_from_;
  transaction.mail_parameters = mail_parameters_;
  transaction.recipients = recipients_;
  transaction.chunked = chunked;
  transaction.raw_data = std::move(raw);
  transaction.message = normalise_line_ends(body);
  transaction.reply_code = 250;
  auto shared = std::make_shared<const std::string>(transaction.message);
  for (const Recipient& recipient : recipients_) (void)context_.store.deliver(recipient.address, shared);
  const std::uint64_t id = context_.received.total() + 1;
  context_.received.add(std::move(transaction));
  reset_transaction();
  auto next = co_await send(verb, reply(250, "2.0.0", fmt::format("Ok: queued as F{:06}", id)));
  co_return next;
}

net::awaitable<Session::Next> Session::on_starttls() {
  if (tls()) {
    // RFC 3207 §4.2: no TLS inside TLS.
    auto next = co_await on_error("STARTTLS", reply(503, "5.5.1", "TLS already active"));
    co_return next;
  }
  const StartTlsPolicy policy = connection_.tls_settings().starttls;
  if (policy == StartTlsPolicy::not_offered) {
    auto next = co_await on_error("STARTTLS", reply(502, "5.5.1", "Command not implemented"));
    co_return next;
  }
  if (policy == StartTlsPolicy::refused) {
    auto next = co_await send("STARTTLS", reply(454, "4.7.0", "TLS not available due to temporary reason"));
    co_return next;
  }
  const auto sent = co_await connection_.send_tls_go_ahead("STARTTLS", reply(220, "2.0.0", "Ready to start TLS"));
  if (sent == FakeConnection::GoAhead::failed) co_return Next::close;
  if (sent == FakeConnection::GoAhead::replaced) co_return Next::go_on;
  auto upgraded = co_await connection_.upgrade_to_tls();
  if (!upgraded) co_return Next::close;
  if (!upgraded->discarded_plaintext.empty()) {
    // RFC 3207 §4.2 / CVE-2011-0411: commands pipelined behind STARTTLS
    // are discarded, never run inside the TLS session.
    stream_.note(fmt::format("discarded {} bytes sent in the clear after STARTTLS",
                             upgraded->discarded_plaintext.size()));
  }
  // RFC 3207 §4.2: forget everything learnt before TLS.
  reset_transaction();
  helo_.clear();
  authenticated_.clear();
  co_return Next::go_on;
}

net::awaitable<Session::Next> Session::on_auth(const codec_smtp::Auth& auth) {
  if (!authenticated_.empty()) {
    auto next = co_await on_error("AUTH", reply(503, "5.5.1", "Already authenticated"));
    co_return next;
  }
  if (helo_.empty() || !extended_) {
    auto next = co_await on_error("AUTH", reply(503, "5.5.1", "Send EHLO first"));
    co_return next;
  }
  if (in_transaction_) {
    auto next = co_await on_error("AUTH", reply(503, "5.5.1", "AUTH not allowed during a mail transaction"));
    co_return next;
  }
  if (!auth_offered()) {
    // RFC 4954 §6: 538 when the mechanism needs an encrypted channel.
    auto next = co_await on_error("AUTH", reply(538, "5.7.11", "Encryption required for requested authentication mechanism"));
    co_return next;
  }
  const std::string name = upper(auth.mechanism);
  const auto offered = std::find(config_.auth_mechanisms.begin(), config_.auth_mechanisms.end(), name);
  const auto mechanism = codec::sasl::mechanism_from_name(name);
  if (offered == config_.auth_mechanisms.end() || !mechanism) {
    auto next = co_await on_error("AUTH", reply(504, "5.5.4", "Unrecognized authentication type"));
    co_return next;
  }
  codec::sasl::ServerSettings settings;
  settings.hostname = config_.hostname;
  settings.timestamp = static_cast<std::uint64_t>(std::time(nullptr));
  auto server = codec::sasl::make_server(*mechanism, context_.store.accounts(), settings);
  if (!server) {
    auto next = co_await on_error("AUTH", reply(504, "5.5.4", "Unrecognized authentication type"));
    co_return next;
  }
  codec::sasl::ServerStep step = server->start(auth.initial_response);
  while (step.is_challenge()) {
    auto asked = co_await send("AUTH", "334 " + codec::base64_encode(step.data) + "\r\n");
    if (asked == Next::close) co_return asked;
    redactor_->next_line_is_secret();
    auto line = co_await stream_.read_line(config_.max_command_line, connection_.timeouts().idle);
    if (!line) co_return Next::close;
    const std::string_view content = line->content();
    if (content == "*") {
      // RFC 4954 §4: a cancelled exchange gets 501.
      auto next = co_await on_error("AUTH", reply(501, "5.0.0", "Authentication cancelled"));
      co_return next;
    }
    auto decoded = codec::base64_decode(content);
    if (!decoded) {
      // RFC 4954 §4: "If the server cannot BASE64 decode any client
      // response, it MUST reject the AUTH command with a 501 reply."
      auto next = co_await on_error("AUTH", reply(501, "5.5.2", "Cannot decode response"));
      co_return next;
    }
    step = server->step(*decoded);
  }
  if (step.is_success()) {
    authenticated_ = step.identity.authcid;
    auto next = co_await send("AUTH", reply(235, "2.7.0", "Authentication successful"));
    co_return next;
  }
  if (step.reason == codec::sasl::FailureReason::malformed) {
    auto next = co_await on_error("AUTH", reply(501, "5.5.2", "Malformed authentication data"));
    co_return next;
  }
  auto next = co_await on_error("AUTH", reply(535, "5.7.8", "Authentication credentials invalid"));
  co_return next;
}

}  // namespace

net::awaitable<void> run_session(FakeConnection& connection, SessionContext context) {
  Session session(connection, context);
  co_await session.run();
}

}  // namespace conformance::fakes::smtp
