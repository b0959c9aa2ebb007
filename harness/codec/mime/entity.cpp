#include "harness/codec/mime/entity.hpp"

#include "harness/codec/mime/media_type.hpp"

namespace conformance::codec::mime {

std::string boundary_of(const Entity& entity) {
  const HeaderField* field = entity.header.find("Content-Type");
  if (field == nullptr) return {};
  auto type = parse_content_type(field->unfolded());
  if (!type) return {};
  const std::string* boundary = find_parameter(type->params, "boundary");
  return boundary == nullptr ? std::string() : *boundary;
}

namespace {

void write_entity(const Entity& entity, std::string& out) {
  out += entity.header.serialize();
  switch (entity.kind) {
    case Entity::Kind::leaf: out += entity.body; return;
    case Entity::Kind::message:
      if (entity.message) write_entity(**entity.message, out);
      return;
    case Entity::Kind::multipart: break;
  }
  if (entity.parts.empty() && !entity.closed) {
    out += entity.preamble;
    return;
  }
  const std::string delimiter = "--" + boundary_of(entity);
  if (!entity.preamble.empty()) {
    out += entity.preamble;
    out += "\r\n";
  }
  for (std::size_t i = 0; i < entity.parts.size(); ++i) {
    if (i > 0) out += "\r\n";
    out += delimiter;
    out += "\r\n";
    write_entity(entity.parts[i], out);
  }
  if (entity.closed) {
    if (!entity.parts.empty()) out += "\r\n";
    out += delimiter;
    out += "--";
    out += entity.epilogue;
  }
}

}  // namespace

std::string serialize_entity(const Entity& entity) {
  std::string out;
  write_entity(entity, out);
  return out;
}

Entity to_entity(const Part& part, std::string_view input) {
  Entity out;
  out.kind = part.kind;
  out.header = part.fields;
  switch (part.kind) {
    case Part::Kind::leaf: out.body = std::string(part.body.in(input)); break;
    case Part::Kind::message:
      if (part.message) out.message = Box<Entity>(to_entity(**part.message, input));
      break;
    case Part::Kind::multipart:
      out.preamble = std::string(part.preamble.in(input));
      for (const auto& child : part.parts) out.parts.push_back(to_entity(child, input));
      out.closed = part.closed;
      out.epilogue = part.closed ? std::string(part.epilogue.in(input)) : std::string();
      break;
  }
  return out;
}

Result<Entity> parse_entity(std::string_view input, const Limits& limits) {
  auto parsed = parse_message(input, limits);
  if (!parsed) return parsed.error();
  return to_entity(parsed->root, input);
}

}  // namespace conformance::codec::mime
