#include "fakes/imap/message_view.hpp"

#include "harness/codec/imap/date_time.hpp"
#include "harness/codec/imap/response/message_structure_codec.hpp"
#include "harness/codec/imap/section.hpp"
#include "harness/codec/mime/date.hpp"
#include "harness/codec/mime/imap_view.hpp"
#include "harness/codec/common/base64.hpp"
#include "harness/codec/mime/section.hpp"
#include "harness/codec/mime/transfer_encoding.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace conformance::fakes::imap {
namespace {

namespace cmd = codec::imap::command;
using Kind = cmd::FetchAttribute::Kind;

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != haystack.end();
}

codec::imap::DateTime to_imap_date_time(const store::StoredMessage& message) {
  using namespace std::chrono;
  const auto shifted = message.internal_date + minutes(message.internal_date_offset_minutes);
  const auto days = floor<std::chrono::days>(shifted);
  const year_month_day ymd{days};
  const hh_mm_ss time{floor<seconds>(shifted - days)};
  codec::imap::DateTime out;
  out.date = {static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(ymd.year())};
  out.hour = static_cast<int>(time.hours().count());
  out.minute = static_cast<int>(time.minutes().count());
  out.second = static_cast<int>(time.seconds().count());
  out.zone_minutes = message.internal_date_offset_minutes;
  return out;
}

// Days since 1970-01-01 of an IMAP date, for BEFORE/ON/SINCE (RFC 9051 §6.4.4:
// dates compare without time and zone).
std::int64_t day_number(const codec::imap::Date& date) {
  using namespace std::chrono;
  return sys_days{year{date.year} / month{static_cast<unsigned>(date.month)} / day{static_cast<unsigned>(date.day)}}
      .time_since_epoch()
      .count();
}

std::int64_t internal_day(const store::StoredMessage& message) {
  return day_number(to_imap_date_time(message).date);
}

std::optional<std::int64_t> sent_day(MessageView& message) {
  const std::string date = message.header_value("Date");
  if (date.empty()) return std::nullopt;
  auto parsed = codec::mime::parse_date_time(date);
  if (!parsed) return std::nullopt;
  return day_number({parsed->day, parsed->month, parsed->year});
}

bool has_flag(const store::StoredMessage& message, std::string_view flag) { return message.has_flag(flag); }

std::string_view header_part(std::string_view bytes) {
  const auto end = bytes.find("\r\n\r\n");
  return end == std::string_view::npos ? bytes : bytes.substr(0, end + 4);
}

std::string_view text_part(std::string_view bytes) {
  const auto end = bytes.find("\r\n\r\n");
  return end == std::string_view::npos ? std::string_view() : bytes.substr(end + 4);
}

}  // namespace

const codec::mime::ParsedMessage* MessageView::parsed() {
  if (!tried_) {
    tried_ = true;
    auto result = codec::mime::parse_message(bytes());
    if (result) parsed_ = std::move(*result);
  }
  return parsed_ ? &*parsed_ : nullptr;
}

std::string MessageView::header_value(std::string_view name) {
  const auto* message = parsed();
  if (!message) return {};
  const auto* field = message->root.fields.find(name);
  return field ? field->unfolded() : std::string();
}

std::string internal_date_text(const store::StoredMessage& message) {
  codec::imap::Writer writer;
  codec::imap::write_date_time(writer, to_imap_date_time(message));
  return std::move(writer).bytes();
}

