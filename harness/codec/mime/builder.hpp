// Composing messages, for the fakes' default mailboxes and for tests: text
// parts, attachments, multiparts and encapsulated messages as Entity values,
// and a message header around them. Everything written is in the current
// syntax of RFC 5322 and MIME, with CRLF line ends. Deterministic: the same
// input always gives the same bytes (boundaries are derived from content).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/codec/mime/address.hpp"
#include "harness/codec/mime/date.hpp"
#include "harness/codec/mime/entity.hpp"
#include "harness/codec/mime/message_id.hpp"

namespace conformance::codec::mime {

// text/<subtype> from UTF-8 text. Line ends are made CRLF (RFC 2046 §4.1.1).
// Charset us-ascii and 7bit when the text allows, else charset utf-8 and
// quoted-printable.
Entity make_text_part(std::string_view text, std::string_view subtype = "plain");

// An attachment: Content-Type `media_type` (application/octet-stream if it is
// not "type/subtype") with a name parameter, Content-Disposition: attachment
// with a filename (RFC 2231 form when the name needs it), base64 content.
Entity make_attachment(std::string_view filename, std::string_view media_type, std::string_view content);

// multipart/<subtype> holding `parts`, with a boundary that occurs in none of
// them. The body ends with the close delimiter and CRLF.
Entity make_multipart(std::string_view subtype, std::vector<Entity> parts);

// message/rfc822 holding `message`.
Entity make_message_part(Entity message);

// The header fields of a message (RFC 5322 §3.6). Empty members are left out.
struct MessageFields {
  std::optional<DateTime> date;
  AddressList from;
  std::optional<Mailbox> sender;
  AddressList reply_to;
  AddressList to;
  AddressList cc;
  AddressList bcc;
  std::optional<MessageId> message_id;
  std::vector<MessageId> in_reply_to;
  std::vector<MessageId> references;
  std::string subject;  // UTF-8; written as encoded-words when not plain ASCII
  std::vector<std::pair<std::string, std::string>> extra;  // further fields, name and unfolded value
};

// A message: the fields above, "MIME-Version: 1.0", then the header fields
// (Content-*) and body of `body`.
Entity compose_message(const MessageFields& fields, Entity body);

}  // namespace conformance::codec::mime
