#include "harness/protocols/smtp/conversation.hpp"

#include <variant>

#include "harness/codec/smtp/chars.hpp"
#include "harness/codec/smtp/command.hpp"
#include "harness/codec/smtp/ehlo.hpp"
#include "harness/codec/smtp/greeting.hpp"
#include "harness/protocols/smtp/reply_match.hpp"

namespace conformance::protocols::smtp {

namespace {

using codec::smtp::iequals;
using codec::smtp::Reply;

constexpr std::size_t kMaxKeptLine = 1024;      // enough to classify any command
constexpr std::size_t kMaxDeferred = 1u << 20;  // bytes kept behind an unanswered DATA
constexpr std::size_t kMaxShownCommand = 80;

constexpr std::string_view kRfcReplyGrammar = "RFC 5321 §4.2";
constexpr std::string_view kRfcOneReply = "RFC 5321 §4.2";
constexpr std::string_view kRfcSequences = "RFC 5321 §4.3.2";
constexpr std::string_view kRfcMultiline = "RFC 5321 §4.2.1";
constexpr std::string_view kRfcLines = "RFC 5321 §2.3.8";
constexpr std::string_view kRfcReplyLength = "RFC 5321 §4.5.3.1.5";
constexpr std::string_view kRfcEhloReply = "RFC 5321 §4.1.1.1";
constexpr std::string_view kRfcQuit = "RFC 5321 §4.1.1.10";
constexpr std::string_view kRfcClosing = "RFC 5321 §3.8";
constexpr std::string_view kRfcAuth = "RFC 4954 §4";
constexpr std::string_view kRfcEnhanced = "RFC 2034 §4";

CommandKind kind_of_verb(std::string_view verb) {
  static constexpr std::pair<std::string_view, CommandKind> kVerbs[] = {
      {"HELO", CommandKind::helo}, {"EHLO", CommandKind::ehlo},         {"MAIL", CommandKind::mail},
      {"RCPT", CommandKind::rcpt}, {"DATA", CommandKind::data},         {"BDAT", CommandKind::bdat},
      {"RSET", CommandKind::rset}, {"VRFY", CommandKind::vrfy},         {"EXPN", CommandKind::expn},
      {"HELP", CommandKind::help}, {"NOOP", CommandKind::noop},         {"QUIT", CommandKind::quit},
      {"AUTH", CommandKind::auth}, {"STARTTLS", CommandKind::starttls},
  };
  for (const auto& [name, kind] : kVerbs) {
    if (iequals(verb, name)) return kind;
  }
  return CommandKind::other;
}

std::string_view first_word(std::string_view line) { return line.substr(0, line.find(' ')); }

std::string shown(std::string_view line, bool truncated) {
  std::string text(line.substr(0, kMaxShownCommand));
  if (truncated || line.size() > kMaxShownCommand) text += "...";
  return text;
}

std::string describe_command(const PendingCommand& command) {
  if (command.kind == CommandKind::greeting) return "the greeting";
  if (command.kind == CommandKind::end_of_data) return "the end of the message data";
  if (command.kind == CommandKind::auth_response) return "a SASL response";
  return command.text;
}

}  // namespace

std::string_view to_string(State state) {
  switch (state) {
    case State::connected:
      return "connected";
    case State::greeted:
      return "greeted";
    case State::refused:
      return "refused";
    case State::ready:
      return "ready";
    case State::auth:
      return "auth";
    case State::mail:
      return "mail";
    case State::rcpt:
      return "rcpt";
    case State::data:
      return "data";
    case State::quit:
      return "quit";
    case State::closed:
      return "closed";
  }
  return "closed";
}

std::vector<std::string> state_names() {
  std::vector<std::string> names;
  for (State state : {State::connected, State::greeted, State::refused, State::ready, State::auth, State::mail,
                      State::rcpt, State::data, State::quit, State::closed}) {
    names.emplace_back(to_string(state));
  }
  return names;
}

Conversation::Conversation() {
  codec::smtp::DataDecoderOptions options;
  options.max_message_size = 0;  // only the end of data matters here, not the body
  options.max_anomalies = 16;
  data_ = codec::smtp::DataDecoder(options);
  pending_.push_back(PendingCommand{CommandKind::greeting, "the greeting", false});
}

bool Conversation::awaiting_sasl_response() const { return state_ == State::auth && pending_.empty(); }

void Conversation::on_sent(std::string_view bytes) { consume(bytes); }

void Conversation::consume(std::string_view bytes) {
  while (!bytes.empty()) {
    switch (mode_) {
      case Mode::commands:
        consume_commands(bytes);
        break;
      case Mode::deferred:
        if (deferred_.size() + bytes.size() > kMaxDeferred) {
          deferred_overflow_ = true;
          uncertain_ = true;
          deferred_.append(bytes.substr(0, kMaxDeferred - deferred_.size()));
        } else {
          deferred_.append(bytes);
        }
        bytes = {};
        break;
      case Mode::data:
        consume_data(bytes);
        break;
      case Mode::bdat_chunk:
        consume_chunk(bytes);
        break;
    }
  }
}

void Conversation::consume_commands(std::string_view& bytes) {
  const std::size_t newline = bytes.find('\n');
  const std::string_view piece = bytes.substr(0, newline);
  if (line_.size() < kMaxKeptLine) line_.append(piece.substr(0, kMaxKeptLine - line_.size()));
  line_length_ += piece.size();
  if (!piece.empty()) line_ends_with_cr_ = piece.back() == '\r';
  if (newline == std::string_view::npos) {
    bytes = {};
    return;
  }
  bytes.remove_prefix(newline + 1);
  end_line(!line_ends_with_cr_);
}

void Conversation::consume_data(std::string_view& bytes) {
  const std::size_t taken = data_.feed(bytes);
  bytes.remove_prefix(taken);
  if (!data_.finished()) return;
  data_.reset();
  mode_ = Mode::commands;
  pending_.push_back(PendingCommand{CommandKind::end_of_data, "<CRLF>.<CRLF>", false});
}

void Conversation::consume_chunk(std::string_view& bytes) {
  const std::size_t taken = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_left_, bytes.size()));
  bytes.remove_prefix(taken);
  chunk_left_ -= taken;
  if (chunk_left_ == 0) mode_ = Mode::commands;
}

