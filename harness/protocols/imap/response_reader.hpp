// Reads one IMAP response (a line plus the literals it announces) from the
// stream with the codec's FrameScanner under the run's caps, and decodes
// it. A line over the cap, a literal over the cap, a stall past the
// deadline and EOF are errors; a frame the grammar rejects is an error
// naming where, unless lenient parsing accepts it, in which case what was
// tolerated comes back as violations.
#pragma once

#include <vector>

#include "harness/engine/protocol.hpp"
#include "harness/net/stream.hpp"
#include "harness/protocols/imap/conversation.hpp"
#include "harness/protocols/imap/frame_decoding.hpp"
#include "harness/protocols/imap/response_view.hpp"

namespace conformance::protocols::imap {

net::awaitable<net::Outcome<Received>> read_response(net::Stream& stream, const engine::Limits& limits,
                                                     net::Duration timeout, std::vector<Violation>& tolerated);

}  // namespace conformance::protocols::imap
