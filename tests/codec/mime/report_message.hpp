// Test fixture shared by the section and IMAP view tests: a multipart/mixed
// message with a text part, a base64 attachment and a message/rfc822 part.
#pragma once

#include <string>

#include "tests/codec/mime/crlf.hpp"

namespace conformance::codec::mime::testing {

inline const std::string& report_message() {
  static const std::string message = crlf(
      "From: Alice <alice@example.org>\n"
      "To: Bob <bob@example.net>\n"
      "Subject: Report\n"
      "Date: Mon, 7 Feb 1994 21:52:25 -0800\n"
      "Message-ID: <report-1@example.org>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"outer\"\n"
      "\n"
      "preamble\n"
      "--outer\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "Hello Bob,\n"
      "see attached.\n"
      "--outer\n"
      "Content-Type: application/pdf; name=\"report.pdf\"\n"
      "Content-Disposition: attachment; filename=\"report.pdf\"\n"
      "Content-Transfer-Encoding: base64\n"
      "Content-ID: <att1@example.org>\n"
      "Content-Description: The report\n"
      "\n"
      "JVBERi0xLjQK\n"
      "--outer\n"
      "Content-Type: message/rfc822\n"
      "\n"
      "From: Carol <carol@example.com>\n"
      "Subject: Earlier\n"
      "Date: Sun, 6 Feb 1994 10:00:00 +0000\n"
      "\n"
      "Old text.\n"
      "--outer--\n");
  return message;
}

}  // namespace conformance::codec::mime::testing
