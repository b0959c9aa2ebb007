#include "harness/codec/mime/imap_view.hpp"

#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/content_fields.hpp"
#include "harness/codec/mime/rfc2231.hpp"

namespace conformance::codec::mime {

namespace {

imap::NString field_string(const HeaderSection& header, std::string_view name) {
  const HeaderField* field = header.find(name);
  if (field == nullptr) return std::nullopt;
  return field->unfolded();
}

imap::AddressList field_addresses(const HeaderSection& header, std::string_view name) {
  const HeaderField* field = header.find(name);
  if (field == nullptr) return {};
  auto parsed = parse_address_list(field->value);
  if (!parsed) return {};
  return to_imap_addresses(*parsed);
}

imap::Address to_imap_address(const Mailbox& box) {
  imap::Address out;
  out.name = box.display_name;
  if (!box.route.empty()) {
    std::string adl;
    for (std::size_t i = 0; i < box.route.size(); ++i) {
      adl += i == 0 ? "@" : ",@";
      adl += box.route[i];
    }
    out.adl = std::move(adl);
  }
  out.mailbox = box.local_part;
  out.host = box.domain;
  return out;
}

imap::BodyParams body_params(const Parameters& params, const BodyStructureOptions& options) {
  if (params.empty()) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> out;
  if (!options.decode_parameters) {
    for (const auto& param : params) out.emplace_back(param.name, param.value);
    return out;
  }
  for (auto& decoded : decode_parameters(params)) {
    if (!decoded.extended) {
      out.emplace_back(std::move(decoded.name), std::move(decoded.value));
    } else if (decoded.converted) {
      out.emplace_back(decoded.name + "*", std::move(decoded.value));
    } else {
      // Not convertible to UTF-8: keep the RFC 2231 form, charset included.
      out.emplace_back(decoded.name + "*", encode_ext_value(decoded.charset, decoded.language, decoded.value));
    }
  }
  return out;
}

std::optional<imap::BodyDisposition> body_disposition(const HeaderSection& header, const BodyStructureOptions& options) {
  const HeaderField* field = header.find("Content-Disposition");
  if (field == nullptr) return std::nullopt;
  auto parsed = parse_content_disposition(field->value);
  if (!parsed) return std::nullopt;
  return imap::BodyDisposition{parsed->type, body_params(parsed->params, options)};
}

std::optional<std::vector<std::string>> body_language(const HeaderSection& header) {
  const HeaderField* field = header.find("Content-Language");
  if (field == nullptr) return std::nullopt;
  auto parsed = parse_content_language(field->value);
  if (!parsed) return std::nullopt;
  return std::move(*parsed);
}

imap::NString body_location(const HeaderSection& header) {
  const HeaderField* field = header.find("Content-Location");
  if (field == nullptr) return std::nullopt;
  return parse_content_location(field->value);
}

imap::BodyStructure empty_text_part() {
  imap::BodyStructure out;
  out.type = "TEXT";
  out.subtype = "PLAIN";
  out.params = std::vector<std::pair<std::string, std::string>>{{"CHARSET", "US-ASCII"}};
  out.encoding = "7BIT";
  out.size = 0;
  out.lines = 0;
  return out;
}

std::uint32_t clamp32(std::size_t value) {
  return value > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<std::uint32_t>(value);
}

}  // namespace

imap::AddressList to_imap_addresses(const AddressList& addresses) {
  imap::AddressList out;
  for (const auto& address : addresses) {
    if (const auto* box = std::get_if<Mailbox>(&address)) {
      out.push_back(to_imap_address(*box));
      continue;
    }
    const auto& group = std::get<Group>(address);
    out.push_back(imap::Address{std::nullopt, std::nullopt, group.display_name, std::nullopt});
    for (const auto& member : group.members) out.push_back(to_imap_address(member));
    out.push_back(imap::Address{});
  }
  return out;
}

imap::Envelope compute_envelope(const HeaderSection& header) {
  imap::Envelope env;
  env.date = field_string(header, "Date");
  env.subject = field_string(header, "Subject");
  env.from = field_addresses(header, "From");
  env.sender = field_addresses(header, "Sender");
  env.reply_to = field_addresses(header, "Reply-To");
  // Sender and Reply-To default to From (RFC 9051 §7.5.2).
  if (env.sender.empty()) env.sender = env.from;
  if (env.reply_to.empty()) env.reply_to = env.from;
  env.to = field_addresses(header, "To");
  env.cc = field_addresses(header, "Cc");
  env.bcc = field_addresses(header, "Bcc");
  env.in_reply_to = field_string(header, "In-Reply-To");
  env.message_id = field_string(header, "Message-ID");
  return env;
}

imap::BodyStructure compute_body_structure(const Part& part, std::string_view input,
                                           const BodyStructureOptions& options) {
  const HeaderSection& header = part.fields;
  imap::BodyStructure out;
  if (part.kind == Part::Kind::multipart) {
    out.type = "MULTIPART";
    out.subtype = part.content_type.subtype;
    for (const auto& child : part.parts) out.parts.push_back(compute_body_structure(child, input, options));
    if (out.parts.empty()) out.parts.push_back(empty_text_part());
    if (options.extension_data) {
      imap::BodyExtensionData ext;
      ext.fields = 4;
      ext.params = body_params(part.content_type.params, options);
      ext.disposition = body_disposition(header, options);
      ext.language = body_language(header);
      ext.location = body_location(header);
      out.extension = std::move(ext);
    }
    return out;
  }

  out.type = part.content_type.type;
  out.subtype = part.content_type.subtype;
  out.params = body_params(part.content_type.params, options);
  out.id = field_string(header, "Content-ID");
  out.description = field_string(header, "Content-Description");
  out.encoding = part.transfer_encoding.empty() ? "7BIT" : part.transfer_encoding;
  const std::string_view body = part.body.in(input);
  out.size = clamp32(body.size());
  if (part.kind == Part::Kind::message && part.message) {
    const Part& inner = **part.message;
    out.message = imap::EncapsulatedMessage{compute_envelope(inner.fields),
                                            Box<imap::BodyStructure>(compute_body_structure(inner, input, options)),
                                            clamp32(count_lines(body))};
  } else if (part.content_type.is_type("text")) {
    out.lines = clamp32(count_lines(body));
  }
  if (options.extension_data) {
    imap::BodyExtensionData ext;
    ext.fields = 4;
    ext.md5 = field_string(header, "Content-MD5");
    ext.disposition = body_disposition(header, options);
    ext.language = body_language(header);
    ext.location = body_location(header);
    out.extension = std::move(ext);
  }
  return out;
}

}  // namespace conformance::codec::mime
