#include "harness/codec/mime/section.hpp"

#include "harness/codec/mime/ascii.hpp"

namespace conformance::codec::mime {

namespace {

// A step of a part path lands on an entity seen as a body part. When that
// entity is a message (top level or encapsulated) that is not multipart, the
// "part" is the message itself taken as a single body part.
const Part* step(const Part& node, bool node_is_message, std::uint32_t number) {
  if (number == 0) return nullptr;
  const Part* message = node_is_message ? &node : nullptr;
  if (!node_is_message) {
    if (node.kind == Part::Kind::multipart)
      return number <= node.parts.size() ? &node.parts[number - 1] : nullptr;
    if (node.kind == Part::Kind::message && node.message) message = &**node.message;
  }
  if (message == nullptr) return nullptr;
  if (message->kind == Part::Kind::multipart)
    return number <= message->parts.size() ? &message->parts[number - 1] : nullptr;
  return number == 1 ? message : nullptr;
}

std::string path_text(const std::vector<std::uint32_t>& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i > 0) out += '.';
    out += std::to_string(path[i]);
  }
  return out;
}

bool listed(const std::vector<std::string>& names, std::string_view name) {
  for (const auto& candidate : names)
    if (iequals(candidate, name)) return true;
  return false;
}

}  // namespace

const Part* find_part(const Part& root, const std::vector<std::uint32_t>& path) {
  const Part* node = &root;
  bool node_is_message = true;
  for (std::uint32_t number : path) {
    node = step(*node, node_is_message, number);
    if (node == nullptr) return nullptr;
    node_is_message = false;
  }
  return node;
}

Result<std::string> fetch_section(const ParsedMessage& parsed, std::string_view input, const SectionSpec& spec) {
  const Part* node = find_part(parsed.root, spec.part);
  if (node == nullptr) return ParseError{0, "existing part " + path_text(spec.part)};
  if (node->whole().end > input.size()) return ParseError{0, "the input the message was parsed from"};

  using Text = SectionSpec::Text;
  if (spec.text == Text::none) return std::string(spec.part.empty() ? node->whole().in(input) : node->body.in(input));
  if (spec.text == Text::mime) {
    if (spec.part.empty()) return ParseError{0, "part number before MIME"};
    return std::string(node->header.in(input));
  }

  // HEADER, HEADER.FIELDS[.NOT] and TEXT apply to a message: the top level,
  // or the one inside a message/rfc822 part.
  const Part* message = node;
  if (!spec.part.empty()) {
    if (node->kind != Part::Kind::message || !node->message)
      return ParseError{0, "part " + path_text(spec.part) + " of type message/rfc822"};
    message = &**node->message;
  }
  switch (spec.text) {
    case Text::header: return std::string(message->header.in(input));
    case Text::text: return std::string(message->body.in(input));
    case Text::header_fields:
    case Text::header_fields_not: {
      const bool wanted_if_listed = spec.text == Text::header_fields;
      std::string out;
      for (const auto& field : message->fields.fields)
        if (listed(spec.header_fields, field.name) == wanted_if_listed) out += field.serialize();
      out += message->fields.separator;
      return out;
    }
    case Text::none:
    case Text::mime: break;
  }
  return ParseError{0, "section text"};
}

std::string_view partial(std::string_view bytes, std::uint64_t origin, std::optional<std::uint64_t> count) {
  if (origin >= bytes.size()) return {};
  std::string_view rest = bytes.substr(static_cast<std::size_t>(origin));
  if (count && *count < rest.size()) rest = rest.substr(0, static_cast<std::size_t>(*count));
  return rest;
}

}  // namespace conformance::codec::mime
