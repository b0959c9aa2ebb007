// The FETCH response (RFC 9051 §7.5.2, RFC 3501 §7.4.2) and its message
// data items, including BINARY (RFC 3516), MODSEQ (RFC 7162), EMAILID and
// THREADID (RFC 8474), SAVEDATE (RFC 8514) and PREVIEW (RFC 8970). An item
// this codec does not know is an error at its offset: a conformance tool
// must say where a server left the grammar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "harness/codec/imap/date_time.hpp"
#include "harness/codec/imap/message_structure.hpp"
#include "harness/codec/imap/response/parse_context.hpp"
#include "harness/codec/imap/section.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

// String data keeps the form it was sent in (quoted, literal, literal8), so
// that a check can see what a server chose and a round trip is exact.
// StringForm::atom on data built by hand means "let the writer choose".

struct FetchFlags {
  std::vector<std::string> flags;
  friend bool operator==(const FetchFlags&, const FetchFlags&) = default;
};

struct FetchUid {
  std::uint32_t uid = 0;
  friend bool operator==(const FetchUid&, const FetchUid&) = default;
};

struct FetchInternalDate {
  DateTime date;
  friend bool operator==(const FetchInternalDate&, const FetchInternalDate&) = default;
};

struct FetchRfc822Size {
  std::uint64_t size = 0;
  friend bool operator==(const FetchRfc822Size&, const FetchRfc822Size&) = default;
};

// RFC822, RFC822.HEADER, RFC822.TEXT (RFC 3501)
struct FetchRfc822 {
  enum class Part { message, header, text };
  Part part = Part::message;
  NString data;
  StringForm form = StringForm::atom;
  friend bool operator==(const FetchRfc822&, const FetchRfc822&) = default;
};

struct FetchEnvelope {
  Envelope envelope;
  friend bool operator==(const FetchEnvelope&, const FetchEnvelope&) = default;
};

// BODY (non-extensible) or BODYSTRUCTURE
struct FetchBody {
  BodyStructure structure;
  bool extensible = true;  // BODYSTRUCTURE; false for BODY
  friend bool operator==(const FetchBody&, const FetchBody&) = default;
};

// BODY[section]<origin> nstring
struct FetchBodySection {
  Section section;
  std::optional<std::uint32_t> origin;
  NString data;
  StringForm form = StringForm::atom;
  friend bool operator==(const FetchBodySection&, const FetchBodySection&) = default;
};

// BINARY[section-binary]<origin> (nstring / literal8)
struct FetchBinary {
  std::vector<std::uint32_t> part;
  std::optional<std::uint32_t> origin;
  NString data;
  StringForm form = StringForm::atom;
  friend bool operator==(const FetchBinary&, const FetchBinary&) = default;
};

// BINARY.SIZE[section-binary] number
struct FetchBinarySize {
  std::vector<std::uint32_t> part;
  std::uint32_t size = 0;
  friend bool operator==(const FetchBinarySize&, const FetchBinarySize&) = default;
};

// MODSEQ (permsg-modsequence)
struct FetchModSeq {
  std::uint64_t modseq = 0;
  friend bool operator==(const FetchModSeq&, const FetchModSeq&) = default;
};

// EMAILID (objectid)
struct FetchEmailId {
  std::string id;
  friend bool operator==(const FetchEmailId&, const FetchEmailId&) = default;
};

// THREADID (objectid) / NIL
struct FetchThreadId {
  std::optional<std::string> id;
  friend bool operator==(const FetchThreadId&, const FetchThreadId&) = default;
};

// SAVEDATE date-time / NIL
struct FetchSaveDate {
  std::optional<DateTime> date;
  friend bool operator==(const FetchSaveDate&, const FetchSaveDate&) = default;
};

// PREVIEW nstring
struct FetchPreview {
  NString text;
  StringForm form = StringForm::atom;
  friend bool operator==(const FetchPreview&, const FetchPreview&) = default;
};

using FetchItem = std::variant<FetchFlags, FetchUid, FetchInternalDate, FetchRfc822Size, FetchRfc822, FetchEnvelope,
                               FetchBody, FetchBodySection, FetchBinary, FetchBinarySize, FetchModSeq, FetchEmailId,
                               FetchThreadId, FetchSaveDate, FetchPreview>;

// message-data = nz-number SP "FETCH" SP msg-att
struct FetchData {
  std::uint32_t sequence = 0;
  std::vector<FetchItem> items;  // in the order sent

  // The first item of type T, or nullptr.
  template <class T>
  const T* get() const {
    for (const auto& item : items)
      if (const T* found = std::get_if<T>(&item)) return found;
    return nullptr;
  }
  friend bool operator==(const FetchData&, const FetchData&) = default;
};

// After "<n> FETCH": SP msg-att.
FetchData read_fetch(ParseContext& ctx, std::uint32_t sequence);
void write_fetch(Writer& writer, const FetchData& fetch);  // from the number on

}  // namespace conformance::codec::imap
