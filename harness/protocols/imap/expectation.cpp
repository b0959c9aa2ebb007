#include "harness/protocols/imap/expectation.hpp"

namespace conformance::protocols::imap {

namespace {

void append(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += ", ";
  out += part;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

std::string statuses_text(const std::vector<Status>& statuses) {
  std::string out;
  for (Status status : statuses) out += (out.empty() ? "" : "|") + std::string(codec::imap::status_name(status));
  return out;
}

}  // namespace

std::string NumberCheck::describe() const {
  std::string out;
  if (equals) append(out, "= " + *equals);
  if (min) append(out, ">= " + std::to_string(*min));
  if (max) append(out, "<= " + std::to_string(*max));
  if (!capture.empty()) append(out, "-> ${" + capture + "}");
  return out.empty() ? "any" : out;
}

std::string ItemsCheck::describe() const {
  std::string out;
  if (!has.empty()) append(out, "has " + join(has));
  if (!lacks.empty()) append(out, "lacks " + join(lacks));
  return out;
}

std::string CodeCheck::describe() const {
  std::string out = "[" + name + "]";
  if (value) out += " value " + value->describe();
  if (!items.empty()) out += " " + items.describe();
  if (!capture.empty()) out += " -> ${" + capture + "}";
  return out;
}

std::string TaggedCheck::describe() const {
  std::string out = tag + " " + (statuses.empty() ? std::string("OK|NO|BAD") : statuses_text(statuses));
  if (code) out += " " + code->describe();
  if (text) out += " text " + text->describe();
  return out;
}

std::string BodyStructureCheck::describe() const {
  std::string out;
  if (type) append(out, "type " + *type);
  if (subtype) append(out, "subtype " + *subtype);
  if (encoding) append(out, "encoding " + *encoding);
  if (size) append(out, "size " + size->describe());
  if (parts) append(out, "parts " + parts->describe());
  return "bodystructure (" + out + ")";
}

std::string BodySectionCheck::describe() const {
  std::string out = "BODY[" + section_text + "]";
  if (origin) out += "<" + std::to_string(*origin) + ">";
  if (nil) out += " NIL";
  if (text) out += " " + text->describe();
  if (size) out += " size " + size->describe();
  return out;
}

std::string UntaggedCondition::describe() const {
  std::string out;
  if (number) append(out, "number " + number->describe());
  if (code) append(out, "code " + code->describe());
  if (text) append(out, "text " + text->describe());
  if (line) append(out, "line " + line->describe());
  append(out, items.describe());
  if (uid) append(out, "uid " + uid->describe());
  if (rfc822_size) append(out, "rfc822_size " + rfc822_size->describe());
  if (flags) append(out, "flags " + flags->describe());
  for (const auto& [field, match] : envelope) append(out, "envelope " + field + " " + match.describe());
  if (body_structure) append(out, body_structure->describe());
  for (const auto& section : body) append(out, section.describe());
  if (mailbox) append(out, "mailbox " + mailbox->describe());
  if (delimiter) append(out, "delimiter " + delimiter->describe());
  for (const auto& [name, check] : status_items) append(out, name + " " + check.describe());
  for (const auto& [name, match] : esearch_items) append(out, name + " " + match.describe());
  std::string head = "* " + type;
  if (count) head += " x" + std::to_string(*count);
  return out.empty() ? head : head + " (" + out + ")";
}

std::string ContinuationCheck::describe() const {
  return text ? "+ continuation, text " + text->describe() : std::string("+ continuation");
}

std::string GreetingCheck::describe() const {
  std::string out = "greeting " + (statuses.empty() ? std::string("OK|PREAUTH") : statuses_text(statuses));
  if (code) out += " " + code->describe();
  if (text) out += " text " + text->describe();
  return out;
}

ImapExpect::Until ImapExpect::until() const {
  if (greeting) return Until::greeting;
  if (continuation) return Until::continuation;
  if (!tagged.empty()) return Until::tagged;
  if (bye) return Until::bye;
  return Until::untagged;
}

std::string ImapExpect::describe() const {
  std::string out;
  if (greeting) append(out, greeting->describe());
  for (const auto& condition : untagged) append(out, condition.describe());
  if (bye) append(out, "* BYE");
  for (const auto& condition : absent) append(out, "no " + condition.describe());
  if (continuation) append(out, continuation->describe());
  for (const auto& check : tagged) append(out, check.describe());
  return out;
}

}  // namespace conformance::protocols::imap
