// One complete response frame (as FrameScanner delimits it) to a decoded
// response: strictly by the grammar, else leniently with each departure
// reported as a violation, else an error naming the offset. Sans-I/O.
#pragma once

#include <string>
#include <vector>

#include "harness/common/expected.hpp"
#include "harness/protocols/imap/conversation.hpp"
#include "harness/protocols/imap/response_view.hpp"

namespace conformance::protocols::imap {

Expected<Received, std::string> decode_frame(std::string frame, std::vector<Violation>& tolerated);

}  // namespace conformance::protocols::imap
