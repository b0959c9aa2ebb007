#include "harness/codec/mime/builder.hpp"

#include <cstdint>

#include "harness/codec/mime/encoded_word.hpp"
#include "harness/codec/mime/media_type.hpp"
#include "harness/codec/mime/rfc2231.hpp"
#include "harness/codec/mime/transfer_encoding.hpp"

namespace conformance::codec::mime {

namespace {

std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

// 7bit data (RFC 2045 §2.7): US-ASCII without NUL, lines of at most 998.
bool is_7bit_text(std::string_view crlf_text) {
  std::size_t line = 0;
  for (char c : crlf_text) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0 || u >= 0x80) return false;
    if (c == '\n') line = 0;
    else if (c != '\r' && ++line > 998) return false;
  }
  return true;
}

void add_field(Entity& entity, std::string_view name, std::string_view value) {
  entity.header.fields.push_back(make_header_field(name, value));
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

std::string hex64(std::uint64_t value) {
  std::string out(16, '0');
  for (std::size_t i = 0; i < 16; ++i) out[15 - i] = "0123456789abcdef"[(value >> (4 * i)) & 0xF];
  return out;
}

}  // namespace

Entity make_text_part(std::string_view text, std::string_view subtype) {
  Entity part;
  part.header.separator = "\r\n";
  const std::string body = to_crlf(text);
  bool ascii = true;
  for (char c : body) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  const bool seven_bit = is_7bit_text(body);
  MediaType type{"text", std::string(subtype), {Parameter{"charset", ascii ? "us-ascii" : "utf-8"}}};
  add_field(part, "Content-Type", serialize_content_type(type));
  add_field(part, "Content-Transfer-Encoding", seven_bit ? "7bit" : "quoted-printable");
  part.body = seven_bit ? body : encode_quoted_printable(body);
  return part;
}

Entity make_attachment(std::string_view filename, std::string_view media_type, std::string_view content) {
  Entity part;
  part.header.separator = "\r\n";
  MediaType type{"application", "octet-stream", {}};
  if (auto parsed = parse_content_type(media_type); parsed && parsed->params.empty()) type = std::move(*parsed);
  type.params = encode_parameter("name", filename);
  add_field(part, "Content-Type", serialize_content_type(type));
  add_field(part, "Content-Disposition",
            serialize_content_disposition(Disposition{"attachment", encode_parameter("filename", filename)}));
  add_field(part, "Content-Transfer-Encoding", "base64");
  part.body = encode_base64_lines(content);
  return part;
}

Entity make_multipart(std::string_view subtype, std::vector<Entity> parts) {
  std::vector<std::string> serialized;
  std::uint64_t hash = fnv1a(subtype);
  for (const auto& part : parts) {
    serialized.push_back(serialize_entity(part));
    hash = fnv1a(serialized.back(), hash);
  }
  // "=_" cannot occur in base64 or quoted-printable text, so a clash needs a
  // part written in 7bit that happens to contain the exact candidate.
  std::string boundary;
  for (std::uint64_t attempt = 0;; ++attempt) {
    boundary = "=_conformance_" + hex64(hash + attempt);
    const std::string delimiter = "--" + boundary;
    bool clash = false;
    for (const auto& text : serialized) clash = clash || text.find(delimiter) != std::string::npos;
    if (!clash) break;
  }
  Entity entity;
  entity.kind = Entity::Kind::multipart;
  entity.header.separator = "\r\n";
  add_field(entity, "Content-Type",
            serialize_content_type(MediaType{"multipart", std::string(subtype), {Parameter{"boundary", boundary}}}));
  entity.parts = std::move(parts);
  entity.closed = true;
  entity.epilogue = "\r\n";
  return entity;
}

Entity make_message_part(Entity message) {
  Entity entity;
  entity.kind = Entity::Kind::message;
  entity.header.separator = "\r\n";
  add_field(entity, "Content-Type", "message/rfc822");
  entity.message = Box<Entity>(std::move(message));
  return entity;
}

Entity compose_message(const MessageFields& fields, Entity body) {
  Entity message = std::move(body);
  HeaderSection content_header = std::move(message.header);
  message.header = HeaderSection{};
  message.header.separator = "\r\n";
  if (fields.date) add_field(message, "Date", serialize_date_time(*fields.date));
  if (!fields.from.empty()) add_field(message, "From", serialize_address_list(fields.from));
  if (fields.sender) add_field(message, "Sender", serialize_mailbox(*fields.sender));
  if (!fields.reply_to.empty()) add_field(message, "Reply-To", serialize_address_list(fields.reply_to));
  if (!fields.to.empty()) add_field(message, "To", serialize_address_list(fields.to));
  if (!fields.cc.empty()) add_field(message, "Cc", serialize_address_list(fields.cc));
  if (!fields.bcc.empty()) add_field(message, "Bcc", serialize_address_list(fields.bcc));
  if (fields.message_id) add_field(message, "Message-ID", serialize_message_id(*fields.message_id));
  if (!fields.in_reply_to.empty()) add_field(message, "In-Reply-To", serialize_message_id_list(fields.in_reply_to));
  if (!fields.references.empty()) add_field(message, "References", serialize_message_id_list(fields.references));
  if (!fields.subject.empty()) add_field(message, "Subject", encode_header_text(fields.subject));
  for (const auto& [name, value] : fields.extra) add_field(message, name, value);
  add_field(message, "MIME-Version", "1.0");
  for (auto& field : content_header.fields) message.header.fields.push_back(std::move(field));
  return message;
}

}  // namespace conformance::codec::mime
