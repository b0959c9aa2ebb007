#include "harness/protocols/pop3/reply_matcher.hpp"

#include <algorithm>
#include <charconv>

#include "harness/codec/mime/header.hpp"
#include "harness/codec/pop3/dot_stuffing.hpp"
#include "harness/codec/pop3/listings.hpp"
#include "harness/codec/pop3/response_code.hpp"
#include "harness/protocols/pop3/ascii.hpp"
#include "harness/protocols/pop3/reply_text.hpp"

namespace conformance::protocols::pop3 {
namespace {

using codec::pop3::Response;
using codec::pop3::Status;
using scenario::TextMatch;
using scenario::Variables;

std::string quoted(std::string_view text) { return "'" + escape_text(text, 120) + "'"; }

bool status_is(Status status, ExpectedStatus expected) {
  switch (expected) {
    case ExpectedStatus::ok:
      return status == Status::ok;
    case ExpectedStatus::err:
      return status == Status::err;
    case ExpectedStatus::continuation:
      return status == Status::continuation;
  }
  return false;
}

// One capability line split into its tag and parameters, upper-cased. Loose
// on purpose: a malformed line is a finding of the conversation, and the
// check here should still see what the server meant.
struct CapabilityLine {
  std::string tag;
  std::vector<std::string> params;
};

CapabilityLine split_capability(std::string_view line) {
  CapabilityLine out;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) {
      std::string word = upper(line.substr(start, end - start));
      if (out.tag.empty())
        out.tag = std::move(word);
      else
        out.params.push_back(std::move(word));
    }
    start = end + 1;
  }
  return out;
}

// "SASL=PLAIN" and "SASL PLAIN" both mean tag SASL with parameter PLAIN.
CapabilityLine capability_item(std::string_view item) {
  const std::size_t equals = item.find('=');
  if (equals != std::string_view::npos && item.find(' ') == std::string_view::npos)
    return CapabilityLine{upper(item.substr(0, equals)), {upper(item.substr(equals + 1))}};
  return split_capability(item);
}

bool advertises(const std::vector<CapabilityLine>& capabilities, const CapabilityLine& item) {
  for (const auto& capability : capabilities) {
    if (capability.tag != item.tag) continue;
    const bool all = std::all_of(item.params.begin(), item.params.end(), [&](const std::string& param) {
      return std::find(capability.params.begin(), capability.params.end(), param) != capability.params.end();
    });
    if (all) return true;
  }
  return false;
}

class Matcher {
 public:
  explicit Matcher(const Variables& variables) : variables_(variables) {}

  MatchResult run(const ReplyExpectation& expectation, const Response& response) {
    if (check(expectation, response)) return MatchResult{true, {}, std::move(captures_)};
    return MatchResult{false, std::move(reason_), {}};
  }

 private:
  bool fail(std::string reason) {
    reason_ = std::move(reason);
    return false;
  }

  bool check(const ReplyExpectation& expectation, const Response& response) {
    if (expectation.status && !status_is(response.status, *expectation.status))
      return fail("expected " + std::string(to_string(*expectation.status)) + ", got " + status_line_text(response));
    if (expectation.code && !check_code(*expectation.code, response)) return false;
    if (expectation.text && !text(*expectation.text, response.text, "the reply text")) return false;
    if (expectation.multiline && *expectation.multiline && response.status == Status::ok && !response.body)
      return fail("expected a multi-line reply, got the single line " + status_line_text(response));
    if (expectation.lines && !check_lines(*expectation.lines, response)) return false;
    if (expectation.stat && !check_stat(*expectation.stat, response)) return false;
    if (expectation.listing && !check_listing(*expectation.listing, response)) return false;
    if (expectation.capa && !check_capa(*expectation.capa, response)) return false;
    if (expectation.message && !check_message(*expectation.message, response)) return false;
    if (!expectation.one_of.empty() && !check_one_of(expectation.one_of, response)) return false;
    return true;
  }

  bool check_code(const std::string& expected, const Response& response) {
    if (!response.code) return fail("expected response code [" + expected + "], got " + status_line_text(response));
    if (!codec::pop3::is_code(*response.code, expected))
      return fail("expected response code [" + expected + "], got [" + codec::pop3::to_string(*response.code) + "]");
    return true;
  }

  // --- Values ---