void Conversation::end_line(bool bare_lf) {
  // RFC 5321 §2.3.8: only CRLF ends a line. A server may or may not take
  // this LF for one, so replies can no longer be matched to commands with
  // certainty.
  if (bare_lf) uncertain_ = true;
  std::string_view line = line_;
  const bool truncated = line_length_ > line_.size();
  if (!truncated && !line.empty() && line.back() == '\r') line.remove_suffix(1);

  PendingCommand command;
  if (awaiting_sasl_response()) {
    command = PendingCommand{CommandKind::auth_response, "a SASL response", false};
  } else {
    command = classify(line);
    if (command.kind != CommandKind::auth) command.text = shown(line, truncated);
  }
  line_.clear();
  line_length_ = 0;
  line_ends_with_cr_ = false;

  if (command.kind == CommandKind::data) mode_ = Mode::deferred;
  if (command.kind == CommandKind::bdat && chunk_left_ > 0) mode_ = Mode::bdat_chunk;
  pending_.push_back(std::move(command));
}

PendingCommand Conversation::classify(std::string_view line) {
  PendingCommand command;
  command.kind = kind_of_verb(first_word(line));
  if (command.kind == CommandKind::auth) {
    // Never keep the initial response: it may carry the password.
    std::string_view rest = line.substr(std::min(line.size(), first_word(line).size() + 1));
    command.text = "AUTH " + std::string(first_word(rest).substr(0, 20));
  }
  if (command.kind == CommandKind::bdat) {
    codec::smtp::CommandOptions options;
    options.max_line_length = line.size() + 2;
    options.lenient = true;
    auto parsed = codec::smtp::parse_command_line(line, options);
    const auto* bdat = parsed ? std::get_if<codec::smtp::Bdat>(&parsed->command) : nullptr;
    if (bdat) {
      chunk_left_ = bdat->chunk_size;
      command.last_chunk = bdat->last;
    } else {
      // A server may or may not read a chunk after a BDAT it cannot parse.
      uncertain_ = true;
    }
  }
  return command;
}

