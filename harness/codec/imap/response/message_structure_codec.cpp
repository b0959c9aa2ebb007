#include "harness/codec/imap/response/message_structure_codec.hpp"

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {
namespace {

bool digit_follows_sp(const Reader& r) { return r.peek() == ' ' && is_digit(static_cast<unsigned char>(r.peek(1))); }

// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
Address read_address(ParseContext& ctx) {
  Address address;
  ctx.r.open();
  address.name = ctx.nstring();
  ctx.sp();
  address.adl = ctx.nstring();
  ctx.sp();
  address.mailbox = ctx.nstring();
  ctx.sp();
  address.host = ctx.nstring();
  ctx.close();
  return address;
}

// env-from etc. = "(" 1*address ")" / nil: addresses follow each other
// with no SP between them.
AddressList read_address_list(ParseContext& ctx) {
  Reader& r = ctx.r;
  AddressList list;
  if (!r.ok() || ctx.try_nil()) return list;
  r.open();
  if (r.ok() && r.peek() == ')') {
    // "()" cannot be told from NIL once read; leniently it stands for NIL.
    ctx.tolerate(r.offset(), "empty address list where NIL is due", "address");
  } else {
    while (r.ok()) {
      Address address = read_address(ctx);
      if (!ctx.count_element()) break;
      list.push_back(std::move(address));
      if (r.peek() == '(') continue;
      if (r.peek() == ' ' && r.peek(1) == '(' && ctx.tolerate(r.offset(), "SP between addresses", "'(' or ')'")) {
        r.try_consume(' ');
        continue;
      }
      break;
    }
  }
  ctx.close();
  if (!r.ok()) list.clear();
  return list;
}

// body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
BodyParams read_body_params(ParseContext& ctx) {
  Reader& r = ctx.r;
  if (!r.ok() || ctx.try_nil()) return std::nullopt;
  r.open();
  std::vector<std::pair<std::string, std::string>> params;
  if (r.ok() && r.peek() == ')') {
    ctx.tolerate(r.offset(), "empty parameter list where NIL is due", "parameter name");
    ctx.close();
    return std::nullopt;
  }
  do {
    std::string name = ctx.string();
    ctx.sp();
    std::string value = ctx.string();
    if (!ctx.count_element()) break;
    params.emplace_back(std::move(name), std::move(value));
  } while (ctx.more());
  ctx.close();
  if (!r.ok()) return std::nullopt;
  return params;
}

// body-fld-dsp = "(" string SP body-fld-param ")" / nil
std::optional<BodyDisposition> read_disposition(ParseContext& ctx) {
  if (ctx.try_nil()) return std::nullopt;
  BodyDisposition disposition;
  ctx.r.open();
  disposition.type = ctx.string();
  ctx.sp();
  disposition.params = read_body_params(ctx);
  ctx.close();
  if (!ctx.ok()) return std::nullopt;
  return disposition;
}

// body-fld-lang = nstring / "(" string *(SP string) ")"
std::optional<std::vector<std::string>> read_language(ParseContext& ctx) {
  Reader& r = ctx.r;
  if (r.peek() != '(') {
    NString single = ctx.nstring();
    if (!single) return std::nullopt;
    return std::vector<std::string>{std::move(*single)};
  }
  std::vector<std::string> languages;
  r.open();
  do {
    std::string language = ctx.string();
    if (!ctx.count_element()) break;
    languages.push_back(std::move(language));
  } while (ctx.more());
  ctx.close();
  if (!r.ok()) return std::nullopt;
  return languages;
}

// body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
BodyExtension read_body_extension(ParseContext& ctx) {
  Reader& r = ctx.r;
  BodyExtension extension;
  if (!r.ok()) return extension;
  if (r.peek() == '(') {
    extension.kind = BodyExtension::Kind::list;
    r.open();
    do {
      BodyExtension item = read_body_extension(ctx);
      if (!ctx.count_element()) break;
      extension.list.push_back(std::move(item));
    } while (ctx.more());
    ctx.close();
  } else if (is_digit(static_cast<unsigned char>(r.peek()))) {
    extension.kind = BodyExtension::Kind::number;
    extension.number = r.number64();
  } else {
    extension.kind = BodyExtension::Kind::nstring;
    extension.string = ctx.nstring();
  }
  if (!r.ok()) return {};
  return extension;
}

// body-ext-1part / body-ext-mpart: positional, each field present only if
// all before it are.
BodyExtensionData read_extension_data(ParseContext& ctx, bool multipart) {
  BodyExtensionData data;
  data.fields = 1;
  if (multipart)
    data.params = read_body_params(ctx);
  else
    data.md5 = ctx.nstring();
  if (!ctx.more()) return data;
  data.fields = 2;
  data.disposition = read_disposition(ctx);
  if (!ctx.more()) return data;
  data.fields = 3;
  data.language = read_language(ctx);
  if (!ctx.more()) return data;
  data.fields = 4;
  data.location = ctx.nstring();
  while (ctx.more()) {
    BodyExtension extension = read_body_extension(ctx);
    if (!ctx.count_element()) break;
    data.extensions.push_back(std::move(extension));
  }
  return data;
}

// body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]; the
// parts follow each other with no SP between them.
void read_multipart(ParseContext& ctx, BodyStructure& body) {
  Reader& r = ctx.r;
  while (r.ok()) {
    BodyStructure part = read_body_structure(ctx);
    if (!ctx.count_element()) break;
    body.parts.push_back(std::move(part));
    if (r.peek() == '(') continue;
    if (r.peek() == ' ' && r.peek(1) == '(' &&
        ctx.tolerate(r.offset(), "SP between body parts", "'(' or SP and the multipart subtype")) {
      r.try_consume(' ');
      continue;
    }
    break;
  }
  ctx.sp();
  body.type = "MULTIPART";
  body.subtype = ctx.string();
  if (ctx.more()) body.extension = read_extension_data(ctx, /*multipart=*/true);
}

// body-type-basic / body-type-msg / body-type-text, then [SP body-ext-1part]
void read_single_part(ParseContext& ctx, BodyStructure& body) {
  Reader& r = ctx.r;
  body.type = ctx.string();
  ctx.sp();
  body.subtype = ctx.string();
  ctx.sp();
  body.params = read_body_params(ctx);
  ctx.sp();
  body.id = ctx.nstring();
  ctx.sp();
  body.description = ctx.nstring();
  ctx.sp();
  if (ctx.at_nil() && ctx.tolerate(r.offset(), "NIL content transfer encoding", "string (body-fld-enc)"))
    ctx.try_nil();
  else
    body.encoding = ctx.string();
  ctx.sp();
  body.size = r.number();
  if (!r.ok()) return;

  const bool message = iequals(body.type, "MESSAGE") && (iequals(body.subtype, "RFC822") || iequals(body.subtype, "GLOBAL"));
  if (message && r.peek() == ' ' && r.peek(1) == '(') {
    // body-type-msg: envelope, body and lines of the encapsulated message.
    // message/global has them in IMAP4rev2 only, hence the look-ahead (an
    // extension's md5 never starts with "(").
    EncapsulatedMessage encapsulated;
    ctx.sp();
    encapsulated.envelope = read_envelope(ctx);
    ctx.sp();
    encapsulated.body = read_body_structure(ctx);
    if (digit_follows_sp(r)) {
      ctx.sp();
      encapsulated.lines = r.number();
    } else {
      ctx.tolerate(r.offset(), "body-fld-lines missing", "SP and the line count of the message part");
    }
    if (r.ok()) body.message = std::move(encapsulated);
  } else if (message && iequals(body.subtype, "RFC822")) {
    ctx.tolerate(r.offset(), "message/rfc822 part without envelope, body and lines",
                 "SP and the envelope of the message/rfc822 part");
  } else if (iequals(body.type, "TEXT")) {
    if (digit_follows_sp(r)) {
      ctx.sp();
      body.lines = r.number();
    } else {
      ctx.tolerate(r.offset(), "body-fld-lines missing", "SP and the line count of the text part");
    }
  }
  if (ctx.more()) body.extension = read_extension_data(ctx, /*multipart=*/false);
}

void write_address_list(Writer& writer, const AddressList& list) {
  if (list.empty()) {
    writer.raw("NIL");
    return;
  }
  writer.open();
  for (const auto& address : list) {
    writer.open().nstring(address.name).sp().nstring(address.adl).sp().nstring(address.mailbox).sp();
    writer.nstring(address.host).close();
  }
  writer.close();
}

void write_body_params(Writer& writer, const BodyParams& params) {
  if (!params || params->empty()) {
    writer.raw("NIL");
    return;
  }
  writer.open();
  for (std::size_t i = 0; i < params->size(); ++i) {
    if (i > 0) writer.sp();
    writer.string((*params)[i].first).sp().string((*params)[i].second);
  }
  writer.close();
}

void write_body_extension(Writer& writer, const BodyExtension& extension) {
  switch (extension.kind) {
    case BodyExtension::Kind::nstring:
      writer.nstring(extension.string);
      return;
    case BodyExtension::Kind::number:
      writer.number(extension.number);
      return;
    case BodyExtension::Kind::list:
      writer.open();
      for (std::size_t i = 0; i < extension.list.size(); ++i) {
        if (i > 0) writer.sp();
        write_body_extension(writer, extension.list[i]);
      }
      writer.close();
      return;
  }
}

// How many positional extension fields to write: what the structure says,
// but never fewer than the fields it fills (for structures built by hand).
int extension_field_count(const BodyExtensionData& data) {
  int count = data.fields < 1 ? 1 : data.fields > 4 ? 4 : data.fields;
  if (data.disposition && count < 2) count = 2;
  if (data.language && count < 3) count = 3;
  if ((data.location || !data.extensions.empty()) && count < 4) count = 4;
  return count;
}

void write_extension_data(Writer& writer, const BodyExtensionData& data, bool multipart) {
  const int count = extension_field_count(data);
  if (multipart)
    write_body_params(writer, data.params);
  else
    writer.nstring(data.md5);
  if (count < 2) return;
  writer.sp();
  if (data.disposition) {
    writer.open().string(data.disposition->type).sp();
    write_body_params(writer, data.disposition->params);
    writer.close();
  } else {
    writer.raw("NIL");
  }
  if (count < 3) return;
  writer.sp();
  if (!data.language || data.language->empty()) {
    writer.raw("NIL");
  } else if (data.language->size() == 1) {
    writer.string(data.language->front());
  } else {
    writer.open();
    for (std::size_t i = 0; i < data.language->size(); ++i) {
      if (i > 0) writer.sp();
      writer.string((*data.language)[i]);
    }
    writer.close();
  }
  if (count < 4) return;
  writer.sp().nstring(data.location);
  for (const auto& extension : data.extensions) {
    writer.sp();
    write_body_extension(writer, extension);
  }
}

}  // namespace

Envelope read_envelope(ParseContext& ctx) {
  Envelope envelope;
  ctx.r.open();
  envelope.date = ctx.nstring();
  ctx.sp();
  envelope.subject = ctx.nstring();
  ctx.sp();
  envelope.from = read_address_list(ctx);
  ctx.sp();
  envelope.sender = read_address_list(ctx);
  ctx.sp();
  envelope.reply_to = read_address_list(ctx);
  ctx.sp();
  envelope.to = read_address_list(ctx);
  ctx.sp();
  envelope.cc = read_address_list(ctx);
  ctx.sp();
  envelope.bcc = read_address_list(ctx);
  ctx.sp();
  envelope.in_reply_to = ctx.nstring();
  ctx.sp();
  envelope.message_id = ctx.nstring();
  ctx.close();
  if (!ctx.ok()) return {};
  return envelope;
}

void write_envelope(Writer& writer, const Envelope& envelope) {
  writer.open().nstring(envelope.date).sp().nstring(envelope.subject).sp();
  write_address_list(writer, envelope.from);
  writer.sp();
  write_address_list(writer, envelope.sender);
  writer.sp();
  write_address_list(writer, envelope.reply_to);
  writer.sp();
  write_address_list(writer, envelope.to);
  writer.sp();
  write_address_list(writer, envelope.cc);
  writer.sp();
  write_address_list(writer, envelope.bcc);
  writer.sp().nstring(envelope.in_reply_to).sp().nstring(envelope.message_id).close();
}

BodyStructure read_body_structure(ParseContext& ctx) {
  Reader& r = ctx.r;
  BodyStructure body;
  if (!r.ok()) return body;
  const std::size_t max_depth = ctx.options().limits.max_body_depth;
  if (ctx.body_depth >= max_depth) {
    r.fail("body structure nested at most " + std::to_string(max_depth) + " deep");
    return body;
  }
  ++ctx.body_depth;
  r.open();
  if (r.ok() && r.peek() == '(')
    read_multipart(ctx, body);
  else
    read_single_part(ctx, body);
  ctx.close();
  --ctx.body_depth;
  if (!r.ok()) return {};
  return body;
}

void write_body_structure(Writer& writer, const BodyStructure& body) {
  writer.open();
  if (body.is_multipart()) {
    for (const auto& part : body.parts) write_body_structure(writer, part);
    writer.sp().string(body.subtype);
    if (body.extension) {
      writer.sp();
      write_extension_data(writer, *body.extension, /*multipart=*/true);
    }
    writer.close();
    return;
  }
  writer.string(body.type).sp().string(body.subtype).sp();
  write_body_params(writer, body.params);
  writer.sp().nstring(body.id).sp().nstring(body.description).sp().string(body.encoding).sp().number(body.size);
  if (body.message) {
    writer.sp();
    write_envelope(writer, body.message->envelope);
    writer.sp();
    write_body_structure(writer, *body.message->body);
    writer.sp().number(body.message->lines);
  } else if (body.lines) {
    writer.sp().number(*body.lines);
  }
  if (body.extension) {
    writer.sp();
    write_extension_data(writer, *body.extension, /*multipart=*/false);
  }
  writer.close();
}

}  // namespace conformance::codec::imap
