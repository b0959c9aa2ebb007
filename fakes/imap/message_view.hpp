// One stored message as FETCH and SEARCH see it: the bytes, and the MIME
// structure parsed only when an item needs it (ENVELOPE, BODYSTRUCTURE, a
// section, a header search), so a FETCH of FLAGS over 100,000 messages
// parses none.
#pragma once

#include "fakes/store/mail_store.hpp"
#include "harness/codec/imap/command/command.hpp"
#include "harness/codec/imap/writer.hpp"
#include "harness/codec/mime/structure.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace conformance::fakes::imap {

class MessageView {
 public:
  explicit MessageView(const store::StoredMessage& message) : message_(message) {}

  const store::StoredMessage& stored() const { return message_; }
  std::string_view bytes() const { return *message_.bytes; }
  // Null when the message does not parse as RFC 5322 (it is still served as bytes).
  const codec::mime::ParsedMessage* parsed();
  // The unfolded value of the first header field named `name`, or "".
  std::string header_value(std::string_view name);

 private:
  const store::StoredMessage& message_;
  bool tried_ = false;
  std::optional<codec::mime::ParsedMessage> parsed_;
};

// Appends one FETCH data item ("UID 4", "BODY[HEADER] {120}\r\n...") for
// `attribute`. Returns false when the item cannot be served (BINARY of a
// part that cannot be decoded, a section that does not exist is served
// empty as RFC 9051 §6.4.5 allows).
bool write_fetch_item(codec::imap::Writer& writer, const codec::imap::command::FetchAttribute& attribute,
                      MessageView& message);

// A part's content with its Content-Transfer-Encoding undone (RFC 3516
// §4.2): BINARY[] is the message unchanged, a missing part is empty, and an
// encoding that cannot be undone is nullopt (NO [UNKNOWN-CTE]).
std::optional<std::string> decoded_part(MessageView& message, const codec::imap::Section& section);

// The internal date as IMAP's date-time ("02-Nov-2026 09:15:00 +0100").
std::string internal_date_text(const store::StoredMessage& message);

struct SearchContext {
  std::uint32_t sequence_number = 0;
  std::uint32_t largest_sequence_number = 0;
  store::Uid largest_uid = 0;
  // "$" (RFC 5182 §2.1, RFC 9051 §6.4.4.1): the UIDs the last SEARCH ... SAVE kept, ascending.
  const std::vector<store::Uid>* saved_result = nullptr;

  bool in_saved_result(store::Uid uid) const {
    return saved_result != nullptr && std::binary_search(saved_result->begin(), saved_result->end(), uid);
  }
};

bool search_matches(const codec::imap::command::SearchKey& key, MessageView& message, const SearchContext& context);

}  // namespace conformance::fakes::imap