void Conversation::release_deferred(bool as_data) {
  std::string bytes = std::move(deferred_);
  deferred_.clear();
  if (deferred_overflow_) uncertain_ = true;
  deferred_overflow_ = false;
  mode_ = as_data ? Mode::data : Mode::commands;
  consume(bytes);
}

Conversation::Attribution Conversation::on_reply(const Reply& reply) {
  Attribution out;
  auto& violations = out.violations;
  const int code = reply.code;
  const std::string shown_reply = first_line(reply);

  if (code / 10 % 10 > 5) {
    violations.push_back({std::string(kRfcReplyGrammar), "reply code " + std::to_string(code) +
                                                             " is outside the Reply-code grammar (second digit 0-5)"});
  }
  const int reply_class = code / 100;
  if (auto enhanced = reply.enhanced_code();
      enhanced && (reply_class == 2 || reply_class == 4 || reply_class == 5) && enhanced->status_class != reply_class) {
    violations.push_back({std::string(kRfcEnhanced), "enhanced status code " + enhanced->to_string() + " in a " +
                                                         std::to_string(code) +
                                                         " reply: its class must agree with the reply code"});
  }
  if (reply.bare_lf) {
    violations.push_back({std::string(kRfcLines), "a reply line ended with a bare LF: " + shown_reply});
  }
  for (const auto& line : reply.lines) {
    if (line.size() + 6 > codec::smtp::kRfcMaxReplyLineLength) {
      violations.push_back({std::string(kRfcReplyLength), "a reply line of " + std::to_string(line.size() + 6) +
                                                              " octets (at most 512 with its CRLF): " + shown_reply});
      break;
    }
  }

  if (state_ == State::quit || state_ == State::closed) {
    violations.push_back({closing_rfc_.empty() ? std::string(kRfcOneReply) : closing_rfc_,
                          "a reply after the server announced it was closing the connection: " + shown_reply});
    return out;
  }
  if (pending_.empty()) {
    if (code == 421) {  // RFC 5321 §3.8: 421 may come at any time
      state_ = State::quit;
      closing_rfc_ = std::string(kRfcClosing);
    } else if (!uncertain_) {
      violations.push_back({std::string(kRfcOneReply),
                            "a reply with no command pending (every command gets exactly one reply): " + shown_reply});
    }
    return out;
  }
  PendingCommand command = std::move(pending_.front());
  pending_.pop_front();
  apply(command, reply, violations);
  out.command = std::move(command);
  return out;
}

