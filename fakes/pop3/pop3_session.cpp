#include "fakes/pop3/pop3_session.hpp"

#include "fakes/common/client_redactor.hpp"
#include "harness/codec/common/base64.hpp"
#include "harness/codec/pop3/command.hpp"
#include "harness/codec/pop3/response.hpp"
#include "harness/codec/sasl/factory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace conformance::fakes::pop3 {
namespace {

namespace p3 = codec::pop3;

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string status(std::string_view text) { return "+OK " + std::string(text) + "\r\n"; }
std::string failure(std::string_view text) { return "-ERR " + std::string(text) + "\r\n"; }
std::string failure(std::string_view code, std::string_view text) {
  return fmt::format("-ERR [{}] {}\r\n", code, text);
}

// The message's lines without their CRLF, for a multi-line response (the
// serializer byte-stuffs them and adds the final ".").
std::vector<std::string> lines_of(std::string_view message) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < message.size()) {
    const auto end = message.find("\r\n", start);
    if (end == std::string_view::npos) {
      lines.emplace_back(message.substr(start));
      break;
    }
    lines.emplace_back(message.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// PASS and AUTH with an initial response carry credentials.
std::optional<std::string> classify_secret(std::string_view line) {
  const std::string head = upper(line.substr(0, std::min<std::size_t>(line.size(), 5)));
  if (head == "PASS ") return "PASS " + redacted_line(line.substr(5));
  if (head == "AUTH ") {
    const auto mechanism_end = line.find(' ', 5);
    if (mechanism_end == std::string_view::npos) return std::nullopt;
    return std::string(line.substr(0, mechanism_end + 1)) + redacted_line(line.substr(mechanism_end + 1));
  }
  return std::nullopt;
}

struct MaildropEntry {
  store::Uid uid = 0;
  std::shared_ptr<const std::string> bytes;
  bool deleted = false;
};

class Session {
 public:
  Session(FakeConnection& connection, const Pop3FakeConfig& config, store::MailStore& store)
      : connection_(connection), stream_(connection.stream()), config_(config), store_(store) {
    redactor_ = ClientRedactor::install(stream_.transcript(), classify_secret);
  }
  ~Session() {
    if (!user_.empty()) store_.unlock_maildrop(user_);
  }

  net::awaitable<void> run();

 private:
  enum class Next { go_on, close };

  net::awaitable<Next> send(std::string_view verb, std::string bytes);
  net::awaitable<Next> error(std::string_view verb, std::string bytes);
  net::awaitable<Next> dispatch(const std::string& line);
  net::awaitable<Next> authorization(const p3::Command& command, std::string_view verb);
  net::awaitable<Next> transaction(const p3::Command& command, std::string_view verb);
  net::awaitable<Next> on_auth(const p3::cmd::Auth& auth);
  net::awaitable<Next> on_stls();
  net::awaitable<Next> log_in(const std::string& user, std::string_view verb);
  std::string capabilities() const;
  const MaildropEntry* message(p3::MessageNumber number) const;

  bool tls() const { return stream_.is_tls(); }
  bool login_allowed() const { return tls() || !config_.login_requires_tls; }
  bool stls_offered() const {
    return !tls() && user_.empty() && connection_.tls_settings().starttls != StartTlsPolicy::not_offered;
  }

  FakeConnection& connection_;
  net::Stream& stream_;
  const Pop3FakeConfig& config_;
  store::MailStore& store_;
  std::shared_ptr<ClientRedactor> redactor_;
  std::size_t errors_ = 0;
  std::string pending_user_;  // after USER
  std::string user_;          // logged in: TRANSACTION state
  std::uint32_t uid_validity_ = 0;
  std::vector<MaildropEntry> maildrop_;
};

net::awaitable<Session::Next> Session::send(std::string_view verb, std::string bytes) {
  const bool go_on = co_await connection_.respond(FaultPoint::command, verb, std::move(bytes));
  co_return go_on ? Next::go_on : Next::close;
}

net::awaitable<Session::Next> Session::error(std::string_view verb, std::string bytes) {
  if (++errors_ >= config_.max_errors) {
    co_await connection_.send(failure("too many errors, closing"), nullptr);
    co_return Next::close;
  }
  auto next = co_await send(verb, std::move(bytes));
  co_return next;
}

net::awaitable<void> Session::run() {
  // The timestamp an APOP client would use (RFC 1939 §7); also makes the greeting unique.
  const std::string greeting =
      fmt::format("+OK conformance fake POP3 ready <{}.{}@{}>\r\n", std::time(nullptr), connection_.number(),
                  config_.hostname);
  const std::string_view no_command;
  const bool greeted = co_await connection_.respond(FaultPoint::greeting, no_command, greeting);
  if (!greeted) co_return;
  for (;;) {
    auto line = co_await stream_.read_line(config_.max_command_line, connection_.timeouts().idle);
    if (!line) {
      if (line.error().code == net::ErrorCode::timeout) {
        // RFC 1939 §3: an autologout timer; the session ends without UPDATE.
        co_await connection_.send(failure("autologout; idle for too long"), nullptr);
        co_return;
      }
      if (line.error().code != net::ErrorCode::line_too_long) co_return;
      bool skipped = false;
      while (!skipped) {
        auto rest = co_await stream_.read_line(config_.max_command_line, connection_.timeouts().idle);
        if (rest) skipped = true;
        else if (rest.error().code != net::ErrorCode::line_too_long) co_return;
      }
      auto next = co_await error("", failure("line too long"));
      if (next == Next::close) co_return;
      continue;
    }
    auto next = co_await dispatch(std::string(line->content()));
    if (next == Next::close) co_return;
  }
}

net::awaitable<Session::Next> Session::dispatch(const std::string& line) {
  p3::CommandLimits limits;
  limits.max_line_length = config_.max_command_line;
  auto parsed = p3::parse_command(line, limits);
  if (!parsed) {
    const std::string verb = upper(line.substr(0, line.find(' ')));
    auto next = co_await error(verb, failure("syntax error"));
    co_return next;
  }
  const p3::Verb verb = p3::verb_of(*parsed);
  const std::string name = verb == p3::Verb::other ? upper(std::get<p3::cmd::Other>(*parsed).keyword)
                                                   : std::string(p3::keyword(verb));
  if (user_.empty()) {
    auto next = co_await authorization(*parsed, name);
    co_return next;
  }
  auto next = co_await transaction(*parsed, name);
  co_return next;
}

std::string Session::capabilities() const {
  std::vector<std::string> lines = {"TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "EXPIRE NEVER",
                                    "IMPLEMENTATION conformance-fake"};
  // RFC 2449 §5: USER and SASL are announced in both states when available.
  if (login_allowed()) {
    lines.push_back("USER");
    std::string sasl = "SASL";
    for (const auto& mechanism : config_.sasl_mechanisms) sasl += " " + mechanism;
    if (!config_.sasl_mechanisms.empty()) lines.push_back(sasl);
  }
  if (stls_offered()) lines.push_back("STLS");
  return p3::serialize(p3::ok_multi_line("Capability list follows", lines));
}

net::awaitable<Session::Next> Session::authorization(const p3::Command& command, std::string_view verb) {
  if (std::holds_alternative<p3::cmd::Capa>(command)) {
    auto next = co_await send(verb, capabilities());
    co_return next;
  }
  if (std::holds_alternative<p3::cmd::Quit>(command)) {
    co_await send(verb, status("conformance fake POP3 signing off"));
    co_return Next::close;
  }
  if (std::holds_alternative<p3::cmd::Stls>(command)) {
    auto next = co_await on_stls();
    co_return next;
  }
  if (auto* user = std::get_if<p3::cmd::User>(&command)) {
    if (!login_allowed()) {
      // RFC 2595 §2.1: no plaintext passwords before TLS.
      auto next = co_await error(verb, failure("AUTH", "plaintext authentication disallowed, use STLS first"));
      co_return next;
    }
    pending_user_ = user->name;
    auto next = co_await send(verb, status("send PASS"));
    co_return next;
  }
  if (auto* pass = std::get_if<p3::cmd::Pass>(&command)) {
    if (pending_user_.empty()) {
      auto next = co_await error(verb, failure("USER first"));
      co_return next;
    }
    const std::string user = std::exchange(pending_user_, {});
    const auto expected = store_.accounts().password(user);
    if (!expected || !(expected->view() == pass->password)) {
      // RFC 3206 §5: [AUTH] for a problem with the credentials.
      auto next = co_await error(verb, failure("AUTH", "invalid user name or password"));
      co_return next;
    }
    auto next = co_await log_in(user, verb);
    co_return next;
  }
  if (auto* auth = std::get_if<p3::cmd::Auth>(&command)) {
    auto next = co_await on_auth(*auth);
    co_return next;
  }
  // RFC 1939 §3: anything else in the AUTHORIZATION state is an error.
  auto next = co_await error(verb, failure("not valid in the AUTHORIZATION state"));
  co_return next;
}

net::awaitable<Session::Next> Session::on_stls() {
  if (tls()) {
    auto next = co_await error("STLS", failure("TLS already active"));
    co_return next;
  }
  if (connection_.tls_settings().starttls == StartTlsPolicy::not_offered) {
    auto next = co_await error("STLS", failure("STLS not supported"));
    co_return next;
  }
  if (connection_.tls_settings().starttls == StartTlsPolicy::refused) {
    auto next = co_await send("STLS", failure("SYS/TEMP", "TLS not available right now"));
    co_return next;
  }
  const auto sent = co_await connection_.send_tls_go_ahead("STLS", status("begin TLS negotiation"));
  if (sent == FakeConnection::GoAhead::failed) co_return Next::close;
  if (sent == FakeConnection::GoAhead::replaced) co_return Next::go_on;
  auto upgraded = co_await connection_.upgrade_to_tls();
  if (!upgraded) co_return Next::close;
  if (!upgraded->discarded_plaintext.empty())
    stream_.note(fmt::format("discarded {} bytes sent in the clear after STLS", upgraded->discarded_plaintext.size()));
  pending_user_.clear();
  co_return Next::go_on;
}

net::awaitable<Session::Next> Session::on_auth(const p3::cmd::Auth& auth) {
  if (!auth.mechanism) {
    // The pre-RFC 5034 form: list the mechanisms.
    auto next = co_await send("AUTH", p3::serialize(p3::ok_multi_line("methods", config_.sasl_mechanisms)));
    co_return next;
  }
  if (!login_allowed()) {
    auto next = co_await error("AUTH", failure("AUTH", "authentication disallowed before TLS, use STLS first"));
    co_return next;
  }
  const std::string name = upper(*auth.mechanism);
  const auto mechanism = codec::sasl::mechanism_from_name(name);
  if (!mechanism || std::find(config_.sasl_mechanisms.begin(), config_.sasl_mechanisms.end(), name) ==
                        config_.sasl_mechanisms.end()) {
    auto next = co_await error("AUTH", failure("unsupported authentication mechanism"));
    co_return next;
  }
  codec::sasl::ServerSettings settings;
  settings.hostname = config_.hostname;
  auto server = codec::sasl::make_server(*mechanism, store_.accounts(), settings);
  if (!server) {
    auto next = co_await error("AUTH", failure("unsupported authentication mechanism"));
    co_return next;
  }
  codec::sasl::ServerStep step = server->start(auth.initial_response);
  while (step.is_challenge()) {
    auto asked = co_await send("AUTH", p3::serialize(p3::continuation(step.data)));
    if (asked == Next::close) co_return asked;
    redactor_->next_line_is_secret();
    auto line = co_await stream_.read_line(config_.max_command_line, connection_.timeouts().idle);
    if (!line) co_return Next::close;
    if (line->content() == "*") {
      auto next = co_await error("AUTH", failure("authentication cancelled"));
      co_return next;
    }
    auto decoded = codec::base64_decode(line->content());
    if (!decoded) {
      auto next = co_await error("AUTH", failure("invalid base64 in the response"));
      co_return next;
    }
    step = server->step(*decoded);
  }
  if (!step.is_success()) {
    auto next = co_await error("AUTH", failure("AUTH", "authentication failed"));
    co_return next;
  }
  auto next = co_await log_in(step.identity.authcid, "AUTH");
  co_return next;
}

net::awaitable<Session::Next> Session::log_in(const std::string& user, std::string_view verb) {
  auto inbox = store_.find_mailbox(user, "INBOX");
  if (!inbox) {
    auto next = co_await error(verb, failure("SYS/PERM", "no maildrop"));
    co_return next;
  }
  if (!store_.lock_maildrop(user)) {
    // RFC 2449 §8.1.2: the maildrop is locked by another session.
    auto next = co_await error(verb, failure("IN-USE", "maildrop already in use"));
    co_return next;
  }
  user_ = user;
  uid_validity_ = inbox->uid_validity();
  // RFC 1939 §5: message numbers are fixed for the session.
  for (const auto& stored : inbox->messages()) maildrop_.push_back({stored.uid, stored.bytes, false});
  std::size_t octets = 0;
  for (const auto& entry : maildrop_) octets += entry.bytes->size();
  auto next = co_await send(verb, status(fmt::format("{} has {} messages ({} octets)", user, maildrop_.size(), octets)));
  co_return next;
}

const MaildropEntry* Session::message(p3::MessageNumber number) const {
  if (number == 0 || number > maildrop_.size()) return nullptr;
  const MaildropEntry& entry = maildrop_[number - 1];
  return entry.deleted ? nullptr : &entry;
}

net::awaitable<Session::Next> Session::transaction(const p3::Command& command, std::string_view verb) {
  if (std::holds_alternative<p3::cmd::Stat>(command)) {
    std::size_t count = 0, octets = 0;
    for (const auto& entry : maildrop_)
      if (!entry.deleted) ++count, octets += entry.bytes->size();
    auto next = co_await send(verb, status(fmt::format("{} {}", count, octets)));
    co_return next;
  }
  if (auto* list = std::get_if<p3::cmd::List>(&command)) {
    if (list->message) {
      const MaildropEntry* entry = message(*list->message);
      if (!entry) {
        auto next = co_await error(verb, failure("no such message"));
        co_return next;
      }
      auto next = co_await send(verb, status(fmt::format("{} {}", *list->message, entry->bytes->size())));
      co_return next;
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < maildrop_.size(); ++i)
      if (!maildrop_[i].deleted) lines.push_back(fmt::format("{} {}", i + 1, maildrop_[i].bytes->size()));
    auto next = co_await send(verb, p3::serialize(p3::ok_multi_line("scan listing follows", std::move(lines))));
    co_return next;
  }
  if (auto* uidl = std::get_if<p3::cmd::Uidl>(&command)) {
    // RFC 1939 §7: unique-ids are stable across sessions; UIDVALIDITY.UID is.
    auto unique_id = [this](const MaildropEntry& entry) { return fmt::format("{}.{}", uid_validity_, entry.uid); };
    if (uidl->message) {
      const MaildropEntry* entry = message(*uidl->message);
      if (!entry) {
        auto next = co_await error(verb, failure("no such message"));
        co_return next;
      }
      auto next = co_await send(verb, status(fmt::format("{} {}", *uidl->message, unique_id(*entry))));
      co_return next;
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < maildrop_.size(); ++i)
      if (!maildrop_[i].deleted) lines.push_back(fmt::format("{} {}", i + 1, unique_id(maildrop_[i])));
    auto next = co_await send(verb, p3::serialize(p3::ok_multi_line("unique-id listing follows", std::move(lines))));
    co_return next;
  }
  if (auto* retr = std::get_if<p3::cmd::Retr>(&command)) {
    const MaildropEntry* entry = message(retr->message);
    if (!entry) {
      auto next = co_await error(verb, failure("no such message"));
      co_return next;
    }
    auto next = co_await send(verb, p3::serialize(p3::ok_multi_line(fmt::format("{} octets", entry->bytes->size()),
                                                                    lines_of(*entry->bytes))));
    co_return next;
  }
  if (auto* top = std::get_if<p3::cmd::Top>(&command)) {
    const MaildropEntry* entry = message(top->message);
    if (!entry) {
      auto next = co_await error(verb, failure("no such message"));
      co_return next;
    }
    // RFC 1939 §7: the header, the blank line, then that many body lines.
    std::vector<std::string> all = lines_of(*entry->bytes);
    std::vector<std::string> lines;
    std::size_t i = 0;
    for (; i < all.size(); ++i) {
      lines.push_back(all[i]);
      if (all[i].empty()) break;
    }
    for (std::uint64_t taken = 0; ++i < all.size() && taken < top->lines; ++taken) lines.push_back(all[i]);
    auto next = co_await send(verb, p3::serialize(p3::ok_multi_line("top of message follows", std::move(lines))));
    co_return next;
  }
  if (auto* dele = std::get_if<p3::cmd::Dele>(&command)) {
    if (!message(dele->message)) {
      auto next = co_await error(verb, failure("no such message, or already deleted"));
      co_return next;
    }
    maildrop_[dele->message - 1].deleted = true;
    auto next = co_await send(verb, status(fmt::format("message {} deleted", dele->message)));
    co_return next;
  }
  if (std::holds_alternative<p3::cmd::Rset>(command)) {
    for (auto& entry : maildrop_) entry.deleted = false;
    auto next = co_await send(verb, status("maildrop reset"));
    co_return next;
  }
  if (std::holds_alternative<p3::cmd::Noop>(command)) {
    auto next = co_await send(verb, status(""));
    co_return next;
  }
  if (std::holds_alternative<p3::cmd::Capa>(command)) {
    auto next = co_await send(verb, capabilities());
    co_return next;
  }
  if (std::holds_alternative<p3::cmd::Quit>(command)) {
    // The UPDATE state (RFC 1939 §6): only now are deleted messages removed.
    std::vector<store::Uid> deleted;
    for (const auto& entry : maildrop_)
      if (entry.deleted) deleted.push_back(entry.uid);
    std::string answer = status("conformance fake POP3 signing off");
    if (!deleted.empty()) {
      auto removed = store_.expunge(user_, "INBOX", deleted);
      if (!removed) answer = failure("SYS/TEMP", "some deleted messages not removed");
    }
    co_await send(verb, std::move(answer));
    co_return Next::close;
  }
  auto next = co_await error(verb, failure("not valid in the TRANSACTION state"));
  co_return next;
}

}  // namespace

net::awaitable<void> run_pop3_session(FakeConnection& connection, const Pop3FakeConfig& config,
                                      store::MailStore& store) {
  Session session(connection, config, store);
  co_await session.run();
}

}  // namespace conformance::fakes::pop3
