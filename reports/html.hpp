// The HTML report: one self-contained page (inline CSS and a few lines of
// inline JS, nothing fetched) with the run's summary by RFC section and, per
// scenario, a collapsible section with its details and colour-coded
// transcripts. Every piece of text is escaped: the server under test is
// hostile, and a reply holding <script> must show as text.
#pragma once

#include "harness/result/result.hpp"

#include <ostream>

namespace conformance::reports {

void write_html(const result::RunResult& run, std::ostream& out);

}  // namespace conformance::reports