void Conversation::apply(const PendingCommand& command, const Reply& reply, std::vector<Violation>& violations) {
  const int code = reply.code;
  const int reply_class = code / 100;
  const std::string shown_reply = first_line(reply);
  const std::string to_what = describe_command(command);
  const bool positive = reply_class == 2;

  if (code == 421) {
    state_ = State::quit;
    closing_rfc_ = std::string(kRfcClosing);
    if (command.kind == CommandKind::data) release_deferred(false);
    return;
  }
  if (code == 354 && command.kind != CommandKind::data) {
    violations.push_back({std::string(kRfcSequences), "354 (start mail input) in reply to " + to_what});
  } else if (code == 334 && command.kind != CommandKind::auth && command.kind != CommandKind::auth_response) {
    violations.push_back({std::string(kRfcAuth), "334 (SASL challenge) outside AUTH, in reply to " + to_what});
  } else if (reply_class == 3 && code != 354 && code != 334) {
    violations.push_back({std::string(kRfcSequences), "intermediate reply " + shown_reply + " to " + to_what +
                                                          " (only DATA and AUTH have intermediate replies)"});
  }

  switch (command.kind) {
    case CommandKind::greeting:
      if (code == 220) {
        state_ = State::greeted;
        if (auto greeting = codec::smtp::parse_greeting(reply); !greeting) {
          violations.push_back(
              {std::string(kRfcReplyGrammar), "the greeting does not start with the server's domain (" +
                                                  greeting.error().message() + "): " + shown_reply});
        }
      } else if (code == 554) {
        state_ = State::refused;
      } else {
        violations.push_back({std::string(kRfcSequences), "a greeting other than 220 or 554: " + shown_reply});
      }
      break;
    case CommandKind::ehlo:
      if (code == 250) {
        state_ = State::ready;
        if (auto parsed = codec::smtp::parse_ehlo_response(reply); !parsed) {
          violations.push_back({std::string(kRfcEhloReply),
                                "a malformed EHLO reply (" + parsed.error().message() + "): " + shown_reply});
        }
      }
      break;
    case CommandKind::helo:
      if (code == 250) state_ = State::ready;
      break;
    case CommandKind::mail:
      if (code == 250) state_ = State::mail;
      break;
    case CommandKind::rcpt:
      if ((code == 250 || code == 251) && (state_ == State::mail || state_ == State::rcpt)) state_ = State::rcpt;
      break;
    case CommandKind::data:
      if (code == 354) {
        state_ = State::data;
        release_deferred(true);
      } else {
        if (positive) {
          violations.push_back(
              {std::string(kRfcSequences), "DATA answered with " + shown_reply + " (its positive reply is 354)"});
        }
        release_deferred(false);
      }
      break;
    case CommandKind::end_of_data:
      state_ = State::ready;
      break;
    case CommandKind::bdat:
      if (!positive || command.last_chunk) state_ = State::ready;
      break;
    case CommandKind::rset:
      if (code == 250 && (state_ == State::mail || state_ == State::rcpt || state_ == State::data)) {
        state_ = State::ready;
      }
      break;
    case CommandKind::quit:
      if (code == 221) {
        state_ = State::quit;
        closing_rfc_ = std::string(kRfcQuit);
      } else {
        violations.push_back({std::string(kRfcQuit), "QUIT answered with " + shown_reply + " instead of 221"});
      }
      break;
    case CommandKind::auth:
      if (code == 334) {
        if (state_ != State::auth) state_before_auth_ = state_;
        state_ = State::auth;
      }
      break;
    case CommandKind::auth_response:
      if (code != 334) state_ = state_before_auth_;
      break;
    case CommandKind::starttls:
    case CommandKind::vrfy:
    case CommandKind::expn:
    case CommandKind::help:
    case CommandKind::noop:
    case CommandKind::other:
      break;
  }
}

void Conversation::on_tls_started() {
  pending_.clear();
  deferred_.clear();
  deferred_overflow_ = false;
  data_.reset();
  line_.clear();
  line_length_ = 0;
  line_ends_with_cr_ = false;
  chunk_left_ = 0;
  mode_ = Mode::commands;
  state_ = State::greeted;
  tls_active_ = true;
}

void Conversation::on_closed() {
  pending_.clear();
  state_ = State::closed;
}

std::optional<std::string> Conversation::redact(std::string_view bytes) const {
  if (mode_ != Mode::commands) return std::nullopt;
  bool sasl_line_next = awaiting_sasl_response() && line_length_ == 0;
  bool changed = false;
  std::string rendering;
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    const std::size_t length = newline == std::string_view::npos ? bytes.size() : newline + 1;
    const std::string_view piece = bytes.substr(0, length);
    bytes.remove_prefix(length);
    std::string_view content = piece;
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.remove_suffix(1);
    const std::string_view terminator = piece.substr(content.size());

    if (sasl_line_next) {
      sasl_line_next = false;
      if (content != "*") {
        rendering += "<redacted>";
        rendering += terminator;
        changed = true;
        continue;
      }
    }
    const std::string_view verb = first_word(content);
    if (kind_of_verb(verb) == CommandKind::auth) {
      const std::string_view rest = content.substr(std::min(content.size(), verb.size() + 1));
      const std::string_view mechanism = first_word(rest);
      if (rest.size() > mechanism.size()) {  // an initial response follows the mechanism
        rendering += std::string(verb) + " " + std::string(mechanism) + " <redacted>";
        rendering += terminator;
        changed = true;
        continue;
      }
    }
    rendering += piece;
  }
  if (!changed) return std::nullopt;
  return rendering;
}

}  // namespace conformance::protocols::smtp