  std::optional<std::uint64_t> operand(const std::string& source, std::string_view what) {
    scenario::Expansion expansion;
    if (auto missing = variables_.expand(source, expansion)) {
      fail(std::string(what) + ": variable ${" + *missing + "} is not set");
      return std::nullopt;
    }
    std::uint64_t value = 0;
    const std::string& text = expansion.bytes;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
      fail(std::string(what) + ": " + quoted(expansion.rendering) + " is not a number");
      return std::nullopt;
    }
    return value;
  }

  bool number(const NumberCheck& check, std::uint64_t value, std::string_view what) {
    const std::string got = std::to_string(value);
    if (check.equals) {
      auto want = operand(*check.equals, what);
      if (!want) return false;
      if (value != *want) return fail(std::string(what) + ": expected " + std::to_string(*want) + ", got " + got);
    }
    if (check.min) {
      auto bound = operand(*check.min, what);
      if (!bound) return false;
      if (value < *bound)
        return fail(std::string(what) + ": expected at least " + std::to_string(*bound) + ", got " + got);
    }
    if (check.max) {
      auto bound = operand(*check.max, what);
      if (!bound) return false;
      if (value > *bound)
        return fail(std::string(what) + ": expected at most " + std::to_string(*bound) + ", got " + got);
    }
    if (!check.capture.empty()) captures_[check.capture] = got;
    return true;
  }

  bool matches(const TextMatch& match, std::string_view value, std::string_view what) {
    TextMatch::Outcome outcome = match.match(value, variables_);
    if (!outcome.error.empty()) return fail(std::string(what) + ": " + outcome.error);
    if (!outcome.matched) return fail(std::string(what) + " " + quoted(value) + " does not match " + match.describe());
    for (auto& [name, captured] : outcome.captures) captures_[name] = std::move(captured);
    return true;
  }

  bool text(const TextCheck& check, std::string_view value, std::string_view what) {
    if (check.match && !matches(*check.match, value, what)) return false;
    if (!check.capture.empty()) captures_[check.capture] = std::string(value);
    return true;
  }

  // --- Bodies ---

  const std::vector<std::string>* body(const Response& response, std::string_view what) {
    if (response.body) return &*response.body;
    fail(std::string(what) + " needs a multi-line reply, got the single line " + status_line_text(response));
    return nullptr;
  }

  bool check_lines(const LinesCheck& check, const Response& response) {
    const auto* lines = body(response, "'lines'");
    if (!lines) return false;
    if (check.count && !number(*check.count, lines->size(), "number of lines")) return false;
    if (check.any) {
      const bool found = std::any_of(lines->begin(), lines->end(), [&](const std::string& line) {
        return check.any->match(line, variables_).matched;
      });
      if (!found) return fail("no line of the reply matches " + check.any->describe());
    }
    for (std::size_t i = 0; check.each && i < lines->size(); ++i) {
      if (!matches(*check.each, (*lines)[i], "line " + std::to_string(i + 1))) return false;
    }
    for (std::size_t i = 0; check.none && i < lines->size(); ++i) {
      if (check.none->match((*lines)[i], variables_).matched)
        return fail("line " + std::to_string(i + 1) + " " + quoted((*lines)[i]) + " matches " + check.none->describe() +
                    ", which no line may");
    }
    return true;
  }

  bool check_stat(const StatCheck& check, const Response& response) {
    auto listing = codec::pop3::parse_drop_listing(response.text);
    if (!listing)
      return fail("STAT reply " + quoted(response.text) +
                  " is not \"count size\" (RFC 1939 §5): " + listing.error().message());
    if (check.count && !number(*check.count, listing->messages, "message count")) return false;
    if (check.size && !number(*check.size, listing->octets, "maildrop size")) return false;
    return true;
  }

  bool check_listing(const ListingCheck& check, const Response& response) {
    return check.kind == ListingCheck::Kind::scan ? check_scan(check, response) : check_unique_ids(check, response);
  }

  // The listing `check.message` names (or the only one); null after a failure.
  template <class Listing>
  const Listing* pick(const ListingCheck& check, const std::vector<Listing>& listings, std::string_view command) {
    if (check.message) {
      auto number = operand(*check.message, "message");
      if (!number) return nullptr;
      for (const auto& listing : listings)
        if (listing.message == *number) return &listing;
      fail(std::string(command) + " has no listing for message " + std::to_string(*number));
      return nullptr;
    }
    if (listings.size() == 1) return &listings.front();
    fail(std::string(command) + " gave " + std::to_string(listings.size()) +
         " listings; say which with 'message:' to check one");
    return nullptr;
  }

  bool check_scan(const ListingCheck& check, const Response& response) {
    std::vector<codec::pop3::ScanListing> listings;
    if (response.body) {
      auto parsed = codec::pop3::parse_scan_listings(*response.body);
      if (!parsed) return fail("LIST body is not scan listings (RFC 1939 §5): " + parsed.error().message());
      listings = std::move(*parsed);
    } else {
      auto parsed = codec::pop3::parse_scan_listing(response.text);
      if (!parsed)
        return fail("LIST reply " + quoted(response.text) +
                    " is not a scan listing (RFC 1939 §5): " + parsed.error().message());
      listings.push_back(std::move(*parsed));
    }
    if (check.count && !number(*check.count, listings.size(), "number of listings")) return false;
    if (!check.message && !check.size) return true;
    const auto* listing = pick(check, listings, "LIST");
    if (!listing) return false;
    if (check.size && !number(*check.size, listing->octets, "size of message " + std::to_string(listing->message)))
      return false;
    return true;
  }

  bool check_unique_ids(const ListingCheck& check, const Response& response) {
    std::vector<codec::pop3::UniqueIdListing> listings;
    if (response.body) {
      auto parsed = codec::pop3::parse_unique_id_listings(*response.body);
      if (!parsed) return fail("UIDL body is not unique-id listings (RFC 1939 §7): " + parsed.error().message());
      listings = std::move(*parsed);
      // "uniquely identifies a message within a maildrop" (RFC 1939 §7).
      std::map<std::string, codec::pop3::MessageNumber> seen;
      for (const auto& listing : listings) {
        auto [at, fresh] = seen.emplace(listing.uid, listing.message);
        if (!fresh)
          return fail("UIDL gives messages " + std::to_string(at->second) + " and " + std::to_string(listing.message) +
                      " the same unique-id " + quoted(listing.uid) + " (RFC 1939 §7)");
      }
    } else {
      auto parsed = codec::pop3::parse_unique_id_listing(response.text);
      if (!parsed)
        return fail("UIDL reply " + quoted(response.text) +
                    " is not a unique-id listing (RFC 1939 §7): " + parsed.error().message());
      listings.push_back(std::move(*parsed));
    }
    if (check.count && !number(*check.count, listings.size(), "number of listings")) return false;
    if (!check.message && !check.uid) return true;
    const auto* listing = pick(check, listings, "UIDL");
    if (!listing) return false;
    if (check.uid && !text(*check.uid, listing->uid, "unique-id of message " + std::to_string(listing->message)))
      return false;
    return true;
  }

  bool check_capa(const CapaCheck& check, const Response& response) {
    const auto* lines = body(response, "'capa'");
    if (!lines) return false;
    std::vector<CapabilityLine> capabilities;
    for (const auto& line : *lines) capabilities.push_back(split_capability(line));
    for (const auto& item : check.has) {
      if (!advertises(capabilities, capability_item(item)))
        return fail("CAPA does not advertise " + quoted(item) + " (" + std::to_string(lines->size()) +
                    " capabilities listed)");
    }
    for (const auto& item : check.lacks) {
      if (advertises(capabilities, capability_item(item))) return fail("CAPA advertises " + quoted(item));
    }
    return true;
  }

  bool check_message(const MessageCheck& check, const Response& response) {
    const auto* lines = body(response, "'message'");
    if (!lines) return false;
    const std::string content = codec::pop3::join_lines(*lines);
    if (check.size && !number(*check.size, content.size(), "message size in octets")) return false;
    if (check.headers.empty() && !check.body && !check.body_lines) return true;
    auto header = codec::mime::parse_header_section(content);
    if (!header) return fail("the message's header section does not parse: " + header.error().message());
    for (const auto& [name, condition] : check.headers) {
      const auto* field = header->find(name);
      if (!field) return fail("the message has no " + name + " header field");
      if (!text(condition, field->unfolded(), "header field " + name)) return false;
    }
    const std::string_view body_text = std::string_view(content).substr(header->serialized_size());
    if (check.body && !text(*check.body, body_text, "the message body")) return false;
    if (check.body_lines) {
      const auto count = static_cast<std::uint64_t>(std::count(body_text.begin(), body_text.end(), '\n'));
      if (!number(*check.body_lines, count, "number of body lines")) return false;
    }
    return true;
  }

  bool check_one_of(const std::vector<ReplyExpectation>& alternatives, const Response& response) {
    std::string reasons;
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      Matcher alternative(variables_);
      MatchResult result = alternative.run(alternatives[i], response);
      if (result.ok) {
        for (auto& [name, value] : result.captures) captures_[name] = std::move(value);
        return true;
      }
      reasons += (i ? "; " : "") + std::to_string(i + 1) + ": " + result.reason;
    }
    return fail("no alternative of one_of matches (" + reasons + ")");
  }

  const Variables& variables_;
  std::string reason_;
  std::map<std::string, std::string> captures_;
};

}  // namespace

MatchResult match_reply(const ReplyExpectation& expectation, const Response& response, const Variables& variables) {
  return Matcher(variables).run(expectation, response);
}

}  // namespace conformance::protocols::pop3
