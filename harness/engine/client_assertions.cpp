#include "harness/engine/client_assertions.hpp"

#include "harness/net/transcript_text.hpp"

#include <algorithm>
#include <cctype>

namespace conformance::engine {

namespace {

using scenario::ClientAssertion;
using scenario::TextMatch;

constexpr std::size_t kShownLines = 8;  // client lines quoted when a line check fails
constexpr std::size_t kShownBytes = 200;

std::string shown(std::string_view text, std::size_t max = kShownBytes) {
  std::string escaped = net::escape_bytes(text.substr(0, max));
  if (text.size() > max) escaped += "...";
  return escaped;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string dns_name(std::string_view name) {
  std::string out = lower(name);
  while (out.size() > 1 && out.back() == '.') out.pop_back();
  return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

AssertionOutcome pass(std::string received = {}) {
  AssertionOutcome outcome;
  outcome.ok = true;
  outcome.received = std::move(received);
  return outcome;
}

AssertionOutcome fail(std::string reason, std::string expected, std::string received) {
  AssertionOutcome outcome;
  outcome.ok = false;
  outcome.reason = std::move(reason);
  outcome.expected = std::move(expected);
  outcome.received = std::move(received);
  return outcome;
}

// A line of one connection, for messages: "#2: EHLO x".
struct NumberedLine {
  std::uint32_t connection = 0;
  const ClientLine* line = nullptr;
};

std::string describe(const NumberedLine& line) {
  return "#" + std::to_string(line.connection) + ": " + shown(line.line->text) +
         (line.line->after_tls ? " (over TLS)" : "");
}

class Evaluator {
 public:
  Evaluator(const ClientAssertion& assertion, const ClientObservation& observed, const scenario::Variables& variables)
      : assertion_(assertion), observed_(observed), variables_(variables) {
    if (auto fake = observed.fakes.find(assertion.fake); fake != observed.fakes.end()) fake_ = &fake->second;
    if (fake_) {
      for (const ObservedConnection& connection : fake_->connections) {
        if (assertion.connection && *assertion.connection != connection.number) continue;
        connections_.push_back(&connection);
        lines_.push_back(client_lines(connection.events));
      }
    }
  }

  AssertionOutcome operator()(const scenario::ExitCheck& check) const {
    const std::string received = observed_.outcome;
    switch (check.kind) {
      case scenario::ExitCheck::Kind::timeout:
        if (observed_.timed_out) return pass(received);
        return fail("the client ended before its deadline", "killed at the deadline", received);
      case scenario::ExitCheck::Kind::nonzero:
        if (observed_.exit_code && *observed_.exit_code != 0) return pass(received);
        return fail(observed_.exit_code ? "the client exited 0 where it should have failed"
                                        : "the client did not exit normally",
                    "a nonzero exit status", received);
      case scenario::ExitCheck::Kind::codes: {
        std::vector<std::string> codes;
        for (int code : check.codes) codes.push_back(std::to_string(code));
        const std::string expected = "exit " + joined(codes, " or ");
        if (observed_.exit_code &&
            std::find(check.codes.begin(), check.codes.end(), *observed_.exit_code) != check.codes.end()) {
          return pass(received);
        }
        return fail("the client's exit status", expected, received);
      }
    }
    return fail("unknown exit check", "", received);
  }

  AssertionOutcome operator()(const scenario::OutputCheck& check) const {
    const std::string& text = check.standard_error ? observed_.standard_error : observed_.standard_output;
    const std::string name = check.standard_error ? "stderr" : "stdout";
    auto result = check.match.match(text, variables_);
    if (!result.error.empty()) return fail(result.error, check.match.describe(), "");
    if (result.matched) return pass();
    return fail(name + " does not match", check.match.describe(), text.empty() ? "nothing" : shown(text, 600));
  }

  AssertionOutcome operator()(const scenario::SentCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    std::string error;
    if (auto found = first_match(check.line, error)) return pass(describe(*found));
    if (!error.empty()) return fail(error, check.line.describe(), "");
    return fail(fake_name() + ": the client sent no line matching " + check.line.describe(), "a line " +
                check.line.describe(), recent_lines());
  }

  AssertionOutcome operator()(const scenario::NotSentCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    std::string error;
    if (auto found = first_match(check.line, error)) {
      return fail(fake_name() + ": the client sent a line matching " + check.line.describe(),
                  "no line " + check.line.describe(), describe(*found));
    }
    if (!error.empty()) return fail(error, check.line.describe(), "");
    return pass(std::to_string(line_count()) + " client lines, none matching");
  }

  AssertionOutcome operator()(const scenario::SentBeforeCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    const std::string expected = "a line " + check.earlier.describe() + " before the first " + check.later.describe();
    bool later_seen = false;
    for (std::size_t c = 0; c < lines_.size(); ++c) {
      std::optional<std::size_t> earlier_at, later_at;
      for (std::size_t i = 0; i < lines_[c].size(); ++i) {
        std::string error;
        if (!earlier_at && matches(check.earlier, lines_[c][i].text, error)) earlier_at = i;
        if (!error.empty()) return fail(error, expected, "");
        if (matches(check.later, lines_[c][i].text, error)) {
          later_at = i;
          break;
        }
        if (!error.empty()) return fail(error, expected, "");
      }
      if (!later_at) continue;
      later_seen = true;
      if (!earlier_at) {
        return fail(fake_name() + ": on connection #" + std::to_string(connections_[c]->number) + " the client sent " +
                        shown(lines_[c][*later_at].text) + " with no line " + check.earlier.describe() + " before it",
                    expected, lines_text(c, *later_at));
      }
    }
    if (!later_seen) {
      return fail(fake_name() + ": the client never sent a line matching " + check.later.describe(), expected,
                  recent_lines());
    }
    return pass();
  }

  AssertionOutcome operator()(const scenario::NotSentBeforeTlsCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    std::vector<std::string> patterns;
    for (const auto& line : check.lines) patterns.push_back(line.describe());
    const std::string expected = "no line " + joined(patterns, " or ") + " before TLS";
    for (std::size_t c = 0; c < lines_.size(); ++c) {
      for (const ClientLine& line : lines_[c]) {
        if (line.after_tls) break;
        for (const auto& pattern : check.lines) {
          std::string error;
          const bool hit = matches(pattern, line.text, error);
          if (!error.empty()) return fail(error, expected, "");
          if (hit) {
            return fail(fake_name() + ": the client sent " + shown(line.text) + " in the clear (connection #" +
                            std::to_string(connections_[c]->number) + ")",
                        expected, describe(NumberedLine{connections_[c]->number, &line}));
          }
        }
      }
    }
    return pass();
  }

  AssertionOutcome operator()(const scenario::SentLastCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    bool any = false;
    for (std::size_t c = 0; c < lines_.size(); ++c) {
      if (lines_[c].empty()) continue;
      any = true;
      std::string error;
      const ClientLine& last = lines_[c].back();
      const bool hit = matches(check.line, last.text, error);
      if (!error.empty()) return fail(error, check.line.describe(), "");
      if (!hit) {
        return fail(fake_name() + ": connection #" + std::to_string(connections_[c]->number) + " ended with " +
                        shown(last.text),
                    "the last line " + check.line.describe(), lines_text(c, lines_[c].size() - 1));
      }
    }
    if (!any) return fail(fake_name() + ": the client sent nothing", "the last line " + check.line.describe(), "nothing");
    return pass();
  }

  AssertionOutcome operator()(const scenario::ConnectionsCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    const std::size_t count = connections_.size();
    const std::string received = std::to_string(count) + " connection" + (count == 1 ? "" : "s");
    if (count == check.count) return pass(received);
    return fail(fake_name() + ": the client made " + received,
                std::to_string(check.count) + " connection" + (check.count == 1 ? "" : "s"), received);
  }

  AssertionOutcome operator()(const scenario::TlsCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    bool attempted = false, used = false, unused = false;
    std::vector<std::string> seen;
    for (const ObservedConnection* connection : connections_) {
      const ConnectionTls tls = connection_tls(connection->events);
      attempted = attempted || tls.attempted;
      used = used || tls.used;
      unused = unused || (tls.attempted && !tls.used);
      seen.push_back("#" + std::to_string(connection->number) + ": " +
                     (!tls.attempted ? "no TLS"
                      : tls.used     ? "TLS used"
                      : tls.completed ? "handshake done, then nothing sent over TLS"
                                      : "handshake failed"));
    }
    const std::string received = seen.empty() ? "no connection" : joined(seen, "; ");
    switch (check.outcome) {
      case scenario::TlsCheck::Outcome::established:
        if (used) return pass(received);
        return fail(fake_name() + ": the client never went on over TLS", "TLS established and used", received);
      case scenario::TlsCheck::Outcome::refused_by_client:
        if (unused && !used) return pass(received);
        if (used) {
          return fail(fake_name() + ": the client accepted the TLS session and went on", "the client gives up on TLS",
                      received);
        }
        return fail(fake_name() + ": the client never started TLS", "the client gives up on TLS", received);
      case scenario::TlsCheck::Outcome::none:
        if (!attempted) return pass(received);
        return fail(fake_name() + ": the client started TLS", "no TLS", received);
    }
    return fail("unknown tls check", "", received);
  }

  AssertionOutcome operator()(const scenario::EnvelopeCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    std::string expected;
    if (check.mail_from) expected += "MAIL FROM:<" + *check.mail_from + ">";
    if (check.rcpt_to) {
      for (const auto& rcpt : *check.rcpt_to) expected += (expected.empty() ? "" : " ") + std::string("RCPT TO:<") + rcpt + ">";
    }
    std::vector<std::string> seen;
    for (const ObservedTransaction& transaction : transactions()) {
      const bool from_ok = !check.mail_from || *check.mail_from == transaction.mail_from;
      const bool rcpt_ok = !check.rcpt_to || *check.rcpt_to == transaction.rcpt_to;
      std::string text = "MAIL FROM:<" + transaction.mail_from + ">";
      for (const auto& rcpt : transaction.rcpt_to) text += " RCPT TO:<" + rcpt + ">";
      if (from_ok && rcpt_ok) return pass(text);
      seen.push_back(text);
    }
    return fail("smtp: no completed transaction has this envelope", expected,
                seen.empty() ? "no completed transaction" : joined(seen, "; "));
  }

  AssertionOutcome operator()(const scenario::DataEqualsCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    const std::vector<ObservedTransaction> received = transactions();
    for (const ObservedTransaction& transaction : received) {
      if (transaction.message == check.bytes) return pass(std::to_string(check.bytes.size()) + " bytes, equal");
    }
    if (received.empty()) {
      return fail("smtp: no message was received", check.file + " (" + std::to_string(check.bytes.size()) + " bytes)",
                  "no completed transaction");
    }
    const std::string& last = received.back().message;
    std::size_t at = 0;
    while (at < last.size() && at < check.bytes.size() && last[at] == check.bytes[at]) ++at;
    const std::size_t from = at > 20 ? at - 20 : 0;
    return fail("smtp: the message differs from " + check.file + " at byte " + std::to_string(at) + " (" +
                    std::to_string(last.size()) + " bytes received, " + std::to_string(check.bytes.size()) +
                    " expected)",
                shown(std::string_view(check.bytes).substr(from, 80)), shown(std::string_view(last).substr(from, 80)));
  }

  AssertionOutcome operator()(const scenario::DataMatchesCheck& check) const {
    if (auto missing = no_fake()) return *missing;
    const std::vector<ObservedTransaction> received = transactions();
    for (const ObservedTransaction& transaction : received) {
      auto result = check.match.match(transaction.message, variables_);
      if (!result.error.empty()) return fail(result.error, check.match.describe(), "");
      if (result.matched) return pass();
    }
    return fail("smtp: no message received matches", check.match.describe(),
                received.empty() ? "no completed transaction" : shown(received.back().message, 600));
  }

  AssertionOutcome operator()(const scenario::DnsQueriesCheck& check) const {
    std::size_t from = 0;
    std::vector<std::string> log;
    for (const auto& query : observed_.dns_queries) log.push_back(query.name + " " + query.type + " " + query.transport);
    const std::string received = log.empty() ? "no queries" : joined(log, "; ");
    std::vector<std::string> wanted;
    for (const auto& query : check.queries) {
      wanted.push_back(query.name + (query.type.empty() ? "" : " " + query.type) +
                       (query.transport.empty() ? "" : " " + query.transport));
    }
    const std::string expected = joined(wanted, ", then ");
    for (const auto& query : check.queries) {
      bool found = false;
      for (; from < observed_.dns_queries.size(); ++from) {
        const ObservedDnsQuery& seen = observed_.dns_queries[from];
        if (dns_name(seen.name) == dns_name(query.name) && (query.type.empty() || seen.type == query.type) &&
            (query.transport.empty() || seen.transport == query.transport)) {
          found = true;
          ++from;
          break;
        }
      }
      if (!found) {
        return fail("dns: no query " + query.name + (query.type.empty() ? "" : " " + query.type) +
                        (query.transport.empty() ? "" : " over " + query.transport) +
                        (&query == &check.queries.front() ? "" : " after the ones before it"),
                    expected, received);
      }
    }
    return pass(received);
  }

  AssertionOutcome operator()(const scenario::StoreCheck& check) const {
    const std::string expected = std::to_string(check.count) + " message" + (check.count == 1 ? "" : "s") + " in " +
                                 check.user + "'s " + check.mailbox;
    if (!observed_.message_count) return fail("the store was not kept after the run", expected, "no store");
    const auto count = observed_.message_count(check.user, check.mailbox);
    if (!count) return fail("no mailbox " + check.mailbox + " for user " + check.user, expected, "no such mailbox");
    const std::string received = std::to_string(*count) + " message" + (*count == 1 ? "" : "s");
    if (*count == check.count) return pass(received);
    return fail("the store holds " + received + " in " + check.user + "'s " + check.mailbox, expected, received);
  }

 private:
  std::string fake_name() const { return assertion_.fake; }

  std::optional<AssertionOutcome> no_fake() const {
    if (fake_) return std::nullopt;
    return fail("no " + assertion_.fake + " fake ran in this scenario", assertion_.fake + " fake", "none");
  }

  std::vector<ObservedTransaction> transactions() const {
    std::vector<ObservedTransaction> out;
    if (!fake_) return out;
    for (const ObservedTransaction& transaction : fake_->transactions) {
      if (assertion_.connection && *assertion_.connection != transaction.connection) continue;
      out.push_back(transaction);
    }
    return out;
  }

  bool matches(const TextMatch& match, std::string_view text, std::string& error) const {
    auto result = match.match(text, variables_);
    if (!result.error.empty()) error = result.error;
    return result.matched;
  }

  std::optional<NumberedLine> first_match(const TextMatch& match, std::string& error) const {
    for (std::size_t c = 0; c < lines_.size(); ++c) {
      for (const ClientLine& line : lines_[c]) {
        if (matches(match, line.text, error)) return NumberedLine{connections_[c]->number, &line};
        if (!error.empty()) return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::size_t line_count() const {
    std::size_t count = 0;
    for (const auto& lines : lines_) count += lines.size();
    return count;
  }

  // The lines of connection `c` up to `upto`, the last few of them.
  std::string lines_text(std::size_t c, std::size_t upto) const {
    std::vector<std::string> out;
    const std::size_t from = upto + 1 > kShownLines ? upto + 1 - kShownLines : 0;
    for (std::size_t i = from; i <= upto && i < lines_[c].size(); ++i) {
      out.push_back(describe(NumberedLine{connections_[c]->number, &lines_[c][i]}));
    }
    return joined(out, " | ");
  }

  // The client's last few lines over all connections.
  std::string recent_lines() const {
    std::vector<std::string> out;
    for (std::size_t c = 0; c < lines_.size(); ++c) {
      for (const ClientLine& line : lines_[c]) out.push_back(describe(NumberedLine{connections_[c]->number, &line}));
    }
    if (out.empty()) return connections_.empty() ? "no connection" : "no line from the client";
    if (out.size() > kShownLines) out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(kShownLines));
    return joined(out, " | ");
  }

  const ClientAssertion& assertion_;
  const ClientObservation& observed_;
  const scenario::Variables& variables_;
  const ObservedFake* fake_ = nullptr;
  std::vector<const ObservedConnection*> connections_;  // those the assertion looks at
  std::vector<std::vector<ClientLine>> lines_;          // per connection
};

std::string summary_of(const ClientAssertion& assertion) {
  std::string text = assertion.kind;
  if (!assertion.fake.empty()) text = assertion.fake + ": " + text;
  if (assertion.connection) text += " (connection #" + std::to_string(*assertion.connection) + ")";
  std::visit(
      [&](const auto& check) {
        using T = std::decay_t<decltype(check)>;
        if constexpr (std::is_same_v<T, scenario::ExitCheck>) {
          if (check.kind == scenario::ExitCheck::Kind::nonzero) text += " nonzero";
          if (check.kind == scenario::ExitCheck::Kind::timeout) text += " timeout";
          for (int code : check.codes) text += " " + std::to_string(code);
        } else if constexpr (std::is_same_v<T, scenario::OutputCheck> || std::is_same_v<T, scenario::DataMatchesCheck>) {
          text += " " + check.match.describe();
        } else if constexpr (std::is_same_v<T, scenario::SentCheck> || std::is_same_v<T, scenario::NotSentCheck> ||
                             std::is_same_v<T, scenario::SentLastCheck>) {
          text += " " + check.line.describe();
        } else if constexpr (std::is_same_v<T, scenario::SentBeforeCheck>) {
          text += " " + check.earlier.describe() + " before " + check.later.describe();
        } else if constexpr (std::is_same_v<T, scenario::NotSentBeforeTlsCheck>) {
          for (const auto& line : check.lines) text += " " + line.describe();
        } else if constexpr (std::is_same_v<T, scenario::ConnectionsCheck>) {
          text += " " + std::to_string(check.count);
        } else if constexpr (std::is_same_v<T, scenario::TlsCheck>) {
          text += check.outcome == scenario::TlsCheck::Outcome::established         ? " established"
                  : check.outcome == scenario::TlsCheck::Outcome::refused_by_client ? " refused_by_client"
                                                                                    : " none";
        } else if constexpr (std::is_same_v<T, scenario::EnvelopeCheck>) {
          if (check.mail_from) text += " from <" + *check.mail_from + ">";
          if (check.rcpt_to) text += " to <" + joined(*check.rcpt_to, ">, <") + ">";
        } else if constexpr (std::is_same_v<T, scenario::DataEqualsCheck>) {
          text += " " + check.file;
        } else if constexpr (std::is_same_v<T, scenario::DnsQueriesCheck>) {
          text += " " + std::to_string(check.queries.size()) + " in order";
        } else if constexpr (std::is_same_v<T, scenario::StoreCheck>) {
          text += " " + check.user + "/" + check.mailbox + " holds " + std::to_string(check.count);
        }
      },
      assertion.check);
  if (!assertion.rfc.empty()) text += " [" + joined(assertion.rfc, "; ") + "]";
  return text;
}

}  // namespace

std::vector<ClientLine> client_lines(const std::vector<net::TranscriptEvent>& events) {
  std::vector<ClientLine> lines;
  std::string pending;
  bool tls = false;
  auto flush_partial = [&] {
    if (!pending.empty()) lines.push_back({std::move(pending), tls});
    pending.clear();
  };
  for (const net::TranscriptEvent& event : events) {
    if (event.direction == net::Direction::tls_event) {
      if (event.bytes.starts_with("handshake ok")) {
        flush_partial();
        tls = true;
      }
      continue;
    }
    if (event.direction != net::Direction::client_to_server) continue;
    pending += event.bytes;
    std::size_t start = 0;
    for (std::size_t lf = pending.find('\n'); lf != std::string::npos; lf = pending.find('\n', start)) {
      std::size_t end = lf;
      if (end > start && pending[end - 1] == '\r') --end;
      lines.push_back({pending.substr(start, end - start), tls});
      start = lf + 1;
    }
    pending.erase(0, start);
  }
  flush_partial();
  return lines;
}

ConnectionTls connection_tls(const std::vector<net::TranscriptEvent>& events) {
  ConnectionTls tls;
  for (const net::TranscriptEvent& event : events) {
    if (event.direction == net::Direction::tls_event) {
      if (event.bytes.starts_with("handshake ok")) {
        tls.attempted = true;
        tls.completed = true;
      } else if (event.bytes.starts_with("handshake failed")) {
        tls.attempted = true;
      }
    } else if (event.direction == net::Direction::client_to_server && tls.completed && !event.bytes.empty()) {
      tls.used = true;
    }
  }
  return tls;
}

AssertionOutcome evaluate_assertion(const ClientAssertion& assertion, const ClientObservation& observed,
                                    const scenario::Variables& variables) {
  Evaluator evaluator(assertion, observed, variables);
  AssertionOutcome outcome = std::visit(evaluator, assertion.check);
  outcome.summary = summary_of(assertion);
  return outcome;
}

}  // namespace conformance::engine