std::optional<std::string> decoded_part(MessageView& message, const codec::imap::Section& section) {
  if (section.part.empty()) return std::string(message.bytes());  // BINARY[]: the message as it is
  const auto* parsed = message.parsed();
  if (!parsed) return std::nullopt;
  const codec::mime::Part* part = codec::mime::find_part(parsed->root, section.part);
  if (!part) return std::string();  // no such part: served empty, as BODY[] does
  const std::string_view body = message.bytes().substr(part->body.begin, part->body.end - part->body.begin);
  if (part->kind != codec::mime::Part::Kind::leaf) return std::string(body);
  switch (codec::mime::identify_transfer_encoding(part->transfer_encoding)) {
    case codec::mime::TransferEncoding::seven_bit:
    case codec::mime::TransferEncoding::eight_bit:
    case codec::mime::TransferEncoding::binary:
      return std::string(body);
    case codec::mime::TransferEncoding::quoted_printable:
      return codec::mime::decode_quoted_printable(body);
    case codec::mime::TransferEncoding::base64:
      return codec::base64_decode_mime(body);
    case codec::mime::TransferEncoding::unknown:
      break;
  }
  return std::nullopt;
}

bool write_fetch_item(codec::imap::Writer& writer, const cmd::FetchAttribute& attribute, MessageView& message) {
  const store::StoredMessage& stored = message.stored();
  switch (attribute.kind) {
    case Kind::uid:
      writer.raw("UID ").number(stored.uid);
      return true;
    case Kind::flags: {
      writer.raw("FLAGS ");
      codec::imap::write_flag_list(writer, stored.flags);
      return true;
    }
    case Kind::internal_date:
      writer.raw("INTERNALDATE ").raw(internal_date_text(stored));
      return true;
    case Kind::rfc822_size:
      writer.raw("RFC822.SIZE ").number(stored.size());
      return true;
    case Kind::modseq:
      writer.raw("MODSEQ (").number(stored.modseq).raw(")");
      return true;
    case Kind::rfc822:
      writer.raw("RFC822 ").literal(message.bytes());
      return true;
    case Kind::rfc822_header:
      writer.raw("RFC822.HEADER ").literal(header_part(message.bytes()));
      return true;
    case Kind::rfc822_text:
      writer.raw("RFC822.TEXT ").literal(text_part(message.bytes()));
      return true;
    case Kind::envelope: {
      const auto* parsed = message.parsed();
      writer.raw("ENVELOPE ");
      codec::mime::HeaderSection empty;
      codec::imap::write_envelope(writer,
                                            codec::mime::compute_envelope(parsed ? parsed->root.fields : empty));
      return true;
    }
    case Kind::body:
    case Kind::body_structure: {
      const auto* parsed = message.parsed();
      if (!parsed) return false;
      codec::mime::BodyStructureOptions options;
      options.extension_data = attribute.kind == Kind::body_structure;
      writer.raw(attribute.kind == Kind::body ? "BODY " : "BODYSTRUCTURE ");
      codec::imap::write_body_structure(writer,
                                                  codec::mime::compute_body_structure(parsed->root, message.bytes(), options));
      return true;
    }
    case Kind::body_section: {
      std::string content;
      if (attribute.section.part.empty() && attribute.section.text == codec::imap::Section::Text::none) {
        content = std::string(message.bytes());
      } else {
        const auto* parsed = message.parsed();
        if (parsed) {
          auto section = codec::mime::fetch_section(*parsed, message.bytes(), attribute.section);
          if (section) content = std::move(*section);
        }
      }
      writer.raw("BODY");
      codec::imap::write_section(writer, attribute.section);
      std::string_view served = content;
      if (attribute.partial) {
        served = codec::mime::partial(content, attribute.partial->offset, attribute.partial->length);
        writer.raw("<").number(attribute.partial->offset).raw(">");
      }
      writer.sp().literal(served);
      return true;
    }
    case Kind::binary: {
      auto content = decoded_part(message, attribute.section);
      if (!content) return false;
      writer.raw("BINARY");
      codec::imap::write_section(writer, attribute.section);
      std::string_view served = *content;
      if (attribute.partial) {
        served = codec::mime::partial(*content, attribute.partial->offset, attribute.partial->length);
        writer.raw("<").number(attribute.partial->offset).raw(">");
      }
      // RFC 3516 §4.3: a literal8 when the data holds NUL, which a literal may not.
      const bool has_nul = served.find('\0') != std::string_view::npos;
      writer.sp().literal(served, has_nul ? codec::imap::StringForm::literal8 : codec::imap::StringForm::literal);
      return true;
    }
    case Kind::binary_size: {
      auto content = decoded_part(message, attribute.section);
      if (!content) return false;
      writer.raw("BINARY.SIZE");
      codec::imap::write_section(writer, attribute.section);
      writer.sp().number(content->size());
      return true;
    }
    default:
      return false;
  }
}

