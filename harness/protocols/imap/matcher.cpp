#include "harness/protocols/imap/matcher.hpp"

#include <algorithm>
#include <charconv>

#include "harness/codec/imap/sequence_set.hpp"

namespace conformance::protocols::imap {

namespace {

namespace ci = codec::imap;
using scenario::TextMatch;
using scenario::Variables;

// Folds `part` into `into`; false (with `into` failed) when `part` failed.
bool merge(MatchResult& into, MatchResult part) {
  if (!part.ok) {
    into = std::move(part);
    return false;
  }
  into.captures.merge(part.captures);
  return true;
}

std::string quoted(std::string_view text) { return "\"" + one_line(text, 120) + "\""; }

MatchResult match_text(const TextMatch& match, std::string_view text, std::string_view what,
                       const Variables& variables) {
  auto outcome = match.match(text, variables);
  if (!outcome.error.empty()) return MatchResult::fail(std::string(what) + ": " + outcome.error);
  if (!outcome.matched) {
    return MatchResult::fail(std::string(what) + " " + quoted(text) + " does not match " + match.describe());
  }
  return MatchResult{true, {}, std::move(outcome.captures)};
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out.empty() ? "nothing" : out;
}

std::string status_list(const std::vector<Status>& statuses) {
  std::string out;
  for (Status status : statuses) out += (out.empty() ? "" : " or ") + std::string(ci::status_name(status));
  return out;
}

// The response after "* " and before the final CRLF, as received.
std::string_view line_of(std::string_view raw) {
  if (raw.starts_with("* ")) raw.remove_prefix(2);
  while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) raw.remove_suffix(1);
  return raw;
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

std::optional<std::uint32_t> sequence_number(const ci::Response& response) {
  if (const auto* exists = std::get_if<ci::ExistsData>(&response)) return exists->count;
  if (const auto* recent = std::get_if<ci::RecentData>(&response)) return recent->count;
  if (const auto* expunge = std::get_if<ci::ExpungeData>(&response)) return expunge->sequence;
  if (const auto* fetch = std::get_if<ci::FetchData>(&response)) return fetch->sequence;
  return std::nullopt;
}

// The list `has:`/`lacks:` look at, for each kind that has one.
std::optional<std::vector<std::string>> listed_items(const ci::Response& response) {
  if (const auto* caps = std::get_if<ci::CapabilityData>(&response)) return caps->capabilities;
  if (const auto* enabled = std::get_if<ci::EnabledData>(&response)) return enabled->capabilities;
  if (const auto* flags = std::get_if<ci::FlagsData>(&response)) return flags->flags;
  if (const auto* list = std::get_if<ci::ListData>(&response)) return list->attributes;
  if (const auto* search = std::get_if<ci::SearchData>(&response)) {
    std::vector<std::string> numbers;
    for (auto n : search->numbers) numbers.push_back(std::to_string(n));
    return numbers;
  }
  if (const auto* status = as_status(response)) {
    if (status->text.code) return status->text.code->list;
    return std::vector<std::string>{};
  }
  return std::nullopt;
}

MatchResult match_body_structure(const BodyStructureCheck& check, const ci::BodyStructure& body,
                                 const Variables& variables) {
  MatchResult result;
  auto field = [&](const std::optional<std::string>& wanted, const std::string& actual, std::string_view what) {
    if (wanted && !equals_ignoring_case(*wanted, actual)) {
      result = MatchResult::fail(std::string(what) + " is " + quoted(actual) + ", not " + quoted(*wanted));
      return false;
    }
    return true;
  };
  if (!field(check.type, body.type, "body type")) return result;
  if (!field(check.subtype, body.subtype, "body subtype")) return result;
  if (check.encoding && body.is_multipart()) return MatchResult::fail("a multipart body has no encoding");
  if (!field(check.encoding, body.encoding, "body encoding")) return result;
  if (check.size && !merge(result, match_number(*check.size, body.size, "body size", variables))) return result;
  if (check.parts && !merge(result, match_number(*check.parts, body.parts.size(), "body parts", variables))) {
    return result;
  }
  return result;
}

MatchResult match_body_section(const BodySectionCheck& check, const ci::FetchData& fetch, const Variables& variables) {
  const ci::FetchBodySection* found = nullptr;
  for (const auto& item : fetch.items) {
    const auto* section = std::get_if<ci::FetchBodySection>(&item);
    if (section && section->section == check.section) {
      found = section;
      break;
    }
  }
  if (!found) return MatchResult::fail("no BODY[" + check.section_text + "] item");
  if (check.origin && found->origin != check.origin) {
    return MatchResult::fail("BODY[" + check.section_text + "] origin is " +
                             (found->origin ? "<" + std::to_string(*found->origin) + ">" : std::string("absent")) +
                             ", not <" + std::to_string(*check.origin) + ">");
  }
  if (check.nil) {
    if (found->data) return MatchResult::fail("BODY[" + check.section_text + "] is not NIL");
    return {};
  }
  const std::string data = found->data.value_or("");
  MatchResult result;
  const std::string what = "BODY[" + check.section_text + "]";
  if (check.size && !merge(result, match_number(*check.size, data.size(), what + " size", variables))) return result;
  if (check.text && !merge(result, match_text(*check.text, data, what, variables))) return result;
  return result;
}

const ci::NString* envelope_field(const ci::Envelope& envelope, std::string_view field) {
  if (field == "date") return &envelope.date;
  if (field == "subject") return &envelope.subject;
  if (field == "in_reply_to") return &envelope.in_reply_to;
  if (field == "message_id") return &envelope.message_id;
  return nullptr;
}

const ci::AddressList* envelope_addresses(const ci::Envelope& envelope, std::string_view field) {
  if (field == "from") return &envelope.from;
  if (field == "sender") return &envelope.sender;
  if (field == "reply_to") return &envelope.reply_to;
  if (field == "to") return &envelope.to;
  if (field == "cc") return &envelope.cc;
  if (field == "bcc") return &envelope.bcc;
  return nullptr;
}

MatchResult match_fetch(const UntaggedCondition& condition, const ci::FetchData& fetch, const Variables& variables) {
  MatchResult result;
  if (condition.uid) {
    const auto* uid = fetch.get<ci::FetchUid>();
    if (!uid) return MatchResult::fail("no UID item");
    if (!merge(result, match_number(*condition.uid, uid->uid, "UID", variables))) return result;
  }
  if (condition.rfc822_size) {
    const auto* size = fetch.get<ci::FetchRfc822Size>();
    if (!size) return MatchResult::fail("no RFC822.SIZE item");
    if (!merge(result, match_number(*condition.rfc822_size, size->size, "RFC822.SIZE", variables))) return result;
  }
  if (condition.flags) {
    const auto* flags = fetch.get<ci::FetchFlags>();
    if (!flags) return MatchResult::fail("no FLAGS item");
    if (!merge(result, match_items(*condition.flags, flags->flags, "FLAGS", variables))) return result;
  }
  if (!condition.envelope.empty()) {
    const auto* envelope = fetch.get<ci::FetchEnvelope>();
    if (!envelope) return MatchResult::fail("no ENVELOPE item");
    for (const auto& [field, match] : condition.envelope) {
      std::string text;
      if (const auto* value = envelope_field(envelope->envelope, field)) text = value->value_or("");
      if (const auto* addresses = envelope_addresses(envelope->envelope, field)) text = render_addresses(*addresses);
      if (!merge(result, match_text(match, text, "envelope " + field, variables))) return result;
    }
  }
  if (condition.body_structure) {
    const auto* body = fetch.get<ci::FetchBody>();
    if (!body) return MatchResult::fail("no BODYSTRUCTURE (or BODY) item");
    if (!merge(result, match_body_structure(*condition.body_structure, body->structure, variables))) return result;
  }
  for (const auto& section : condition.body) {
    if (!merge(result, match_body_section(section, fetch, variables))) return result;
  }
  return result;
}

MatchResult match_list(const UntaggedCondition& condition, const ci::ListData& list, const Variables& variables) {
  MatchResult result;
  if (condition.mailbox && !merge(result, match_text(*condition.mailbox, list.mailbox, "mailbox", variables))) {
    return result;
  }
  if (condition.delimiter) {
    const std::string delimiter = list.delimiter ? std::string(1, *list.delimiter) : std::string();
    if (!merge(result, match_text(*condition.delimiter, delimiter, "delimiter", variables))) return result;
  }
  return result;
}

MatchResult match_status_data(const UntaggedCondition& condition, const ci::StatusData& status,
                              const Variables& variables) {
  MatchResult result;
  if (condition.mailbox && !merge(result, match_text(*condition.mailbox, status.mailbox, "mailbox", variables))) {
    return result;
  }
  for (const auto& [name, check] : condition.status_items) {
    const ci::StatusItem* found = nullptr;
    for (const auto& item : status.items) {
      const std::string item_name = item.attribute == ci::StatusAttribute::other
                                        ? upper(item.name)
                                        : std::string(ci::status_attribute_name(item.attribute));
      if (item_name == name) found = &item;
    }
    if (!found) return MatchResult::fail("no " + name + " item");
    if (found->attribute == ci::StatusAttribute::other || found->nil) {
      return MatchResult::fail(name + " has no number");
    }
    if (!merge(result, match_number(check, found->value, name, variables))) return result;
  }
  return result;
}

std::optional<std::string> esearch_value(const ci::EsearchData& data, std::string_view name) {
  for (const auto& item : data.items) {
    switch (item.kind) {
      case ci::EsearchItem::Kind::min:
        if (name == "MIN") return std::to_string(item.number);
        break;
      case ci::EsearchItem::Kind::max:
        if (name == "MAX") return std::to_string(item.number);
        break;
      case ci::EsearchItem::Kind::count:
        if (name == "COUNT") return std::to_string(item.number);
        break;
      case ci::EsearchItem::Kind::modseq:
        if (name == "MODSEQ") return std::to_string(item.number);
        break;
      case ci::EsearchItem::Kind::all:
        if (name == "ALL") return ci::to_string(item.set);
        break;
      case ci::EsearchItem::Kind::partial:
        if (name == "PARTIAL") return item.partial_nil ? std::string("NIL") : ci::to_string(item.set);
        break;
      case ci::EsearchItem::Kind::other:
        break;
    }
  }
  return std::nullopt;
}

}  // namespace

MatchResult match_number(const NumberCheck& check, std::uint64_t value, std::string_view what,
                         const Variables& variables) {
  MatchResult result;
  if (check.equals) {
    scenario::Expansion expansion;
    if (auto missing = variables.expand(*check.equals, expansion)) {
      return MatchResult::fail(std::string(what) + ": variable ${" + *missing + "} is not set");
    }
    std::uint64_t wanted = 0;
    const char* end = expansion.bytes.data() + expansion.bytes.size();
    auto [ptr, ec] = std::from_chars(expansion.bytes.data(), end, wanted);
    if (ec != std::errc() || ptr != end || expansion.bytes.empty()) {
      return MatchResult::fail(std::string(what) + ": " + quoted(expansion.bytes) + " is not a number");
    }
    if (value != wanted) {
      return MatchResult::fail(std::string(what) + " is " + std::to_string(value) + ", not " + expansion.bytes);
    }
  }
  if (check.min && value < *check.min) {
    return MatchResult::fail(std::string(what) + " is " + std::to_string(value) + ", below " +
                             std::to_string(*check.min));
  }
  if (check.max && value > *check.max) {
    return MatchResult::fail(std::string(what) + " is " + std::to_string(value) + ", above " +
                             std::to_string(*check.max));
  }
  if (!check.capture.empty()) result.captures[check.capture] = std::to_string(value);
  return result;
}

MatchResult match_items(const ItemsCheck& check, const std::vector<std::string>& items, std::string_view what,
                        const Variables& variables) {
  auto holds = [&](const std::string& wanted) {
    return std::any_of(items.begin(), items.end(),
                       [&](const std::string& item) { return equals_ignoring_case(item, wanted); });
  };
  for (const auto& [list, must_hold] : {std::pair{&check.has, true}, std::pair{&check.lacks, false}}) {
    for (const auto& entry : *list) {
      scenario::Expansion expansion;
      if (auto missing = variables.expand(entry, expansion)) {
        return MatchResult::fail(std::string(what) + ": variable ${" + *missing + "} is not set");
      }
      if (holds(expansion.bytes) != must_hold) {
        return MatchResult::fail(std::string(what) + (must_hold ? " lacks " : " has ") + expansion.bytes + " (" +
                                 std::string(what) + ": " + join(items) + ")");
      }
    }
  }
  return {};
}

MatchResult match_code(const CodeCheck& check, const std::optional<ci::ResponseCode>& code,
                       const Variables& variables) {
  if (!code) return MatchResult::fail("no response code (expected [" + check.name + "])");
  const std::string name = code_name_text(*code);
  if (name != check.name) return MatchResult::fail("response code [" + name + "], not [" + check.name + "]");
  MatchResult result;
  const std::string value = code_value_text(*code);
  if (check.value && !merge(result, match_text(*check.value, value, "[" + name + "] value", variables))) return result;
  if (!check.items.empty() && !merge(result, match_items(check.items, code->list, "[" + name + "]", variables))) {
    return result;
  }
  if (!check.capture.empty()) result.captures[check.capture] = value;
  return result;
}

MatchResult match_condition(const UntaggedCondition& condition, const Received& received, const Variables& variables) {
  const ci::Response& response = received.response;
  const std::string type = response_type(response);
  if (type != condition.type || is_tagged(response))
    return MatchResult::fail("a " + type + " response, not " + condition.type);
  MatchResult result;
  if (condition.line && !merge(result, match_text(*condition.line, line_of(received.raw), "response", variables))) {
    return result;
  }
  if (condition.number) {
    auto number = sequence_number(response);
    if (!number) return MatchResult::fail(type + " carries no number");
    if (!merge(result, match_number(*condition.number, *number, type + " number", variables))) return result;
  }
  if (const auto* status = as_status(response)) {
    if (condition.code && !merge(result, match_code(*condition.code, status->text.code, variables))) return result;
    if (condition.text && !merge(result, match_text(*condition.text, status->text.text, "text", variables))) {
      return result;
    }
  }
  if (!condition.items.empty()) {
    auto items = listed_items(response);
    if (!items) return MatchResult::fail(type + " has no list to check");
    if (!merge(result, match_items(condition.items, *items, type, variables))) return result;
  }
  if (const auto* fetch = std::get_if<ci::FetchData>(&response)) {
    if (!merge(result, match_fetch(condition, *fetch, variables))) return result;
  }
  if (const auto* list = std::get_if<ci::ListData>(&response)) {
    if (!merge(result, match_list(condition, *list, variables))) return result;
  }
  if (const auto* status = std::get_if<ci::StatusData>(&response)) {
    if (!merge(result, match_status_data(condition, *status, variables))) return result;
  }
  if (const auto* esearch = std::get_if<ci::EsearchData>(&response)) {
    for (const auto& [name, match] : condition.esearch_items) {
      auto value = esearch_value(*esearch, name);
      if (!value) return MatchResult::fail("ESEARCH has no " + name);
      if (!merge(result, match_text(match, *value, "ESEARCH " + name, variables))) return result;
    }
  }
  return result;
}

MatchResult match_tagged(const TaggedCheck& check, const ci::StatusResponse& response, const Variables& variables) {
  if (!check.statuses.empty() &&
      std::find(check.statuses.begin(), check.statuses.end(), response.status) == check.statuses.end()) {
    return MatchResult::fail("status " + std::string(ci::status_name(response.status)) + ", not " +
                             status_list(check.statuses) +
                             (response.text.text.empty() ? std::string() : ": " + one_line(response.text.text, 200)));
  }
  MatchResult result;
  if (check.code && !merge(result, match_code(*check.code, response.text.code, variables))) return result;
  if (check.text && !merge(result, match_text(*check.text, response.text.text, "text", variables))) return result;
  return result;
}

MatchResult match_continuation(const ContinuationCheck& check, const ci::ContinuationRequest& request,
                               const Variables& variables) {
  if (!check.text) return {};
  return match_text(*check.text, request.text.text, "continuation text", variables);
}

MatchResult match_greeting(const GreetingCheck& check, const ci::Response& response, const Variables& variables) {
  const auto* status = as_status(response);
  if (!status || status->tag)
    return MatchResult::fail("the greeting is a " + response_type(response) +
                             " response, not untagged OK, PREAUTH or BYE");
  const std::vector<Status> allowed =
      check.statuses.empty() ? std::vector<Status>{Status::ok, Status::preauth} : check.statuses;
  if (std::find(allowed.begin(), allowed.end(), status->status) == allowed.end()) {
    return MatchResult::fail("greeting " + std::string(ci::status_name(status->status)) + ", not " +
                             status_list(allowed));
  }
  MatchResult result;
  if (check.code && !merge(result, match_code(*check.code, status->text.code, variables))) return result;
  if (check.text && !merge(result, match_text(*check.text, status->text.text, "text", variables))) return result;
  return result;
}

}  // namespace conformance::protocols::imap
