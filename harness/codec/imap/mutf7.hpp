// Modified UTF-7 for mailbox names (RFC 3501 §5.1.3, kept by RFC 9051 §5.1
// for servers that have not enabled UTF8=ACCEPT).
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::imap {

// UTF-8 in, modified UTF-7 out. Fails (with the offset of the bad byte) on
// input that is not UTF-8.
Result<std::string> encode_mutf7(std::string_view utf8);

// Modified UTF-7 in, UTF-8 out. Strict: rejects octets outside 0x20-0x7E,
// an unterminated "&", bad modified base64, non-zero padding bits, broken
// surrogate pairs, and base64 used for characters that stand for
// themselves (the RFC's MUST NOT), each at its offset.
Result<std::string> decode_mutf7(std::string_view mutf7);

}  // namespace conformance::codec::imap