bool search_matches(const cmd::SearchKey& key, MessageView& message, const SearchContext& context) {
  using K = cmd::SearchKey::Kind;
  const store::StoredMessage& stored = message.stored();
  switch (key.kind) {
    case K::all:
      return true;
    case K::answered:
      return has_flag(stored, "\\Answered");
    case K::deleted:
      return has_flag(stored, "\\Deleted");
    case K::draft:
      return has_flag(stored, "\\Draft");
    case K::flagged:
      return has_flag(stored, "\\Flagged");
    case K::seen:
      return has_flag(stored, "\\Seen");
    case K::unanswered:
      return !has_flag(stored, "\\Answered");
    case K::undeleted:
      return !has_flag(stored, "\\Deleted");
    case K::undraft:
      return !has_flag(stored, "\\Draft");
    case K::unflagged:
      return !has_flag(stored, "\\Flagged");
    case K::unseen:
      return !has_flag(stored, "\\Seen");
    case K::new_:
    case K::recent:
      return false;  // no session here ever sees a message as \Recent
    case K::old:
    case K::unrecent:
      return true;
    case K::keyword:
      return has_flag(stored, key.value);
    case K::unkeyword:
      return !has_flag(stored, key.value);
    case K::from:
    case K::to:
    case K::cc:
    case K::bcc:
    case K::subject: {
      const char* field = key.kind == K::from ? "From" : key.kind == K::to ? "To" : key.kind == K::cc ? "Cc"
                          : key.kind == K::bcc ? "Bcc" : "Subject";
      return contains_ignoring_case(message.header_value(field), key.value);
    }
    case K::header:
      if (key.value.empty()) return message.parsed() && message.parsed()->root.fields.find(key.field) != nullptr;
      return contains_ignoring_case(message.header_value(key.field), key.value);
    case K::body:
      return contains_ignoring_case(text_part(message.bytes()), key.value);
    case K::text:
      return contains_ignoring_case(message.bytes(), key.value);
    case K::before:
      return internal_day(stored) < day_number(key.date);
    case K::on:
      return internal_day(stored) == day_number(key.date);
    case K::since:
      return internal_day(stored) >= day_number(key.date);
    case K::sent_before:
    case K::sent_on:
    case K::sent_since: {
      const auto day = sent_day(message);
      if (!day) return false;
      const auto wanted = day_number(key.date);
      return key.kind == K::sent_before ? *day < wanted : key.kind == K::sent_on ? *day == wanted : *day >= wanted;
    }
    case K::larger:
      return stored.size() > key.number;
    case K::smaller:
      return stored.size() < key.number;
    case K::uid:
      if (key.set.saved_result) return context.in_saved_result(stored.uid);
      return key.set.contains(stored.uid, context.largest_uid);
    case K::sequence_set:
      if (key.set.saved_result) return context.in_saved_result(stored.uid);
      return key.set.contains(context.sequence_number, context.largest_sequence_number);
    case K::modseq:
      return stored.modseq >= key.number;
    case K::not_:
      return key.keys.empty() || !search_matches(key.keys.front(), message, context);
    case K::or_:
      return key.keys.size() == 2 &&
             (search_matches(key.keys[0], message, context) || search_matches(key.keys[1], message, context));
    case K::list:
      for (const auto& inner : key.keys)
        if (!search_matches(inner, message, context)) return false;
      return true;
    default:
      return false;
  }
}

}  // namespace conformance::fakes::imap
